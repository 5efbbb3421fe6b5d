// The translated catalogues (languages, interests, reasons...) from GET /api/catalogues, kept in
// the store per language so that a proposal on the phone still names its languages offline.
import { getJson } from '../../api';
import { currentLang } from '../../i18n';
import { getMeta, setMeta, type MaatjeDB } from '../../store/db';
import type { ActivityType, Catalogues, Domain } from '../../types';

export const CATALOGUE_NAMES = [
  'languages', 'interests', 'domains', 'goals', 'categories', 'dutch_levels', 'learning_routes',
  'genders', 'buddy_kinds', 'decline_reasons', 'end_reasons', 'consent_kinds',
] as const;

type Labels = Record<string, string>;

// code -> label, from either {code: label} or [{code, label}] (the server's list form).
function labels(raw: unknown): Labels {
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.filter((e) => e && typeof e === 'object').map((e) => [String(e.code), String(e.label ?? e.name ?? e.code)]),
    );
  }
  if (raw && typeof raw === 'object') {
    return Object.fromEntries(
      Object.entries(raw as Record<string, unknown>).map(([code, v]) => [
        code,
        typeof v === 'string' ? v : String((v as { label?: string })?.label ?? code),
      ]),
    );
  }
  return {};
}

// goals per domain: {taal: {speaking: "..."}} or [{code, label, domain}] or {taal: [{code, label}]}.
function goals(raw: unknown): Record<string, Labels> {
  if (Array.isArray(raw)) {
    const byDomain: Record<string, Labels> = {};
    for (const e of raw as Array<{ code: string; label: string; domain: string }>) {
      (byDomain[e.domain] ??= {})[e.code] = e.label;
    }
    return byDomain;
  }
  if (raw && typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([d, v]) => [d, labels(v)]));
  }
  return {};
}

// activity types: [{code, label, domain, icon}] -> {code: {label, domain, icon}}.
function activityTypes(raw: unknown): Record<string, ActivityType> {
  const out: Record<string, ActivityType> = {};
  if (!Array.isArray(raw)) return out;
  for (const e of raw as Array<{ code: string; label: string; domain: Domain; icon: string }>) {
    if (e && typeof e.code === 'string') out[e.code] = { label: String(e.label ?? e.code), domain: e.domain, icon: String(e.icon ?? '') };
  }
  return out;
}

export function normaliseCatalogues(raw: Record<string, unknown>): Catalogues {
  const out = {} as Record<string, unknown>;
  for (const name of CATALOGUE_NAMES) out[name] = name === 'goals' ? goals(raw[name]) : labels(raw[name]);
  out.activity_types = activityTypes(raw.activity_types);
  out.privacy_version = typeof raw.privacy_version === 'string' ? raw.privacy_version : '';
  return out as unknown as Catalogues;
}

export function emptyCatalogues(): Catalogues {
  return normaliseCatalogues({});
}

// The label of a code, or the code itself while no catalogue is known (never an empty cell).
export function label(catalogue: Labels | undefined, code: string): string {
  return catalogue?.[code] ?? code;
}

// The catalogues in the current language: fetched when online (and stored), else the stored copy
// (of this language if there is one, else of the last language fetched), else empty.
export async function loadCatalogues(db: MaatjeDB, lang: string = currentLang()): Promise<Catalogues> {
  try {
    const raw = await getJson<Record<string, unknown>>('/api/catalogues');
    const data = normaliseCatalogues(raw);
    await setMeta(db, 'catalogues', { lang, data }).catch(() => undefined); // a full disk: still shown
    return data;
  } catch {
    // Offline, or a server without the route yet: the stored copy, or the codes themselves.
    const stored = await getMeta(db, 'catalogues');
    return stored?.data ?? emptyCatalogues();
  }
}
