"""The dashboard's answer: a branch's lists, or counts per branch."""
import marshmallow as ma

from backend.orgs.schemas import OrganisationSchema

COUNT = {"description": "A count; under 5 it reads \"<5\" (nobody recognisable)", "example": "<5"}


class WaitingItemSchema(ma.Schema):
    id = ma.fields.UUID()
    display_name = ma.fields.String()
    since = ma.fields.AwareDateTime(metadata={"description": "When the intake was recorded"})


class WaitingSchema(ma.Schema):
    count = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(WaitingItemSchema), metadata={"description": "At most 50, longest waiting first"})


class ToVetSchema(ma.Schema):
    signed_up = ma.fields.Integer()
    intake_done = ma.fields.Integer()
    vog_received = ma.fields.Integer()
    trained = ma.fields.Integer()


class ProposalSchema(ma.Schema):
    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"enum": ["proposed", "agreed"]})
    newcomer_name = ma.fields.String()
    buddy_name = ma.fields.String()
    created_at = ma.fields.AwareDateTime()
    expires_at = ma.fields.AwareDateTime(allow_none=True)


class TouchedMatchSchema(ma.Schema):
    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"enum": ["active", "paused"]})
    newcomer_name = ma.fields.String()


class VogSchema(ma.Schema):
    buddy_id = ma.fields.UUID()
    display_name = ma.fields.String()
    state = ma.fields.String()
    vog_date = ma.fields.Date()
    expires = ma.fields.Date(metadata={"description": "First day the VOG no longer counts"})


class ExpiredVogSchema(VogSchema):
    matches = ma.fields.List(ma.fields.Nested(TouchedMatchSchema),
                             metadata={"description": "The active and paused matches of this buddy"})


class QuietPairSchema(ma.Schema):
    match_id = ma.fields.UUID()
    quiet_days = ma.fields.Integer(metadata={"description": "Whole days since the pair last synced a change"})
    since = ma.fields.AwareDateTime()
    newcomer_name = ma.fields.String()
    buddy_name = ma.fields.String()


class BranchSchema(ma.Schema):
    waiting_newcomers = ma.fields.Nested(WaitingSchema)
    buddies_to_vet = ma.fields.Nested(ToVetSchema, metadata={"description": "Buddies per vetting state"})
    buddies_available = ma.fields.Integer()
    proposals_waiting = ma.fields.List(ma.fields.Nested(ProposalSchema), metadata={
        "description": "Matches proposed (waiting for answers) or agreed (waiting for approval)"})
    active_matches = ma.fields.Integer()
    quiet_pairs = ma.fields.List(ma.fields.Nested(QuietPairSchema), metadata={
        "description": "Active pairs with nothing synced into their match for the branch's quiet_buddy_days (14), the quietest first"})
    vogs_expiring = ma.fields.List(ma.fields.Nested(VogSchema), metadata={
        "description": "VOGs ending within the organisation's vog_warn_days"})
    vogs_expired = ma.fields.List(ma.fields.Nested(ExpiredVogSchema))


class BranchCountsSchema(ma.Schema):
    code = ma.fields.String()
    name = ma.fields.String()
    parent_code = ma.fields.String(allow_none=True)
    waiting_newcomers = ma.fields.String(metadata=COUNT)
    buddies_to_vet = ma.fields.String(metadata=COUNT)
    buddies_available = ma.fields.String(metadata=COUNT)
    proposals_waiting = ma.fields.String(metadata=COUNT)
    active_matches = ma.fields.String(metadata=COUNT)
    vogs_expiring = ma.fields.String(metadata=COUNT)
    vogs_expired = ma.fields.String(metadata=COUNT)


class DashboardSchema(ma.Schema):
    kind = ma.fields.String(metadata={"enum": ["branch", "counts"], "description": (
        "branch: a municipal coordinator's lists (`branch`); counts: a provincial or national "
        "coordinator's counts per municipal branch (`branches`), no names")})
    organisation = ma.fields.Nested(OrganisationSchema)
    branch = ma.fields.Nested(BranchSchema)
    branches = ma.fields.List(ma.fields.Nested(BranchCountsSchema), metadata={
        "description": "Every municipal branch below with anyone in it"})
