// A match, for its branch's coordinator: the pair, where it stands (answers, dates), its score,
// every transition so far (who, when, from, to, why) and the actions its status allows.
import { useState } from 'preact/hooks';
import { _, formatDate, formatDateTime } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { label } from '../catalogues/catalogues';
import { useCatalogues } from '../catalogues/useCatalogues';
import { coordinatorApi, type MatchAction, type MatchDetail } from './api';
import { SelectField } from './Choices';
import { BackLink, StatusPill } from './parts';
import { RemoteView, useAction, useRemote } from './remote';
import { ScoreParts, Total } from './ScoreParts';
import { TogetherPanel } from './Together';
import { answerText, matchActionText, matchStatusText } from './words';

// What a coordinator may do in each status (the server decides; a refusal comes back as 409).
export function actionsFor(status: string): MatchAction[] {
  switch (status) {
    case 'proposed': return ['withdraw'];
    case 'agreed': return ['approve', 'withdraw'];
    case 'active': return ['pause', 'end'];
    case 'paused': return ['resume', 'end'];
    default: return [];
  }
}

function actionText(action: MatchAction): string {
  switch (action) {
    // TRANSLATORS: a button: approve the match both sides accepted.
    case 'approve': return _("Goedkeuren");
    case 'withdraw': return /* TRANSLATORS: a button: the coordinator takes a proposal back */ _("Voorstel intrekken");
    // TRANSLATORS: a button: pause the match.
    case 'pause': return _("Pauzeren");
    // TRANSLATORS: a button: resume the paused match.
    case 'resume': return _("Hervatten");
    // TRANSLATORS: a button: end the match (a reason is asked next).
    case 'end': return _("Beëindigen");
  }
}

function Actions({ match, onDone }: { match: MatchDetail; onDone: (m: MatchDetail) => void }) {
  const catalogues = useCatalogues();
  const [run, busy, error] = useAction();
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const actions = actionsFor(match.status);
  if (actions.length === 0) return null;
  const act = (action: MatchAction) => run(async () => {
    const body: { reason?: string; note?: string } = {};
    if (action === 'end') body.reason = reason;
    if (note.trim()) body.note = note.trim();
    onDone(await coordinatorApi.matchAction(match.id, action, body));
    setEnding(false);
    setNote('');
  });
  return (
    <section class="panel" aria-labelledby="actions-title" data-testid="match-actions">
      <h2 id="actions-title">{_("Wat wil je doen?")}</h2>
      {ending ? (
        <form onSubmit={(e) => { e.preventDefault(); if (reason) void act('end'); }}>
          <SelectField id="end-reason" label={_("Reden van het einde")} options={catalogues.end_reasons} value={reason} onChange={setReason} />
          <div class="field">
            <label for="end-note">{_("Notitie (mag je leeg laten)")}</label>
            <textarea id="end-note" dir="auto" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="actions">
            <Button type="submit" icon="close" disabled={busy || !reason} data-testid="confirm-end">{/* TRANSLATORS: a button and heading: end the match */ _("Koppeling beëindigen")}</Button>
            {/* TRANSLATORS: a button: close the end form without ending the match. */}
            <Button variant="quiet" onClick={() => setEnding(false)}>{_("Terug")}</Button>
          </div>
        </form>
      ) : (
        <>
          <div class="field">
            <label for="action-note">{_("Notitie bij je actie (mag je leeg laten)")}</label>
            <textarea id="action-note" dir="auto" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <div class="actions">
            {actions.map((a) => (
              <Button key={a} icon={a === 'approve' || a === 'resume' ? 'check' : 'close'}
                variant={a === 'approve' || a === 'resume' ? 'primary' : 'secondary'}
                disabled={busy} data-testid={`action-${a}`} onClick={() => (a === 'end' ? setEnding(true) : void act(a))}>
                {actionText(a)}
              </Button>
            ))}
          </div>
        </>
      )}
      {error && <p class="form-error" role="alert" data-testid="action-error">{error}</p>}
    </section>
  );
}

function View({ initial }: { initial: MatchDetail }) {
  const catalogues = useCatalogues();
  const [match, setMatch] = useState(initial);
  const reasonText = (code: string | null) =>
    code ? label({ ...catalogues.decline_reasons, ...catalogues.end_reasons }, code) : '';
  return (
    <>
      <p data-testid="match-admin-status"><StatusPill status={match.status} /></p>
      <dl class="facts">
        <div><dt>{/* TRANSLATORS: a label and page title: the newcomer of a match */ _("Nieuwkomer")}</dt><dd><a href={`/coordinatie/nieuwkomers/${match.newcomer.id}`}><bdi>{match.newcomer.display_name}</bdi></a> · {answerText(match.newcomer_answer)}</dd></div>
        <div><dt>{_("Maatje")}</dt><dd><a href={`/coordinatie/maatjes/${match.buddy.id}`}><bdi>{match.buddy.display_name}</bdi></a> · {answerText(match.buddy_answer)}</dd></div>
        {match.expires_at && (match.status === 'proposed') && (
          <div><dt>{_("Antwoord nodig vóór")}</dt><dd>{formatDate(match.expires_at)}</dd></div>
        )}
        {match.planned_end && <div><dt>{/* TRANSLATORS: a label: the date the match is planned to end */ _("Geplande einddatum")}</dt><dd>{formatDate(match.planned_end)}</dd></div>}
        {match.end_reason && <div><dt>{_("Reden van het einde")}</dt><dd>{reasonText(match.end_reason)}</dd></div>}
      </dl>
      {match.together && <TogetherPanel together={match.together} />}
      <Actions match={match} onDone={(m) => setMatch({ ...match, ...m })} />
      {match.score?.parts && (
        <section aria-labelledby="score-title">
          <h2 id="score-title">{_("Waarom dit paar")}</h2>
          {typeof match.score.total === 'number' && <Total total={match.score.total} />}
          <ScoreParts parts={match.score.parts} />
        </section>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{_("Geschiedenis")}</h2>
        <ol class="history" data-testid="match-history">
          {(match.history ?? []).map((e) => (
            <li key={e.seq} data-action={e.action}>
              <strong>{matchActionText(e.action)}</strong>{' '}
              {e.from_status && e.from_status !== e.to_status && (
                <span class="muted">
                  ({matchStatusText(e.from_status)} <span class="arrow flip-rtl" aria-hidden="true">→</span> {matchStatusText(e.to_status)})
                </span>
              )}
              <span class="row-sub">
                {formatDateTime(new Date(e.at), new Date(), true)}
                {(e.actor?.display_name ?? e.actor_name) && <> · <T msg={/* TRANSLATORS: who did it, e.g. 'door Fatima El Amrani' */ _("door {name}")} name={e.actor?.display_name ?? e.actor_name ?? ''} /></>}
              </span>
              {e.reason && <p>{reasonText(e.reason)}</p>}
              {e.note && <p dir="auto">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function MatchAdminScreen({ params, user }: ScreenProps) {
  const id = params?.id ?? '';
  const [remote, retry] = useRemote(() => coordinatorApi.match(id), [id, user.id]);
  // TRANSLATORS: a match between a newcomer and a buddy (a page title).
  useTitle(_("Koppeling"));
  return (
    <section class="screen coordinator match-admin" data-testid="match-admin" aria-labelledby="match-admin-title">
      <BackLink href="/coordinatie" />
      <h1 id="match-admin-title">
        {remote.state === 'ready'
          ? <T msg={_("{newcomer} en {buddy}")} newcomer={remote.data.newcomer.display_name} buddy={remote.data.buddy.display_name} />
          : _("Koppeling")}
      </h1>
      <RemoteView remote={remote} retry={retry}>{(match) => <View initial={match} />}</RemoteView>
    </section>
  );
}
