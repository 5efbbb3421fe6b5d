// /opnemen: a buddy records phrases in their own voice for their newcomer. Choose the match (when
// there are several), a theme, then record phrase by phrase; each phrase says whether it has your
// recording, one waiting to be sent, or one the server refused (and why). Works offline: clips
// wait in the upload queue.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { _, ngettext, pgettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { ContentCatalogue } from '../../types';
import { useDb } from '../../ui/db-context';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline, useWatch } from '../../ui/useWatch';
import { discardUpload } from '../../sync/uploads';
import type { Offer } from '../match/overlay';
import { watchOffers } from '../match/queries';
import { loadCatalogue } from '../practice/catalogue';
import { PlayButton } from './PlayButton';
import { Recorder } from './Recorder';
import { watchRecordings, type RecordingStatus } from './recordings';
import './audio.css';

function Status({ status }: { status: RecordingStatus }) {
  const db = useDb();
  if (status.kind === 'stored') return <p class="recording-status is-stored">{_("Jouw opname staat klaar.")}</p>;
  if (status.kind === 'waiting') return <p class="recording-status is-waiting">{_("Je opname wacht tot je online bent.")}</p>;
  if (status.kind === 'refused') {
    return (
      <div class="recording-status is-refused" role="alert">
        <p><T msg={_("Niet verstuurd: {reason}")} reason={status.upload.error ?? ''} /></p>
        <button type="button" class="btn btn-quiet" onClick={() => void discardUpload(db, status.upload.id)}>
          {/* TRANSLATORS: remove a recording the server did not accept */}
          <span>{_("Weggooien")}</span>
        </button>
      </div>
    );
  }
  return <p class="recording-status">{_("Nog geen opname van jou.")}</p>;
}

export function RecordScreen({ lang }: ScreenProps) {
  const db = useDb();
  const online = useOnline();
  const { query } = useLocation();
  // TRANSLATORS: the title of the screen where a buddy records phrases in their own voice.
  useTitle(pgettext("screen title", "Zinnen inspreken"));
  const offers = useWatch<Offer[] | null>(watchOffers(db), null, [db]);
  const [catalogue, setCatalogue] = useState<ContentCatalogue | null | undefined>(undefined);
  const [theme, setTheme] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    let live = true; // a slower answer for the previous language must not win
    void loadCatalogue(db, lang).then((loaded) => live && setCatalogue(loaded));
    return () => {
      live = false;
    };
  }, [db, lang, online]);

  const matches = (offers ?? []).filter((o) => o.role === 'buddy' && o.status === 'active');
  const [chosen, setChosen] = useState<string | null>(null);
  const match = matches.find((m) => m.match_id === (chosen ?? query.maatje)) ?? matches[0];
  const recordings = useWatch(match ? watchRecordings(db, match.match_id) : null, new Map<string, RecordingStatus>(), [db, match?.match_id]);

  const title = <h1 id="record-title">{pgettext("screen title", "Zinnen inspreken")}</h1>;
  if (offers === null || catalogue === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (!match) {
    return (
      <section class="screen record" aria-labelledby="record-title">
        {title}
        <p>{_("Als maatje kun je zinnen inspreken voor je nieuwkomer zodra jullie koppeling actief is.")}</p>
      </section>
    );
  }
  if (catalogue === null) {
    return (
      <section class="screen record" aria-labelledby="record-title">
        {title}
        <p>{_("De zinnen worden geladen zodra je online bent.")}</p>
      </section>
    );
  }
  const phrases = catalogue.phrases.filter((p) => p.theme === theme);
  const done = phrases.filter((p) => recordings.get(p.id)?.kind === 'stored').length;
  return (
    <section class="screen record" aria-labelledby="record-title" data-testid="record-screen">
      {title}
      <p>{_("Je nieuwkomer hoort jouw stem als eerste bij het oefenen. Een opname duurt hoogstens 10 seconden.")}</p>
      {matches.length > 1 ? (
        <div class="field">
          <label for="record-match">{_("Voor wie neem je op?")}</label>
          <select id="record-match" value={match.match_id} onChange={(e) => setChosen(e.currentTarget.value)}>
            {matches.map((m) => <option key={m.match_id} value={m.match_id}>{m.other_first_name}</option>)}
          </select>
        </div>
      ) : (
        <p data-testid="record-for"><T msg={_("Je neemt op voor {name}.")} name={match.other_first_name} /></p>
      )}
      <div class="field">
        <label for="record-theme">{_("Kies een thema")}</label>
        <select id="record-theme" value={theme} onChange={(e) => { setTheme(e.currentTarget.value); setOpen(null); }}>
          <option value="">{_("Kies een thema")}</option>
          {catalogue.themes.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
        </select>
      </div>
      {theme && (
        <>
          <p role="status">{ngettext("{n} van {total} zin ingesproken", "{n} van {total} zinnen ingesproken", done, { total: phrases.length })}</p>
          <ul class="record-list">
            {phrases.map((p) => {
              const status = recordings.get(p.id) ?? { kind: 'none' as const };
              return (
                <li key={p.id} class="record-item" data-testid="record-phrase" data-phrase={p.id} data-status={status.kind}>
                  <p class="record-nl" lang="nl" dir="ltr">{p.nl}</p>
                  <Status status={status} />
                  <PlayButton phrase={p} compact />
                  {open === p.id ? (
                    <Recorder phraseId={p.id} matchId={match.match_id} />
                  ) : (
                    <button type="button" class="btn btn-secondary" onClick={() => setOpen(p.id)}>
                      {/* TRANSLATORS: record this phrase in your own voice (again, when there is a recording) */}
                      <span>{status.kind === 'none' ? pgettext("audio", "Inspreken") : pgettext("audio", "Opnieuw inspreken")}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
