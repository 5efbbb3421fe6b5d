// The branch's own phrases over REST (online only): a municipal coordinator lists, adds, changes
// and deletes them; each change reaches the branch's phones as an org_phrase row (docs/phrases.md).
import { deleteJson, getJson, patchJson, postJson } from '../../api';
import type { Level, OrgPhraseData } from '../../types';

export interface PhraseFields {
  nl: string;
  theme: string;
  level: Level;
  translations: Record<string, string>;
  note: string;
}

// "org:<uuid>" is the phrase id the reviews name; the address takes the uuid.
const path = (id: string) => `/api/phrases/branch/${encodeURIComponent(id.replace(/^org:/, ''))}`;

export const phrasesApi = {
  list: () => getJson<OrgPhraseData[]>('/api/phrases/branch'),
  add: (fields: PhraseFields) => postJson<OrgPhraseData>('/api/phrases/branch', fields),
  change: (id: string, fields: PhraseFields) => patchJson<OrgPhraseData>(path(id), fields),
  remove: (id: string) => deleteJson<void>(path(id)),
};
