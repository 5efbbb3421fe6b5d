// /coordinatie/zinnen: the branch's own phrases, next to the national ones. A municipal
// coordinator adds, changes and deletes them, and records each in their own voice. Online only.
import { useState } from 'preact/hooks';
import { _, currentLang, ngettext } from '../../i18n';
import type { MaatjeDB } from '../../store/db';
import { watch, type Watch } from '../../sync/views';
import type { ContentCatalogue, OrgPhraseData } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { Recorder } from '../audio/Recorder';
import { useCatalogue } from '../together/useCatalogue';
import { BackLink } from './parts';
import { PhraseForm } from './PhraseForm';
import { phrasesApi } from './phrasesApi';
import { RemoteView, useAction, useRemote } from './remote';
import './coordinator.css';

// The phrases that have a coordinator's clip in the branch (synced phrase_audio rows).
function watchRecorded(db: MaatjeDB): Watch<Set<string>> {
  return watch(async () => new Set((await db.phrase_audio.toArray())
    .filter((r) => r.scope.startsWith('branch:') && r.data.by === 'coordinator').map((r) => r.data.phrase_id)));
}

function PhraseRow({ phrase, catalogue, recorded, reload }: {
  phrase: OrgPhraseData;
  catalogue: ContentCatalogue | null;
  recorded: boolean;
  reload: () => void;
}) {
  const [mode, setMode] = useState<'show' | 'edit' | 'delete' | 'record'>('show');
  const [run, busy, error] = useAction();
  const theme = catalogue?.themes.find((t) => t.code === phrase.theme)?.label ?? phrase.theme;
  const count = Object.values(phrase.translations).filter(Boolean).length;
  if (mode === 'edit') {
    return (
      <li class="phrase-row" data-testid="branch-phrase">
        <PhraseForm phrase={phrase} catalogue={catalogue} onCancel={() => setMode('show')}
          onSave={async (fields) => { await phrasesApi.change(phrase.id, fields); setMode('show'); reload(); }} />
      </li>
    );
  }
  return (
    <li class="phrase-row" data-testid="branch-phrase" data-id={phrase.id}>
      <p class="phrase-nl-small" lang="nl" dir="ltr">{phrase.nl}</p>
      <p class="row-sub">
        {theme} · {phrase.level} · {/* TRANSLATORS: how many languages a phrase is translated into */ ngettext("{n} vertaling", "{n} vertalingen", count)}
        {recorded && <> · <span data-testid="phrase-recorded">{/* TRANSLATORS: this phrase has a recording in your own voice */ _("ingesproken")}</span></>}
      </p>
      {phrase.note && <p class="row-sub" dir="auto">{phrase.note}</p>}
      {mode === 'delete' ? (
        <div class="actions" role="group" aria-label={_("Deze zin verwijderen?")}>
          <p>{_("Deze zin verwijderen? Nieuwkomers oefenen hem dan niet meer.")}</p>
          <Button icon="close" disabled={busy} data-testid="phrase-delete-confirm"
            onClick={() => void run(async () => { await phrasesApi.remove(phrase.id); reload(); })}>
            {/* TRANSLATORS: a button: confirm deleting a phrase */ _("Ja, verwijderen")}
          </Button>
          <Button variant="quiet" onClick={() => setMode('show')}>{/* TRANSLATORS: a button: keep the phrase */ _("Annuleren")}</Button>
        </div>
      ) : (
        <div class="actions">
          <Button variant="secondary" icon="pen" onClick={() => setMode('edit')} data-testid="phrase-edit">
            {/* TRANSLATORS: a button: change this phrase */ _("Bewerken")}
          </Button>
          <Button variant="secondary" icon="chat" onClick={() => setMode(mode === 'record' ? 'show' : 'record')}
            aria-expanded={mode === 'record'} data-testid="phrase-record">
            {/* TRANSLATORS: a button: record this phrase in your own voice */ _("Inspreken")}
          </Button>
          <Button variant="quiet" icon="close" onClick={() => setMode('delete')} data-testid="phrase-delete">
            {/* TRANSLATORS: a button: delete this phrase */ _("Verwijderen")}
          </Button>
        </div>
      )}
      {mode === 'record' && <Recorder phraseId={phrase.id} />}
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}

export function PhrasesScreen({ user }: ScreenProps) {
  // TRANSLATORS: the title of the coordinator's screen with the branch's own practice phrases.
  useTitle(_("Zinnen van de afdeling"));
  const db = useDb();
  const catalogue = useCatalogue(db, currentLang()) ?? null;
  const [remote, reload] = useRemote(() => phrasesApi.list(), [user.id]);
  const recorded = useWatch(watchRecorded(db), new Set<string>(), [db]);
  return (
    <section class="screen coordinator phrases" data-testid="branch-phrases" aria-labelledby="phrases-title">
      <BackLink href="/coordinatie" />
      <h1 id="phrases-title">{_("Zinnen van de afdeling")}</h1>
      <p>{_("Zinnen die nieuwkomers hier vaak nodig hebben, naast de zinnen van Maatje zelf. Ze oefenen ze in het thema dat je kiest.")}</p>
      <RemoteView remote={remote} retry={reload}>
        {(phrases) => (
          <>
            {/* TRANSLATORS: a heading: the branch's phrases, with their number */}
            <h2>{ngettext("{n} zin", "{n} zinnen", phrases.length)}</h2>
            {phrases.length === 0
              ? <p class="muted">{_("Nog geen eigen zinnen.")}</p>
              : (
                <ul class="rows phrase-rows">
                  {phrases.map((p) => <PhraseRow key={`${p.id}:${p.updated_at}`} phrase={p} catalogue={catalogue}
                    recorded={recorded.has(p.id)} reload={reload} />)}
                </ul>
              )}
            {/* TRANSLATORS: a heading: the form that adds a phrase */}
            <h2>{_("Nieuwe zin")}</h2>
            <PhraseForm phrase={null} catalogue={catalogue} onSave={async (fields) => { await phrasesApi.add(fields); reload(); }} />
          </>
        )}
      </RemoteView>
    </section>
  );
}
