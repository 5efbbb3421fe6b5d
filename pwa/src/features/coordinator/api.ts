// The coordinator's REST calls (online only; nothing here is synced or stored on the device).
// Paths and shapes follow the backend of issue 9 (people9: dashboard, newcomers, buddies;
// acct9: activation codes; suggest9: suggestions, waiting list; match9: matches).
import { getJson, patchJson, postJson } from '../../api';
import type { MatchStatus, Slot } from '../../types';

export interface Counted {
  count: number | string; // "<5" for provincial/national views (small counts are suppressed)
}

export interface PersonRef {
  id: string;
  display_name: string;
  municipality_code?: string | null;
  municipality?: string | null;
}

export interface NewcomerSummary extends PersonRef {
  waiting_since?: string | null;
  created_at?: string | null;
  has_open_match?: boolean;
}

export interface BuddySummary extends PersonRef {
  state: string;
  kind?: string;
  capacity?: number;
  open_matches?: number;
  vog_date?: string | null;
  vog_valid_until?: string | null;
}

export interface MatchSummary {
  id: string;
  status: MatchStatus;
  newcomer: PersonRef;
  buddy: PersonRef;
  newcomer_answer?: string | null;
  buddy_answer?: string | null;
  expires_at?: string | null;
  quiet_days?: number | null;
  last_activity_at?: string | null;
}

export interface VogWarning {
  buddy: PersonRef;
  vog_date: string | null;
  valid_until: string | null;
  expired: boolean;
  matches?: MatchSummary[];
}

export interface BranchCounts {
  organisation: { code: string; name: string };
  waiting_newcomers: number | string;
  buddies_to_vet: number | string;
  proposals_waiting: number | string;
  active_matches: number | string;
}

export interface Dashboard {
  organisation?: { code: string; name: string; kind: string };
  waiting_newcomers?: NewcomerSummary[];
  buddies_to_vet?: BuddySummary[] | Record<string, BuddySummary[]>;
  proposals_waiting?: MatchSummary[];
  quiet_pairs?: MatchSummary[];
  vog_expiring?: VogWarning[];
  vog_expired?: VogWarning[];
  branches?: BranchCounts[]; // provincial / national: counts per branch only
}

export interface Intake {
  category: string;
  arrival_date: string | null;
  gender: string | null;
  languages: string[];
  dutch_level: string;
  municipality_code: string;
  learning_route: string | null;
  goals: Record<string, string[]>;
  interests: string[];
  availability: Slot[];
  preferences: Record<string, string>;
  consents: { kind: string; version: string; at?: string }[];
}

export interface NewIntake extends Intake {
  display_name: string;
  username?: string;
  email?: string;
  locale: string;
}

export interface Newcomer {
  id: string;
  display_name: string;
  username?: string | null;
  email?: string | null;
  locale?: string | null;
  activated?: boolean;
  intake: Intake;
  open_match?: MatchSummary | null;
  matches?: MatchSummary[];
}

export interface ActivationCode {
  code: string;
  expires_at: string;
  url: string;
  qr_svg: string;
}

export interface VettingStep {
  from_state: string | null;
  to_state: string;
  by?: PersonRef | null;
  by_name?: string | null;
  at: string;
  vog_date?: string | null;
  note?: string;
}

export interface Buddy extends BuddySummary {
  email?: string | null;
  phone?: string | null;
  gender?: string | null;
  languages: string[];
  interests: string[];
  availability: Slot[];
  mdt_start?: string | null;
  mdt_end?: string | null;
  steps?: VettingStep[];
  next_states?: string[];
  matches?: MatchSummary[];
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

export interface MatchDetail extends MatchSummary {
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

const id = (value: string) => encodeURIComponent(value);

function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const coordinatorApi = {
  dashboard: () => getJson<Dashboard>('/api/dashboard'),
  newcomers: (waiting = true) => getJson<{ items: NewcomerSummary[] } | NewcomerSummary[]>(`/api/newcomers${query({ waiting: waiting ? 1 : undefined })}`),
  createNewcomer: (body: NewIntake) => postJson<Newcomer>('/api/newcomers', body),
  newcomer: (newcomerId: string) => getJson<Newcomer>(`/api/newcomers/${id(newcomerId)}`),
  updateNewcomer: (newcomerId: string, body: Partial<Intake>) => patchJson<Newcomer>(`/api/newcomers/${id(newcomerId)}`, body),
  activationCode: (userId: string) => postJson<ActivationCode>(`/api/accounts/${id(userId)}/activation-code`),
  buddies: (state?: string) => getJson<{ items: BuddySummary[] } | BuddySummary[]>(`/api/buddies${query({ state })}`),
  buddy: (buddyId: string) => getJson<Buddy>(`/api/buddies/${id(buddyId)}`),
  vettingStep: (buddyId: string, body: { to_state: string; vog_date?: string; note?: string }) =>
    postJson<Buddy>(`/api/buddies/${id(buddyId)}/steps`, body),
  suggestions: (newcomerId: string, filters: { language?: string; max_km?: number; kind?: string; limit?: number } = {}) =>
    getJson<Suggestions>(`/api/newcomers/${id(newcomerId)}/suggestions${query(filters)}`),
  waitingList: (orgCode: string) => getJson<WaitingListProposal>(`/api/orgs/${id(orgCode)}/waiting-list-proposal`),
  propose: (newcomerId: string, buddyId: string, score?: Score) =>
    postJson<MatchDetail>('/api/matches', { newcomer_id: newcomerId, buddy_id: buddyId, ...(score ? { score } : {}) }),
  match: (matchId: string) => getJson<MatchDetail>(`/api/matches/${id(matchId)}`),
  matchAction: (matchId: string, action: MatchAction, body: { reason?: string; note?: string } = {}) =>
    postJson<MatchDetail>(`/api/matches/${id(matchId)}/${action}`, body),
};

// A list answer, paged ({items}) or plain.
export function items<T>(answer: { items: T[] } | T[] | null | undefined): T[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items ?? [];
}
