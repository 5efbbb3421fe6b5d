// One meeting (/maatje/<match>/afspraak/<id>): what, when, where, its state in words with who did
// it, and what this side may do now (the transition table of docs/meetings.md): choose a moment,
// decline, propose other moments, cancel with a reason, mark as held after the start. A change
// shows at once, marked as waiting to be sent; the server decides who was first.
import { useState } from 'preact/hooks';
import { _, format } from '../../i18n';
import { T } from '../../i18n/T';
import type { MatchOfferData, Side } from '../../types';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline, useWatch } from '../../ui/useWatch';
import { useQueuedChange } from '../auth/useQueuedChange';
import { cancelMeeting, chooseSlot, completeMeeting, declineMeeting } from './mutations';
import { allowed, type ShownMeeting } from './overlay';
import { watchMeeting } from './queries';
import { duration, pendingText, stateLabel, stateText, when } from './words';
import './meetings.css';

type Form = null | 'decline' | 'cancel' | 'complete';

function Where({ m }: { m: ShownMeeting }) {
  return (
    <>
      {m.place && (
        <div>
          {/* TRANSLATORS: a label: where the meeting is. */}
          <dt>{_("Waar")}</dt>
          <dd data-testid="meeting-place"><bdi>{m.place}</bdi></dd>
        </div>
      )}
      {m.video_url && (
        <div>
          {/* TRANSLATORS: a label: the link to the video call. */}
          <dt>{_("Videogesprek")}</dt>
          <dd>
            <a href={m.video_url} target="_blank" rel="noopener noreferrer" dir="ltr" class="video-link" data-testid="meeting-video">
              {m.video_url}
            </a>
          </dd>
        </div>
      )}
    </>
  );
}

function Slots({ m, role, name }: { m: ShownMeeting; role: Side; name: string }) {
  const db = useDb();
  const { refused, run } = useQueuedChange();
  const canChoose = allowed(m, role, 'choose') && !m.pending;
  const now = Date.now();
  return (
    <div class="slots" data-testid="slots">
      <h2>
        {canChoose ? _("Kies een moment")
          // TRANSLATORS: a heading above the moments proposed for a meeting.
          : _("Voorgestelde momenten")}
      </h2>
      <ul class="slot-list">
        {m.slots.map((s) => {
          const past = Date.parse(s.starts_at) <= now;
          return (
            <li key={s.starts_at} data-testid="slot" data-starts-at={s.starts_at}>
              <span class="slot-when"><bdi>{when(s.starts_at)}</bdi></span>
              <span class="muted"> · {duration(s.minutes)}</span>
              {canChoose && !past && (
                <Button icon="check" data-testid="choose-slot" onClick={() => void run(() => chooseSlot(db, m.id, m.version, s.starts_at))}>
                  {/* TRANSLATORS: a button beside one proposed moment of a meeting. */}
                  {_("Dit moment kiezen")}
                </Button>
              )}
              {canChoose && past && <span class="muted"> · {_("Dit moment is al voorbij.")}</span>}
            </li>
          );
        })}
      </ul>
      {!canChoose && m.status === 'proposed' && m.proposed_by === role && (
        <p class="muted"><T msg={_("{name} kiest een moment.")} name={name} /></p>
      )}
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </div>
  );
}

function Actions({ m, offer }: { m: ShownMeeting; offer: MatchOfferData }) {
  const db = useDb();
  const role = offer.role;
  const name = offer.other_first_name;
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState('');
  const [attended, setAttended] = useState<Side[]>(['newcomer', 'buddy']);
  const [error, setError] = useState('');
  const { refused, run } = useQueuedChange();
  const started = m.starts_at !== null && Date.parse(m.starts_at) <= Date.now();
  const live = offer.status === 'active';
  if (!live) return null;
  const can = {
    decline: allowed(m, role, 'decline'),
    reschedule: allowed(m, role, 'reschedule'),
    cancel: allowed(m, role, 'cancel'),
    complete: allowed(m, role, 'complete') && started,
  };
  const open = (next: Form) => {
    setForm(next);
    setText('');
    setError('');
  };

  async function send(e: Event) {
    e.preventDefault();
    if (form === 'cancel' && !text.trim()) {
      setError(_("Schrijf kort waarom je afzegt."));
      return;
    }
    if (form === 'complete' && attended.length === 0) {
      setError(_("Kies wie er was."));
      return;
    }
    const done = await run(() =>
      form === 'decline' ? declineMeeting(db, m.id, m.version, text)
        : form === 'cancel' ? cancelMeeting(db, m.id, m.version, text)
          : completeMeeting(db, m.id, m.version, attended, text));
    if (done) setForm(null);
  }

  const toggle = (side: Side) => setAttended(attended.includes(side) ? attended.filter((s) => s !== side) : [...attended, side]);
  const other: Side = role === 'buddy' ? 'newcomer' : 'buddy';

  if (form) {
    return (
      <form class="meeting-form" onSubmit={(e) => void send(e)} noValidate data-testid={`${form}-form`}>
        {form === 'complete' && (
          <fieldset class="attended">
            <legend>{_("Wie was er?")}</legend>
            <label>
              <input type="checkbox" checked={attended.includes(role)} onChange={() => toggle(role)} data-testid="attended-me" />
              {/* TRANSLATORS: a checkbox: I was at the meeting. */}
              <span>{_("Ik was er")}</span>
            </label>
            <label>
              <input type="checkbox" checked={attended.includes(other)} onChange={() => toggle(other)} data-testid="attended-other" />
              <span><T msg={_("{name} was er")} name={name} /></span>
            </label>
          </fieldset>
        )}
        <div class="field">
          <label for="meeting-text">
            {form === 'cancel' ? _("Waarom zeg je af?")
              : form === 'decline' ? _("Wil je iets zeggen? (mag je leeg laten)")
                : _("Korte notitie voor jullie allebei (mag je leeg laten)")}
          </label>
          <textarea id="meeting-text" dir="auto" rows={3} maxLength={form === 'complete' ? 1000 : 500} value={text}
            aria-invalid={error && form === 'cancel' ? 'true' : undefined} aria-describedby={error ? 'meeting-text-error' : undefined}
            data-testid="meeting-text" onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        {error && <p class="field-error" id="meeting-text-error" role="alert"><Icon name="warning" /> {error}</p>}
        <div class="answer-buttons">
          <Button type="submit" icon="check" data-testid={`confirm-${form}`}>
            {form === 'cancel'
              // TRANSLATORS: a button that calls off a meeting.
              ? _("Afspraak afzeggen") : form === 'decline' ? _("Geen van deze momenten") : _("Opslaan")}
          </Button>
          {/* TRANSLATORS: a button: close the form without changing the meeting. */}
          <Button variant="quiet" onClick={() => setForm(null)}>{_("Terug")}</Button>
        </div>
        {refused && <p class="form-error" role="alert">{refused}</p>}
      </form>
    );
  }

  if (!Object.values(can).some(Boolean)) return null;
  return (
    <div class="meeting-actions" data-testid="meeting-actions">
      {can.complete && (
        <Button icon="check" onClick={() => open('complete')} data-testid="complete">{_("Afspraak was er: invullen")}</Button>
      )}
      {can.decline && (
        <Button variant="secondary" icon="close" onClick={() => open('decline')} data-testid="decline">{_("Geen van deze momenten")}</Button>
      )}
      {can.reschedule && (
        <a class="btn btn-secondary" href={`/maatje/${m.match_id}/afspraak/nieuw?opnieuw=${m.id}`} data-testid="reschedule">
          <Icon name="clock" /> <span>{_("Andere momenten voorstellen")}</span>
        </a>
      )}
      {can.cancel && (
        <Button variant="quiet" icon="close" onClick={() => open('cancel')} data-testid="cancel">{_("Afspraak afzeggen")}</Button>
      )}
    </div>
  );
}

function attendedText(m: ShownMeeting, role: Side, name: string): string {
  const me = m.attended.includes(role);
  const they = m.attended.some((s) => s !== role);
  if (me && they) return format(_("Jij en {name} waren er allebei."), { name });
  if (me) return format(_("Jij was er, {name} niet."), { name });
  if (they) return format(_("{name} was er, jij niet."), { name });
  return _("Niemand was er.");
}

export function MeetingScreen({ params }: ScreenProps) {
  const db = useDb();
  const online = useOnline();
  const matchId = params?.match ?? '';
  const id = params?.id ?? '';
  const found = useWatch(watchMeeting(db, matchId, id), undefined, [db, matchId, id]);
  const name = found?.offer?.other_first_name ?? '';
  const title = name
    ? format(_("Afspraak met {name}"), { name })
    // TRANSLATORS: the page title of one meeting of the pair, before it has loaded.
    : _("Afspraak");
  useTitle(title);
  if (found === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  const { offer, meeting: m } = found;
  if (!offer || !m) return <NotFoundScreen />;
  const role = offer.role;
  return (
    <section class="screen meetings meeting" data-testid="meeting" data-status={m.status} data-pending={String(m.pending)}
      aria-labelledby="meeting-title">
      <p class="eyebrow"><span class={`state state-${m.status}`} data-testid="meeting-state">{stateLabel(m, role)}</span></p>
      <h1 id="meeting-title"><T msg={_("Afspraak met {name}")} name={name} /></h1>
      <p class="meeting-words" data-testid="meeting-words">{stateText(m, role, name)}</p>
      {m.pending && (
        <p role="status" class="pending-note" data-testid="meeting-pending"><Icon name="refresh" /> {pendingText(online)}</p>
      )}
      {m.starts_at && (m.status === 'confirmed' || m.status === 'held' || m.status === 'cancelled') && (
        <p class="meeting-when" data-testid="meeting-when">
          <Icon name="clock" /> <bdi>{when(m.starts_at)}</bdi>
          {m.minutes !== null && <span class="muted"> · {duration(m.minutes)}</span>}
        </p>
      )}
      {m.status === 'proposed' && <Slots m={m} role={role} name={name} />}
      <dl class="facts">
        <Where m={m} />
        {m.note && (
          <div>
            {/* TRANSLATORS: a label: the note that came with the proposal. */}
            <dt>{_("Boodschap")}</dt>
            <dd><bdi>{m.note}</bdi></dd>
          </div>
        )}
        {m.status === 'cancelled' && m.cancel_reason && (
          <div>
            {/* TRANSLATORS: a label: why the meeting was cancelled. */}
            <dt>{_("Reden van afzeggen")}</dt>
            <dd data-testid="cancel-reason"><bdi>{m.cancel_reason}</bdi></dd>
          </div>
        )}
        {m.status === 'held' && (
          <div>
            {/* TRANSLATORS: a label: who was at the meeting. */}
            <dt>{_("Wie er was")}</dt>
            <dd>{attendedText(m, role, name)}</dd>
          </div>
        )}
        {m.status === 'held' && m.held_note && (
          <div>
            {/* TRANSLATORS: a label: the shared note written after the meeting. */}
            <dt>{_("Notitie")}</dt>
            <dd><bdi>{m.held_note}</bdi></dd>
          </div>
        )}
      </dl>
      {m.status === 'confirmed' && online && !m.pending && (
        <p>
          <a class="btn btn-secondary ics-link" href={`/api/calendar/meetings/${m.id}.ics`} download data-testid="meeting-ics">
            <Icon name="plus" /> <span>{_("Zet in mijn agenda")}</span>
          </a>
        </p>
      )}
      <Actions key={`${m.id}:${m.version}`} m={m} offer={offer} />
      <p>
        <a class="btn btn-quiet" href={`/maatje/${matchId}`} data-testid="back-to-match">
          <Icon name="people" /> <span><T msg={_("Terug naar {name}")} name={name} /></span>
        </a>
      </p>
    </section>
  );
}
