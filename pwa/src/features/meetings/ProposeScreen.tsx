// Propose a meeting (/maatje/<match>/afspraak/nieuw) or other moments for one
// (?opnieuw=<meeting id>): one to three moments in Dutch time, a place or a video link, a short
// note. Queued like every change: offline it shows at once, waiting to be sent.
import { useLocation } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { _, currentLang, format } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { DateSelect } from '../../ui/DateSelect';
import { useDb } from '../../ui/db-context';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';
import { refusedText } from '../auth/SessionNotice';
import { proposeMeeting, rescheduleMeeting, type Plan } from './mutations';
import { allowed, type ShownMeeting } from './overlay';
import { watchMeeting, watchMeetings, type MatchMeetings } from './queries';
import { amsterdamToday, amsterdamToUtc, NoSuchTimeError, timeChoices } from './time';
import { duration } from './words';
import './meetings.css';

interface Moment {
  day: string;
  time: string;
  minutes: number;
}

const DURATIONS = [30, 45, 60, 90, 120, 180, 240];
const MAX_MOMENTS = 3;

type Errors = { moments: string[]; where?: string; video?: string };

// The checks the server makes too, said before sending (the server stays the judge).
export function checkPlan(moments: Moment[], place: string, video: string, now = Date.now()): { errors: Errors; plan: Plan | null } {
  const errors: Errors = { moments: [] };
  const slots = moments.map((m, i) => {
    if (!m.day || !m.time) {
      errors.moments[i] = _("Kies een dag en een tijd.");
      return null;
    }
    let startsAt: string;
    try {
      startsAt = amsterdamToUtc(m.day, m.time);
    } catch (error) {
      if (!(error instanceof NoSuchTimeError)) throw error;
      errors.moments[i] = _("Deze tijd bestaat niet: die nacht gaat de klok een uur vooruit. Kies een andere tijd.");
      return null;
    }
    if (Date.parse(startsAt) <= now) {
      errors.moments[i] = _("Dit moment is al voorbij. Kies een moment in de toekomst.");
      return null;
    }
    if (moments.slice(0, i).some((o) => o.day === m.day && o.time === m.time)) {
      errors.moments[i] = _("Dit moment staat er al. Kies een ander moment.");
      return null;
    }
    return { starts_at: startsAt, minutes: m.minutes };
  });
  const link = video.trim();
  if (link && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(link)) {
    errors.video = _("Dit is geen goede link. Een videolink begint met https://");
  }
  if (!place.trim() && !link) errors.where = _("Vul een plek in of een videolink.");
  const ok = slots.every((s) => s !== null) && !errors.where && !errors.video;
  return { errors, plan: ok ? { slots: slots as Plan['slots'], place, video_url: link, note: '' } : null };
}

function MomentFields({ index, moment, error, onChange, onRemove }: {
  index: number; moment: Moment; error?: string; onChange: (m: Moment) => void; onRemove?: () => void;
}) {
  const id = `moment-${index}`;
  const errorId = `${id}-error`;
  const today = amsterdamToday();
  const nextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
  return (
    <fieldset class="moment" data-testid={id}>
      <legend>
        {/* TRANSLATORS: the heading of the first, second or third moment proposed for a meeting ({number}: 1, 2 or 3). */}
        {format(_("Moment {number}"), { number: index + 1 })}
      </legend>
      {/* TRANSLATORS: the day of a proposed meeting (a date). */}
      <DateSelect id={`${id}-day`} label={_("Dag")} value={moment.day} min={today} max={nextYear}
        onChange={(day) => onChange({ ...moment, day })} />
      <div class="moment-row">
        <div class="field">
          {/* TRANSLATORS: the start time of a meeting (a choice list's label). */}
          <label for={`${id}-time`}>{_("Begintijd")}</label>
          <select id={`${id}-time`} data-testid={`${id}-time`} value={moment.time} dir="ltr"
            aria-invalid={error ? 'true' : undefined} aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange({ ...moment, time: e.currentTarget.value })}>
            {/* TRANSLATORS: the empty choice of the start time list. */}
            <option value="">{_("Kies een tijd")}</option>
            {timeChoices(currentLang()).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </div>
        <div class="field">
          {/* TRANSLATORS: how long a meeting lasts (a choice list's label). */}
          <label for={`${id}-minutes`}>{_("Hoe lang")}</label>
          <select id={`${id}-minutes`} data-testid={`${id}-minutes`} value={String(moment.minutes)}
            onChange={(e) => onChange({ ...moment, minutes: Number(e.currentTarget.value) })}>
            {DURATIONS.map((d) => <option key={d} value={String(d)}>{duration(d)}</option>)}
          </select>
        </div>
      </div>
      {error && <p class="field-error" id={errorId} data-testid={`${id}-error`}><Icon name="warning" /> {error}</p>}
      {onRemove && (
        <Button variant="quiet" icon="close" onClick={onRemove} data-testid={`${id}-remove`}>
          {/* TRANSLATORS: a button that removes one proposed moment from the form. */}
          {_("Dit moment weghalen")}
        </Button>
      )}
    </fieldset>
  );
}

function momentsOf(meeting: ShownMeeting | null): Moment[] {
  if (!meeting || meeting.slots.length === 0) return [{ day: '', time: '', minutes: 60 }];
  // Other moments than before: the form starts with the same length and place, new days.
  return [{ day: '', time: '', minutes: meeting.minutes ?? meeting.slots[0].minutes }];
}

function ProposeForm({ matchId, otherName, meeting }: { matchId: string; otherName: string; meeting: ShownMeeting | null }) {
  const db = useDb();
  const { route } = useLocation();
  const [moments, setMoments] = useState<Moment[]>(() => momentsOf(meeting));
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [video, setVideo] = useState(meeting?.video_url ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({ moments: [] });
  const [refused, setRefused] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const checked = checkPlan(moments, place, video);
    setErrors(checked.errors);
    if (!checked.plan) {
      document.querySelector<HTMLElement>('[aria-invalid="true"], .field-error')?.scrollIntoView({ block: 'center' });
      return;
    }
    const plan = { ...checked.plan, note };
    setBusy(true);
    setRefused('');
    try {
      const id = meeting ? meeting.id : await proposeMeeting(db, matchId, plan);
      if (meeting) await rescheduleMeeting(db, meeting.id, meeting.version, plan);
      route(`/maatje/${matchId}/afspraak/${id}`, true);
    } catch (error) {
      const text = refusedText(error);
      if (text === null) throw error;
      setRefused(text);
    } finally {
      setBusy(false);
    }
  }

  const set = (i: number) => (m: Moment) => setMoments(moments.map((o, j) => (j === i ? m : o)));
  return (
    <form class="propose-form" onSubmit={(e) => void submit(e)} noValidate data-testid="propose-form">
      <p><T msg={_("Stel één tot drie momenten voor. {name} kiest er één.")} name={otherName} /></p>
      <p class="muted">{_("Tijden zijn Nederlandse tijd.")}</p>
      {moments.map((m, i) => (
        <MomentFields key={i} index={i} moment={m} error={errors.moments[i]} onChange={set(i)}
          onRemove={moments.length > 1 ? () => setMoments(moments.filter((_o, j) => j !== i)) : undefined} />
      ))}
      {moments.length < MAX_MOMENTS && (
        <Button variant="secondary" icon="plus" data-testid="add-moment"
          onClick={() => setMoments([...moments, { day: '', time: '', minutes: moments[moments.length - 1].minutes }])}>
          {_("Nog een moment voorstellen")}
        </Button>
      )}
      <Field id="meeting-place" label={_("Waar spreken jullie af?")} value={place} maxLength={200} error={errors.where}
        placeholder={_("Bijvoorbeeld: de bibliotheek")} onInput={(e) => setPlace(e.currentTarget.value)} />
      <Field id="meeting-video" type="url" dir="ltr" label={_("Of een videolink (mag je leeg laten)")} value={video} maxLength={500}
        error={errors.video} placeholder="https://" inputMode="url" onInput={(e) => setVideo(e.currentTarget.value)} />
      <div class="field">
        <label for="meeting-note">{_("Korte boodschap (mag je leeg laten)")}</label>
        <textarea id="meeting-note" dir="auto" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <Button type="submit" icon="check" disabled={busy} data-testid="propose-submit">
        {meeting ? _("Nieuwe momenten voorstellen")
          // TRANSLATORS: the button that sends a new meeting proposal.
          : _("Afspraak voorstellen")}
      </Button>
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </form>
  );
}

export function ProposeScreen({ params }: ScreenProps) {
  const db = useDb();
  const matchId = params?.match ?? '';
  const again = useLocation().query.opnieuw ?? '';
  const match = useWatch<MatchMeetings | undefined>(watchMeetings(db, matchId), undefined, [db, matchId]);
  const found = useWatch(again ? watchMeeting(db, matchId, again) : null, undefined, [db, matchId, again]);
  const title = again ? _("Andere momenten voorstellen") : _("Nieuwe afspraak");
  useTitle(title);
  if (match === undefined || (again && found === undefined)) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  const offer = match.offer;
  if (!offer || !(offer.status === 'active' || offer.status === 'paused')) return <NotFoundScreen />;
  const meeting = found?.meeting ?? null;
  if (again && (!meeting || !allowed(meeting, offer.role, 'reschedule'))) return <NotFoundScreen />;
  return (
    <section class="screen meetings" aria-labelledby="propose-title" data-testid="propose">
      <p class="eyebrow"><bdi>{offer.other_first_name}</bdi></p>
      <h1 id="propose-title">{title}</h1>
      {offer.status === 'paused' && <p class="form-error" role="alert">{_("Jullie koppeling staat even stil. Afspreken kan weer als de coördinator hem hervat.")}</p>}
      <ProposeForm key={meeting?.id ?? 'new'} matchId={matchId} otherName={offer.other_first_name} meeting={meeting} />
      <p>
        <a class="btn btn-quiet" href={meeting ? `/maatje/${matchId}/afspraak/${meeting.id}` : `/maatje/${matchId}`}>
          {/* TRANSLATORS: a link back without saving the form. */}
          <Icon name="close" /> <span>{_("Terug zonder opslaan")}</span>
        </a>
      </p>
    </section>
  );
}
