// The coordinator's REST calls (online only; nothing here is synced or stored on the device).
// Paths and shapes follow the backend of issue 9 (people9: dashboard, newcomers, buddies;
// acct9: activation codes; suggest9: suggestions, waiting list; match9: matches).
import { getJson, patchJson, postJson } from '../../api';
import type { Domain, MatchStatus, Slot } from '../../types';

export interface PersonRef {
  id: string;
  display_name: string;
}

// GET /api/dashboard (people9): a municipal coordinator's lists ("branch"), or counts per branch.
export interface Dashboard {
  kind: 'branch' | 'counts';
  organisation: { code: string; name: string; kind: string };
  branch?: BranchLists;
  branches?: BranchCounts[];
}

export interface BranchLists {
  waiting_newcomers: { count: number; items: { id: string; display_name: string; since: string }[] };
  buddies_to_vet: Record<string, number>; // per vetting state
  buddies_available: number;
  proposals_waiting: {
    id: string; status: 'proposed' | 'agreed'; newcomer_name: string; buddy_name: string;
    created_at: string; expires_at: string | null;
  }[];
  active_matches: number;
  quiet_pairs: { match_id: string; quiet_days: number; since: string; newcomer_name: string; buddy_name: string }[];
  vogs_expiring: VogWarning[];
  vogs_expired: (VogWarning & { matches: { id: string; status: string; newcomer_name: string }[] })[];
}

export interface VogWarning {
  buddy_id: string;
  display_name: string;
  state: string;
  vog_date: string;
  expires: string; // the first day the VOG no longer counts
}

export interface BranchCounts {
  code: string;
  name: string;
  parent_code: string | null;
  waiting_newcomers: string; // "<5" under five
  buddies_to_vet: string;
  buddies_available: string;
  proposals_waiting: string;
  active_matches: string;
  vogs_expiring: string;
  vogs_expired: string;
}

// The intake's own fields (people9's IntakeFieldsSchema).
export interface IntakeFields {
  category: string;
  arrival_date: string | null;
  gender: string | null;
  languages: string[];
  dutch_level: string;
  municipality: string; // CBS code
  learning_route: string | null;
  goals: Record<string, string[]>;
  interests: string[];
  availability: Slot[];
  preferences: { buddy_gender?: string | null; buddy_kind?: string | null };
}

export interface NewIntake extends IntakeFields {
  display_name: string;
  username?: string;
  email?: string;
  locale: string;
  consents: { kind: string; version: string }[];
}

// GET /api/newcomers/<id>: the intake with the account's name, username and state.
export interface Newcomer extends IntakeFields {
  id: string;
  display_name: string;
  username: string | null;
  email: string | null;
  locale: string | null;
  activated: boolean;
  waiting: boolean; // no open match
  consents: { kind: string; version: string; at?: string }[];
  created_at: string;
}

export interface NewcomerSummary {
  id: string;
  display_name: string;
  username: string | null;
  activated: boolean;
  waiting: boolean;
  created_at: string;
}

export interface ActivationCode {
  code: string;
  expires_at: string;
  url: string;
  qr_svg: string;
}

export interface BuddySummary {
  id: string;
  display_name: string;
  organisation_code: string;
  kind: string;
  state: string;
  capacity: number;
  vog_expires: string | null;
  created_at: string;
}

export interface VettingStep {
  id: string;
  from_state: string | null;
  to_state: string;
  by_id: string | null;
  at: string;
  vog_date: string | null;
  note: string;
}

export interface Buddy extends BuddySummary {
  email: string;
  locale: string | null;
  birth_date: string | null;
  gender: string | null;
  mdt_start: string | null;
  mdt_end: string | null;
  mdt_hours_target: number | null;
  languages: string[];
  interests: string[];
  availability: Slot[];
  municipality_code: string;
  vog_date: string | null;
  steps: VettingStep[];
}

export interface MatchSummary {
  id: string;
  status: MatchStatus;
  newcomer: PersonRef;
  buddy: PersonRef;
  newcomer_answer?: string | null;
  buddy_answer?: string | null;
  expires_at?: string | null;
}

export interface MatchListItem {
  id: string;
  status: MatchStatus;
  newcomer_id: string;
  buddy_id: string;
  created_at: string;
  expires_at: string | null;
  planned_end: string | null;
}

export interface ScorePart {
  code: string; // language, distance, availability, interests, capacity, mdt, preference
  points: number;
  text: string; // the facts in words, in the coordinator's language
  flag?: boolean; // something to look at (e.g. an MDT period too short)
}

export interface Score {
  total: number;
  parts: ScorePart[];
}

export interface Suggestion {
  buddy_id: string;
  display_name: string;
  kind: string;
  municipality_code: string;
  score: Score;
}

export interface Suggestions {
  newcomer_id: string;
  candidates: number; // admissible buddies before the limit
  suggestions: Suggestion[];
}

export interface ProposalPair {
  newcomer_id: string;
  newcomer_name: string;
  buddy_id: string;
  buddy_name: string;
  proposal: Suggestion; // this pair
  best: Suggestion; // the newcomer's best buddy one at a time
  same_as_best: boolean;
}

export interface Unplaced {
  newcomer_id: string;
  newcomer_name: string;
  reason: 'no_admissible_buddy' | 'no_capacity';
  message: string; // why, in words
  best: Suggestion | null;
}

export interface WaitingListProposal {
  organisation: string;
  newcomers: number;
  buddies: number;
  total: number;
  pairs: ProposalPair[];
  unplaced: Unplaced[];
}

export interface MatchEvent {
  seq: number;
  action: string;
  actor?: PersonRef | null;
  actor_name?: string | null;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  note: string;
  at: string;
}

// What a pair did together, as their coordinator sees it: counts and dates, never notes.
export interface Together {
  meetings: {
    held: number;
    upcoming: number; // confirmed, still to come
    proposed: number;
    cancelled: number;
    last_held: string | null;
    next_confirmed: string | null;
  };
  activities: {
    count: number;
    minutes: number;
    last_day: string | null;
    by_domain: Record<Domain, { count: number; minutes: number }>;
  };
  goals: { count: number; done: number };
}

// A buddy's hours (GET /api/hours/me, GET /api/buddies/<id>/hours).
export interface HoursEntry {
  day: string;
  kind: 'meeting' | 'activity';
  type: string | null;
  minutes: number;
  with: string; // the newcomer's first name
}

export interface Hours {
  kind: 'volunteer' | 'mdt';
  target_hours: number | null; // MDT only
  service_start: string | null;
  service_end: string | null;
  minutes_total: number;
  minutes_meetings: number;
  minutes_activities: number;
  capped_days?: number; // days with more than 16 hours logged: each counts 16
  entries: HoursEntry[];
  as_of: string;
}

export interface MatchDetail extends MatchSummary {
  together?: Together; // coordinators only
  organisation?: string; // the branch's code
  created_at?: string;
  approved_at?: string | null;
  planned_end?: string | null;
  ended_at?: string | null;
  end_reason?: string | null;
  score?: Partial<Score> | null;
  history: MatchEvent[];
}

export type MatchAction = 'approve' | 'withdraw' | 'pause' | 'resume' | 'end';

// One read of a person's intake, buddy profile or buddy's hours by a coordinator (GET /api/audit/reads).
export interface ProfileRead {
  id: string;
  at: string;
  what: 'intake' | 'buddy_profile' | 'buddy_hours';
  reader_id: string | null;
  reader_name: string | null;
  subject_id: string;
  subject_name: string;
}

const id = (value: string) => encodeURIComponent(value);

function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const coordinatorApi = {
  dashboard: () => getJson<Dashboard>('/api/dashboard'),
  reads: (page = 1) => getJson<ProfileRead[]>(`/api/audit/reads${query({ page, page_size: 50 })}`),
  newcomers: (waiting?: boolean) => getJson<NewcomerSummary[]>(`/api/newcomers${query({ waiting: waiting === undefined ? undefined : String(waiting) })}`),
  createNewcomer: (body: NewIntake) =>
    postJson<Newcomer & { activation_code: string; activation: ActivationCode }>('/api/newcomers', body),
  newcomer: (newcomerId: string) => getJson<Newcomer>(`/api/newcomers/${id(newcomerId)}`),
  updateNewcomer: (newcomerId: string, body: Partial<IntakeFields>) => patchJson<Newcomer>(`/api/newcomers/${id(newcomerId)}`, body),
  activationCode: (userId: string) => postJson<ActivationCode>(`/api/accounts/${id(userId)}/activation-code`),
  buddies: (state?: string) => getJson<BuddySummary[]>(`/api/buddies${query({ state, page_size: 100 })}`),
  buddy: (buddyId: string) => getJson<Buddy>(`/api/buddies/${id(buddyId)}`),
  buddyHours: (buddyId: string) => getJson<Hours>(`/api/buddies/${id(buddyId)}/hours`),
  vettingStep: (buddyId: string, body: { to_state: string; vog_date?: string; note?: string }) =>
    postJson<Buddy>(`/api/buddies/${id(buddyId)}/steps`, body),
  suggestions: (newcomerId: string, filters: { language?: string; max_km?: number; kind?: string; limit?: number } = {}) =>
    getJson<Suggestions>(`/api/newcomers/${id(newcomerId)}/suggestions${query(filters)}`),
  waitingList: (orgCode: string) => getJson<WaitingListProposal>(`/api/orgs/${id(orgCode)}/waiting-list-proposal`),
  propose: (newcomerId: string, buddyId: string, score?: Score) =>
    postJson<MatchDetail>('/api/matches', { newcomer_id: newcomerId, buddy_id: buddyId, ...(score ? { score } : {}) }),
  match: (matchId: string) => getJson<MatchDetail>(`/api/matches/${id(matchId)}`),
  // Matches of the branch in these statuses (the open ones by default).
  matches: (statuses: MatchStatus[] = ['proposed', 'agreed', 'active', 'paused']) =>
    getJson<MatchListItem[]>(`/api/matches?${statuses.map((s) => `status=${s}`).join('&')}`),
  matchAction: (matchId: string, action: MatchAction, body: { reason?: string; note?: string } = {}) =>
    postJson<MatchDetail>(`/api/matches/${id(matchId)}/${action}`, body),
};
