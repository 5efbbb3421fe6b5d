// IndexedDB through Dexie: the database name, its tables and the upgrade ladder, all in one place.
import Dexie, { type Table } from 'dexie';
import type {
  ActivityData, CardState, Catalogues, ContentCatalogue, GoalData, MatchOfferData, MeetingData, Mutation, NoticeData,
  OrgPhraseData, PhraseAudioData, PracticeData, PracticeShareData, ProfileData, ReviewData, User,
} from '../types';
import type { StoredHours } from '../features/hours/hours';
import { uuid } from '../uuid';

export const DB_NAME = 'maatje';
// The sync schema the server is told in every push and pull; bump it with the server's.
export const SYNC_SCHEMA_VERSION = 1;

// A row as the server last sent it; `scope` lets a pull drop everything of a lost scope.
export interface Row<T> {
  id: string;
  scope: string;
  seq: number;
  data: T;
  at?: string; // where the row sits in time (tables of ORDERED): indexed with its scope
}

// A time stamp or a day as a key that sorts as text: a day ("2026-11-30") at noon UTC of that day.
export function orderKey(at: string): string {
  return at.length === 10 ? `${at}T12:00:00.000` : new Date(at).toISOString().slice(0, 23);
}

// Tables a screen reads newest first (the timeline of a match): each row gets `at` when a pull
// writes it, indexed as [scope+at], so the newest rows of one scope are read without the rest.
export const ORDERED: Record<string, (data: never) => string> = {
  // A meeting sits at its chosen time, else its first proposed slot, else when it was made.
  meeting: (d: MeetingData) => d.starts_at ?? d.slots?.[0]?.starts_at ?? d.created_at,
  activity: (d: ActivityData) => d.day,
};

// The row a pull stores for a change (with its `at` where the table is ordered).
export function storedRow(entity: string, id: string, scope: string, seq: number, data: unknown): Row<unknown> {
  const at = ORDERED[entity];
  return at ? { id, scope, seq, data, at: orderKey(at(data as never)) } : { id, scope, seq, data };
}

export interface OutboxEntry extends Mutation {
  created_at: string;
}

// A change refused on this phone alone: the server turned down its whole batch (too large,
// malformed), so it left no notice row there. Rejections the server recorded arrive as notices.
export interface LocalRejection {
  id: string;
  mid: number;
  name: string;
  code: string;
  message: string;
  at: string;
  read: boolean;
}

export type SyncProblem = 'offline' | 'server' | 'outdated' | 'unauthorized' | 'quota' | null;

// Everything `meta` may hold, with its type: one typed key-value table instead of many tiny ones.
export interface MetaValues {
  client_id: string;
  last_mid: number; // the last mid handed out on this device
  last_mutation_id: number; // the last mid the server confirmed
  cursor: string | null;
  me: User; // the last /api/auth/me answer: lets the app start offline
  last_user_id: string; // whose data this device holds, kept past a session expiry
  last_synced_at: string;
  sync_problem: SyncProblem;
  local_rejections: LocalRejection[];
  catalogues: { lang: string; data: Catalogues }; // the last GET /api/catalogues, for offline labels
  hours: StoredHours; // an MDT buddy's last GET /api/hours/me, shown offline with its date
  phrases: ContentCatalogue; // the phrase catalogue of the app's language (pwa/public/content/<lang>.json)
}

// A card's state derived on this phone by replaying its reviews (docs/phrases.md); never synced.
export interface LocalCard {
  phrase_id: string;
  state: CardState;
  due: string; // = state.due, indexed
  reviews: number; // how many reviews it was replayed from
  last_id: string; // the id of the last review in replay order
}

// A blob waiting to be uploaded (a recorded clip): sent by sync/uploads.ts when online.
export interface Upload {
  id: string;
  user_id: string; // whose upload: kept (not cleared) when another person logs in, sent when they return
  url: string; // PUT target, e.g. /api/audio/<id>
  fields: Record<string, string>; // the multipart form's text fields
  blob: Blob;
  created_at: string;
  attempts: number;
  error: string | null; // the server's refusal (4xx), kept to show; null while it may still go
}

// The newcomer's own recorded attempt of a phrase: kept on this phone only.
export interface Attempt {
  id: string;
  phrase_id: string;
  blob: Blob;
  created_at: string;
}

export type MetaKey = keyof MetaValues;

// Why a user's session on this phone ended: the login screen says it.
export type SignOutReason = 'expired' | 'other_user' | 'logout';

// What a signed-out user left on this phone: unsent changes (with the client id their mids were
// numbered for), kept aside from whoever logs in next until this user logs in again.
export interface Parked {
  user_id: string;
  name: string;
  client_id: string | null;
  last_mid: number;
  entries: OutboxEntry[];
  reason: SignOutReason | null; // null once someone has logged in since
  at: string;
}

interface MetaRow {
  key: MetaKey;
  value: unknown;
}

export class MaatjeDB extends Dexie {
  profile!: Table<Row<ProfileData>, string>;
  notice!: Table<Row<NoticeData>, string>;
  match_offer!: Table<Row<MatchOfferData>, string>;
  meeting!: Table<Row<MeetingData>, string>;
  activity!: Table<Row<ActivityData>, string>;
  goal!: Table<Row<GoalData>, string>;
  review!: Table<Row<ReviewData>, string>;
  practice!: Table<Row<PracticeData>, string>;
  practice_share!: Table<Row<PracticeShareData>, string>;
  org_phrase!: Table<Row<OrgPhraseData>, string>;
  phrase_audio!: Table<Row<PhraseAudioData>, string>;
  card!: Table<LocalCard, string>;
  upload!: Table<Upload, string>;
  attempt!: Table<Attempt, string>;
  outbox!: Table<OutboxEntry, number>;
  // Changes the server has answered (applied or rejected) whose result the next pull has not
  // brought yet: screens keep showing them on top until it has, so nothing flickers back.
  sent!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, MetaKey>;
  parked!: Table<Parked, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    // The ladder: add version(2) etc. below with an .upgrade() step; never edit a shipped one.
    this.version(1).stores({
      profile: 'id, scope',
      notice: 'id, scope',
      outbox: 'mid',
      meta: 'key',
    });
    // A new table only: version 1 data stays as it is. No `scope` index: parked rows are not synced.
    this.version(2).stores({ parked: 'user_id' });
    // Issue 9: each party's view of a proposal or match (synced, in the user's scope).
    this.version(3).stores({ match_offer: 'id, scope' });
    // Issue 10: the pair's meetings, shared activities and goals (synced, in the scope match:<id>).
    this.version(4).stores({
      meeting: 'id, scope, [scope+at]', activity: 'id, scope, [scope+at]', goal: 'id, scope', sent: 'mid',
    });
    // Issue 11: phrase practice (docs/phrases.md). Synced: reviews, settings, the newcomer's share
    // with a match, a branch's phrases, recorded clips. The phone's own: derived cards, uploads
    // waiting for a connection, the newcomer's own attempts.
    this.version(5).stores({
      review: 'id, scope, data.phrase_id',
      practice: 'id, scope',
      practice_share: 'id, scope',
      org_phrase: 'id, scope',
      phrase_audio: 'id, scope, data.phrase_id',
      card: 'phrase_id, due',
      upload: 'id',
      attempt: 'id, phrase_id',
    });
  }
}

// The tables that hold server data, by the entity name the server uses in changes: exactly the
// tables with a `scope` index (a pull drops a lost scope's rows by it). A new entity needs only
// its table here; sync finds it. Tables without `scope` (outbox, meta, ...) are the phone's own.
export function syncedTables(db: Dexie): Map<string, Table<Row<unknown>, string>> {
  const synced = new Map<string, Table<Row<unknown>, string>>();
  for (const table of db.tables) {
    if (table.schema.idxByName.scope) synced.set(table.name, table as Table<Row<unknown>, string>);
  }
  return synced;
}

export async function getMeta<K extends MetaKey>(db: MaatjeDB, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: MaatjeDB, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: MaatjeDB, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

// Made once per device (and again after a user switch); the server keys mids by it.
export async function ensureClientId(db: MaatjeDB): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'client_id');
    if (existing) return existing;
    const id = uuid();
    await setMeta(db, 'client_id', id);
    return id;
  });
}
