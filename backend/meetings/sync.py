"""The meetings feature's part in sync: the six mutations on the entity "meeting" in match:<id>.

Each handler is the service function (backend/meetings/service.py), which first checks that
the user may write into the meeting's match (require_writable_match: scope_forbidden, also for
a meeting of another match, exactly as for an unknown id; match_paused), then the version and
the transition table. A refusal is registry.Rejected with the meeting as it is now; the push
engine turns its message into a notice for the sender.
"""
from backend.meetings import service
from backend.meetings.schemas import (
    MeetingCancelSchema, MeetingChooseSchema, MeetingCompleteSchema, MeetingDeclineSchema, MeetingProposeSchema,
    MeetingRescheduleSchema,
)
from backend.sync import registry


@registry.mutation("meeting.propose", MeetingProposeSchema())
def meeting_propose(user, args):
    """Propose one to three times for a new meeting (its id made on the phone)."""
    return service.meeting_data(service.apply_propose(user, args))


@registry.mutation("meeting.choose", MeetingChooseSchema())
def meeting_choose(user, args):
    """Pick one of the other side's proposed times: the meeting is confirmed."""
    return service.meeting_data(service.apply_choose(user, args))


@registry.mutation("meeting.decline", MeetingDeclineSchema())
def meeting_decline(user, args):
    """Say none of the other side's proposed times suits, with an optional note."""
    return service.meeting_data(service.apply_decline(user, args))


@registry.mutation("meeting.reschedule", MeetingRescheduleSchema())
def meeting_reschedule(user, args):
    """Propose other times (and place) for a proposed, confirmed or declined meeting."""
    return service.meeting_data(service.apply_reschedule(user, args))


@registry.mutation("meeting.cancel", MeetingCancelSchema())
def meeting_cancel(user, args):
    """Call off a proposed or confirmed meeting, with a reason."""
    return service.meeting_data(service.apply_cancel(user, args))


@registry.mutation("meeting.complete", MeetingCompleteSchema())
def meeting_complete(user, args):
    """Mark a confirmed meeting as held once it has started: who came and a short note."""
    return service.meeting_data(service.apply_complete(user, args))
