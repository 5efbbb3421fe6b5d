// The buddy sign-up's state without the screen: the steps and their fields, the client's own
// checks (the server has the last word: its 422 lands at the same fields), the payload, the
// draft kept in sessionStorage (never the password) and the search among the municipalities.
import { _, ngettext } from '../../i18n';
import type { Municipality, Slot } from '../../types';

export const STEPS = ['about', 'kind', 'languages', 'interests', 'availability', 'place', 'consent'] as const;
export type Step = (typeof STEPS)[number];

export interface SignupDraft {
  display_name: string;
  email: string;
  password: string;
  repeat: string;
  locale: string; // '' follows the app's language
  kind: string; // '' until chosen: volunteer or mdt (the catalogue's codes)
  gender: string; // optional: '' says nothing (newcomers may prefer a buddy of their own gender)
  birth_date: string; // YYYY-MM-DD, MDT only
  mdt_start: string;
  mdt_end: string;
  languages: string[];
  interests: string[];
  availability: Slot[];
  municipality: string; // CBS code
  capacity: number;
  consent: boolean;
}

export function emptyDraft(): SignupDraft {
  return {
    display_name: '', email: '', password: '', repeat: '', locale: '', kind: '', gender: '', birth_date: '',
    mdt_start: '', mdt_end: '', languages: [], interests: [], availability: [], municipality: '',
    capacity: 1, consent: false,
  };
}

// Which step shows which field, server fields included (an error goes to the step that shows it).
const FIELDS: Record<Step, string[]> = {
  about: ['display_name', 'email', 'password', 'repeat', 'locale'],
  kind: ['kind', 'birth_date', 'mdt_start', 'mdt_end', 'mdt_hours_target', 'gender'],
  languages: ['languages'],
  interests: ['interests'],
  availability: ['availability'],
  place: ['municipality', 'capacity'],
  consent: ['consent', 'privacy_version'],
};

export function stepOf(field: string): Step | null {
  return STEPS.find((step) => FIELDS[step].includes(field)) ?? null;
}

// The first step (in order) holding one of these fields; null if none is shown on any step.
export function firstStepWith(fields: Record<string, unknown>): Step | null {
  const steps = Object.keys(fields).map(stepOf).filter((s): s is Step => s !== null);
  return STEPS.find((step) => steps.includes(step)) ?? null;
}

// The server's 422 per field, its nested parts (availability.0.end) flattened into the field.
export function serverFieldErrors(errors: Record<string, unknown>): Record<string, string[]> {
  const texts = (value: unknown): string[] =>
    typeof value === 'string' ? [value]
      : Array.isArray(value) ? value.flatMap(texts)
        : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
  return Object.fromEntries(Object.entries(errors).map(([field, value]) => [field, texts(value)]));
}

// The server's rules (backend/buddies/schemas.py, backend/accounts/passwords.py), checked early.
export const PASSWORD_MIN = 10;
export const MDT_AGES = [12, 30] as const;
export const MDT_MAX_DAYS = 184;
export const HOURS_TARGET = 80;
export const MAX_CAPACITY = 3;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) ? date : null;
}

// Today as YYYY-MM-DD in the phone's own time zone.
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Age in whole years on `today` of someone born on `birth` (both YYYY-MM-DD), as the server counts.
export function ageOn(birth: string, today: string): number | null {
  const b = parseDay(birth);
  const t = parseDay(today);
  if (!b || !t) return null;
  const birthdayPassed = t.getUTCMonth() > b.getUTCMonth()
    || (t.getUTCMonth() === b.getUTCMonth() && t.getUTCDate() >= b.getUTCDate());
  return t.getUTCFullYear() - b.getUTCFullYear() - (birthdayPassed ? 0 : 1);
}

function daysBetween(from: string, to: string): number | null {
  const a = parseDay(from);
  const b = parseDay(to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / 86_400_000) : null;
}

export type FieldErrors = Record<string, string>;

// The client's checks of one step; an empty object lets the person go on. `today`: YYYY-MM-DD.
export function checkStep(step: Step, draft: SignupDraft, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (step === 'about') {
    if (!draft.display_name.trim()) errors.display_name = _("Vul je naam in.");
    if (!EMAIL.test(draft.email.trim())) errors.email = _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
    if (draft.password.length < PASSWORD_MIN) {
      // TRANSLATORS: the shortest password allowed, in characters.
      errors.password = ngettext("Minstens {n} teken.", "Minstens {n} tekens.", PASSWORD_MIN);
    }
    if (draft.password !== draft.repeat) errors.repeat = _("De twee wachtwoorden zijn niet hetzelfde.");
  }
  if (step === 'kind') {
    if (!draft.kind) errors.kind = _("Kies hoe je maatje wilt worden.");
    if (draft.kind === 'mdt') {
      const age = ageOn(draft.birth_date, today);
      if (age === null) errors.birth_date = _("Vul je geboortedatum in: MDT is voor jongeren van 12 tot en met 30.");
      else if (age < MDT_AGES[0] || age > MDT_AGES[1]) errors.birth_date = _("MDT is voor jongeren van 12 tot en met 30 jaar.");
      const days = daysBetween(draft.mdt_start, draft.mdt_end);
      if (!parseDay(draft.mdt_start)) errors.mdt_start = _("Vul het begin en einde van je diensttijd in.");
      if (!parseDay(draft.mdt_end)) errors.mdt_end = _("Vul het begin en einde van je diensttijd in.");
      else if (days !== null && days <= 0) errors.mdt_end = _("Het einde moet na het begin liggen.");
      else if (days !== null && days > MDT_MAX_DAYS) errors.mdt_end = _("Een MDT-periode duurt hoogstens zes maanden.");
      else if (draft.mdt_end < today) errors.mdt_end = _("Deze diensttijd is al voorbij.");
    }
  }
  if (step === 'languages' && draft.languages.length === 0) errors.languages = _("Kies minstens één taal.");
  if (step === 'availability') {
    const bad = draft.availability.findIndex((s) => !s.start || !s.end || s.start >= s.end);
    if (bad >= 0) errors[`availability.${bad}`] = _("De eindtijd moet na de begintijd liggen.");
  }
  if (step === 'place') {
    if (!draft.municipality) errors.municipality = _("Kies je gemeente.");
    if (!(draft.capacity >= 1 && draft.capacity <= MAX_CAPACITY)) errors.capacity = _("Kies 1, 2 of 3.");
  }
  if (step === 'consent' && !draft.consent) errors.consent = _("Lees de privacyverklaring en vink aan dat je akkoord gaat.");
  return errors;
}

// What POST /api/buddies/signup takes; MDT's fields only for MDT.
export function toPayload(draft: SignupDraft, lang: string, privacyVersion: string): Record<string, unknown> {
  const mdt = draft.kind === 'mdt';
  return {
    display_name: draft.display_name.trim(),
    email: draft.email.trim(),
    password: draft.password,
    locale: draft.locale || lang,
    kind: draft.kind,
    gender: draft.gender || null,
    birth_date: mdt ? draft.birth_date : null,
    mdt_start: mdt ? draft.mdt_start : null,
    mdt_end: mdt ? draft.mdt_end : null,
    languages: draft.languages,
    interests: draft.interests,
    availability: draft.availability,
    municipality: draft.municipality,
    capacity: draft.capacity,
    privacy_version: privacyVersion,
  };
}

// The draft survives a reload, a lost connection and going back; the tab's sessionStorage only
// (gone when the tab closes), and never the password.
export const DRAFT_KEY = 'maatje.signup.draft';

export interface Saved {
  draft: SignupDraft;
  step: Step;
}

export function saveDraft(storage: Storage, draft: SignupDraft, step: Step): void {
  const { password: _password, repeat: _repeat, ...kept } = draft;
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify({ draft: kept, step }));
  } catch {
    // Storage full or refused (private mode): the form still works, only a reload would lose it.
  }
}

export function loadDraft(storage: Storage): Saved {
  const empty = emptyDraft();
  let stored: unknown;
  try {
    stored = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const saved = (stored && typeof stored === 'object' ? stored : {}) as Partial<{ draft: Record<string, unknown>; step: string }>;
  const draft = { ...empty };
  const source = saved.draft ?? {};
  for (const key of Object.keys(empty) as Array<keyof SignupDraft>) {
    const value = source[key];
    if (key === 'password' || key === 'repeat' || value === undefined) continue;
    if (typeof value === typeof empty[key] && Array.isArray(value) === Array.isArray(empty[key])) {
      (draft as Record<string, unknown>)[key] = value;
    }
  }
  const step = STEPS.find((s) => s === saved.step) ?? 'about';
  return { draft, step };
}

export function clearDraft(storage: Storage): void {
  storage.removeItem(DRAFT_KEY);
}

// Lower case, no accents, no punctuation: "Súdwest-Fryslân" is found by "sudwest fryslan".
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/^'s-/, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

// The municipalities whose name matches what was typed: names that begin with it first.
export function findMunicipalities(all: Municipality[], query: string, limit = 8): Municipality[] {
  const q = searchKey(query);
  if (!q) return [];
  const hits = all.filter((m) => searchKey(m.name).includes(q));
  const starts = hits.filter((m) => ` ${searchKey(m.name)}`.includes(` ${q}`)); // a word begins with it
  const rest = hits.filter((m) => !starts.includes(m));
  return [...starts, ...rest].slice(0, limit);
}
