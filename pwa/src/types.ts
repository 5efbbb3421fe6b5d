// Shapes of the API (DESIGN sections 5 and 6), shared by api.ts, its twin, the store and sync.

export type Role = 'newcomer' | 'buddy' | 'coordinator' | 'admin';

export interface Organisation {
  id: number;
  code: string;
  name: string;
  kind: 'municipality' | 'province' | 'national';
}

export interface User {
  id: string;
  email: string | null; // a newcomer made at intake may have none: they log in with the username
  username?: string | null;
  display_name: string;
  locale: string;
  roles: Role[];
  organisation: Organisation | null;
}

export interface SessionResponse {
  user: User;
  csrf_token: string;
}

// One weekly time slot; day 0 is Monday, times are "HH:MM" in Dutch time.
export interface Slot {
  day: number;
  start: string;
  end: string;
}

export type Share = 'email' | 'phone';

export interface ProfileData {
  id: string;
  display_name: string;
  locale: string;
  availability: Slot[];
  phone?: string | null; // shown to the other side of an active match only if shares holds 'phone'
  shares?: Share[];
}

export interface NoticeData {
  id: string;
  kind: string;
  code: string;
  message: string; // in the recipient's language when it was left: shown when there is no msgid
  msgid?: string | null; // the catalog entry ("context\u0004msgid" with a msgctxt): worded anew
  msgid_plural?: string | null;
  params?: Record<string, string | number> | null; // values for %(name)s / %(n)d; num picks the form
  mutation: string | null;
  link?: string | null; // a path of the app the notice opens (a reminder: its meeting)
  created_at: string;
  read: boolean;
}

export interface Mutation {
  mid: number;
  name: string;
  args: Record<string, unknown>;
}

export interface PushRequest {
  client_id: string;
  schema_version: number;
  mutations: Mutation[];
}

export interface PushResult {
  mid: number;
  status: 'applied' | 'duplicate' | 'rejected';
  code?: string;
  message?: string;
  errors?: Record<string, string[]>; // per field, for code invalid_args
  current?: Record<string, unknown> | null;
}

export interface PushResponse {
  results: PushResult[];
  last_mutation_id: number;
  stopped: null | { mid: number; code: string; expected: number };
  user_id: string; // whose session the server applied the batch for
}

export interface PullRequest {
  client_id: string;
  schema_version: number;
  cursor: string | null;
  limit: number;
}

export type Change =
  | { op: 'put'; entity: string; id: string; scope: string; seq: number; data: Record<string, unknown> }
  | { op: 'del'; entity: string; id: string; scope: string; seq: number };

export interface PullResponse {
  changes: Change[];
  drop_scope: string[];
  reset: boolean;
  last_mutation_id: number;
  has_more: boolean;
  cursor: string;
  user_id: string; // whose feed this is
}

// One signed-in device of the user (GET /api/auth/sessions).
export interface DeviceSession {
  id: string;
  device: string;
  created_at: string;
  last_seen_at: string;
  current: boolean;
}

// The translated catalogues (GET /api/catalogues): code -> label in the request's language.
// goals: domain code -> goal code -> label.
export interface Catalogues {
  languages: Record<string, string>;
  interests: Record<string, string>;
  domains: Record<string, string>;
  goals: Record<string, Record<string, string>>;
  categories: Record<string, string>;
  dutch_levels: Record<string, string>;
  learning_routes: Record<string, string>;
  genders: Record<string, string>;
  buddy_kinds: Record<string, string>;
  decline_reasons: Record<string, string>;
  end_reasons: Record<string, string>;
  consent_kinds: Record<string, string>;
  privacy_version: string; // the privacy statement's version a consent records
  activity_types: Record<string, ActivityType>; // code -> its label, domain and icon
}

export interface ActivityType {
  label: string;
  domain: Domain;
  icon: string; // a name of ui/Icon.tsx
}

export type MatchStatus = 'proposed' | 'agreed' | 'active' | 'paused' | 'ended' | 'declined' | 'expired' | 'withdrawn';
export type MatchAnswer = 'accepted' | 'declined';

// One party's view of a proposal or match (synced entity "match_offer" in the user's scope, row id
// "<match id>:<role>"): the other person's first name and municipality and what the two share,
// never contact details before the match is active; then only what that person chose to share.
export interface MatchOfferData {
  id: string;
  match_id: string;
  status: MatchStatus;
  role: 'newcomer' | 'buddy'; // this user's side
  other_first_name: string;
  other_municipality: string | null;
  shared_languages: string[]; // catalogue codes
  shared_interests: string[];
  own_answer: MatchAnswer | null;
  expires_at: string | null;
  planned_end: string | null;
  contact: { email?: string; phone?: string } | null;
  evaluated: boolean;
  created_at: string | null;
  intake_goals?: Record<string, string[]>; // the newcomer's intake goals per domain, while active or paused
  approved_at?: string | null; // when the match became active (a milestone of the timeline)
  ended_at?: string | null;
}

// A catalogue entry from GET /api/catalogues: a stable code and its label in the asked language.
export interface CatalogueEntry {
  code: string;
  label: string;
}

// The part of GET /api/catalogues the sign-up reads, as the API sends it: lists in catalogue order
// (features/catalogues keeps them as code -> label maps for the logged-in screens).
export interface CatalogueLists {
  languages: CatalogueEntry[];
  interests: CatalogueEntry[];
  buddy_kinds: CatalogueEntry[];
  genders: CatalogueEntry[];
  privacy_version: string;
}

// A municipal branch from GET /api/catalogues/municipalities.
export interface Municipality {
  code: string;
  name: string;
  province: string;
}

// -- the pair's life together (issue 10; docs/meetings.md). Rows in the scope match:<id>; sides
// are named by role, and the phone knows its own role from its match_offer row.
export type Side = 'newcomer' | 'buddy'; // a party to a match
export type MeetingStatus = 'proposed' | 'confirmed' | 'declined' | 'cancelled' | 'held';
export type MeetingAction = 'propose' | 'choose' | 'decline' | 'reschedule' | 'cancel' | 'complete';

export interface MeetingSlot {
  starts_at: string; // ISO 8601 with offset (the server sends UTC)
  minutes: number;
}

export interface MeetingData {
  id: string;
  match_id: string;
  status: MeetingStatus;
  version: number; // every transition names the version it was made on
  sequence: number; // iCalendar SEQUENCE
  proposed_by: Side;
  slots: MeetingSlot[];
  starts_at: string | null; // the chosen slot, UTC
  minutes: number | null;
  place: string;
  video_url: string;
  note: string;
  decided_by: Side | null;
  cancelled_by: Side | null;
  cancel_reason: string;
  attended: Side[];
  held_note: string;
  completed_by: Side | null;
  last_action: MeetingAction;
  last_actor: Side;
  created_at: string;
  updated_at: string;
}

export type Initiative = Side | 'both';
export type Domain = 'taal' | 'werk' | 'meedoen';

export interface ActivityData {
  id: string;
  match_id: string;
  type: string; // catalogue activity_types
  domain: Domain;
  day: string; // YYYY-MM-DD, Amsterdam
  minutes: number;
  initiative: Initiative;
  note: string;
  logged_by: Side;
  created_at: string;
}

export interface GoalStep {
  id: string;
  text: string;
  done: boolean;
}

export interface GoalData {
  id: string;
  match_id: string;
  domain: Domain;
  code: string | null; // an intake goal code (its label is the title) or null
  title: string;
  level: 0 | 1 | 2 | 3; // without steps: not started, started, halfway, nearly there
  steps: GoalStep[];
  done_at: string | null;
  added_by: Side;
  created_at: string;
  updated_at: string;
}

// Phrase practice (docs/phrases.md). A ts-fsrs Card as stored in JSON (dates as ISO strings).
export interface CardState {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: 0 | 1 | 2 | 3; // new, learning, review, relearning
  last_review: string | null;
}

export type Rating = 1 | 2 | 3 | 4; // again, hard, good, easy
export type PracticeMode = 'recognise' | 'recall' | 'listen' | 'type';
export type Level = 'A0' | 'A1' | 'A2' | 'B1';

// Synced "review" (scope user:<id>): append-only, one rating of one phrase.
export interface ReviewData {
  id: string;
  phrase_id: string;
  rating: Rating;
  mode: PracticeMode | 'together';
  reviewed_at: string; // ISO UTC, the phone's clock
  by: 'self' | 'buddy';
  match_id: string | null;
  card: CardState | null; // the state the phone derived (null when the buddy rated)
}

export type Voice = 'recorded' | 'browser' | 'computer';

// Synced "practice" (scope user:<id>, id = user id): settings and the newcomer's consents.
export interface PracticeData {
  new_per_day: number;
  reviews_per_day: number;
  buttons: 2 | 4;
  voice: Voice;
  modes: PracticeMode[];
  together_consent_at: string | null;
  progress_consent_at: string | null;
}

export interface ProgressSummary {
  due_today: number;
  streak: number;
  weeks: number[]; // reviews per week, oldest first, this week last (8)
  themes: Record<string, { started: number; mastered: number }>;
  at: string;
}

// Synced "practice_share" (scope match:<id>, id = match id): what the newcomer allows the buddy.
export interface PracticeShareData {
  together: boolean;
  progress: ProgressSummary | null;
}

// Synced "org_phrase" (scope branch:<org id>): a branch's own phrase; its phrase id is "org:<id>".
export interface OrgPhraseData {
  id: string; // org:<uuid>
  nl: string;
  theme: string;
  level: Level;
  translations: Partial<Record<string, string>>;
  note: string;
  updated_at: string;
}

// Synced "phrase_audio" (scope match:<id> or branch:<org id>): a recorded clip's metadata.
export interface PhraseAudioData {
  id: string;
  phrase_id: string;
  by: 'buddy' | 'coordinator' | 'newcomer'; // newcomer: a shared attempt, never the model voice
  name: string;
  mime: string;
  duration_ms: number;
  url: string; // /api/audio/<id>
  created_at: string;
}

// pwa/public/content/<lang>.json: the phrase catalogue of one language (made at build time).
export interface ContentPhrase {
  id: string;
  nl: string;
  theme: string;
  level: Level;
  register?: 'je' | 'u';
  t?: string; // the translation (absent in nl.json)
  u?: 1; // the translation is an unreviewed machine draft
  tts?: string; // the computer voice exists at /audio/tts/<id>.ogg; the value versions its URL
}

export interface ContentCatalogue {
  lang: string;
  dir: 'ltr' | 'rtl';
  version: string;
  themes: { code: string; label: string; unreviewed?: boolean }[];
  phrases: ContentPhrase[];
}
