// Log something the pair did together: the kind (grouped by domain, with its icon), the day, how
// long, who took the initiative and a note. Saved on the phone at once (offline too), sent later.
import { useState } from 'preact/hooks';
import { _, formatDate, pgettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { Domain, Initiative } from '../../types';
import { Button } from '../../ui/Button';
import { DateSelect } from '../../ui/DateSelect';
import { useDb } from '../../ui/db-context';
import { Icon, iconOf } from '../../ui/Icon';
import { NotFoundScreen } from '../../ui/NotFoundScreen';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline, useWatch } from '../../ui/useWatch';
import { refusedText } from '../auth/SessionNotice';
import { useCatalogues } from '../catalogues/useCatalogues';
import type { Offer } from '../match/overlay';
import { watchOffer } from '../match/queries';
import { logActivity, removeActivity } from './mutations';
import { byDay, type ShownActivity } from './overlay';
import { watchActivities } from './queries';
import { durationText, amsterdamDay } from './words';
import './activities.css';

export const DOMAINS: Domain[] = ['taal', 'werk', 'meedoen'];
const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 360];

function Recent({ offer }: { offer: Offer }) {
  const db = useDb();
  const catalogues = useCatalogues();
  const activities = useWatch<ShownActivity[]>(watchActivities(db, offer.match_id, offer.role), [], [db, offer.match_id, offer.role]);
  const recent = byDay(activities).slice(0, 5);
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{pgettext("activities", "Laatst gedaan")}</h2>
      <ul class="activity-list" data-testid="recent-activities">
        {recent.map((a) => (
          <li key={a.id} class="activity-row" data-testid="activity" data-pending={String(a.pending)}>
            <Icon name={iconOf(catalogues.activity_types[a.type]?.icon)} />
            <span class="activity-what">
              <strong>{catalogues.activity_types[a.type]?.label ?? a.type}</strong>
              <span class="muted"> · {formatDate(a.day)} · {durationText(a.minutes)}</span>
              {a.pending && <span class="pending-mark"> · {_("wacht op verzending")}</span>}
            </span>
            <button type="button" class="btn btn-quiet remove" onClick={() => void removeActivity(db, a.id)}>
              {/* TRANSLATORS: a button: take a logged activity away again. */}
              <Icon name="close" /> <span>{pgettext("activity", "Weghalen")}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LogActivityScreen({ params }: ScreenProps) {
  const db = useDb();
  const online = useOnline();
  const catalogues = useCatalogues();
  const matchId = params?.match ?? '';
  const offer = useWatch<Offer | null | undefined>(watchOffer(db, matchId), undefined, [db, matchId]);
  const today = amsterdamDay();
  const [type, setType] = useState('');
  const [day, setDay] = useState(today);
  const [minutes, setMinutes] = useState(60);
  const [initiative, setInitiative] = useState<Initiative | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [refused, setRefused] = useState('');
  useTitle(pgettext("screen title", "Samen gedaan"));
  if (offer === undefined) return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (offer === null || !(offer.status === 'active' || offer.status === 'paused')) return <NotFoundScreen />;
  const other = offer.other_first_name;
  const types = Object.entries(catalogues.activity_types);

  async function submit(e: Event) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!type) found.type = _("Kies wat jullie gedaan hebben.");
    if (!day) found.day = _("Kies de dag.");
    else if (day > today) found.day = _("Deze dag is nog niet geweest.");
    else if (offer?.approved_at && day < amsterdamDay(new Date(offer.approved_at))) found.day = _("Deze dag is van voor het begin van jullie koppeling.");
    if (!initiative) found.initiative = _("Kies wie het initiatief nam.");
    setErrors(found);
    setSaved(false);
    setRefused('');
    if (Object.keys(found).length > 0 || !offer || !initiative) return;
    try {
      await logActivity(db, offer.match_id, { type, day, minutes, initiative, note });
      setSaved(true);
      setType('');
      setNote('');
      setInitiative('');
    } catch (error) {
      const text = refusedText(error);
      if (text === null) throw error;
      setRefused(text);
    }
  }

  const sides: Array<{ value: Initiative; label: string }> = [
    // TRANSLATORS: who took the initiative for an activity: I did.
    { value: offer.role, label: _("Ik") },
    { value: offer.role === 'buddy' ? 'newcomer' : 'buddy', label: other },
    // TRANSLATORS: who took the initiative for an activity: we both did.
    { value: 'both', label: pgettext("initiative", "Samen") },
  ];

  return (
    <section class="screen log-activity" data-testid="log-activity" aria-labelledby="log-title">
      <p class="eyebrow"><bdi>{other}</bdi></p>
      <h1 id="log-title">{_("Wat hebben jullie samen gedaan?")}</h1>
      {offer.status === 'paused' && (
        <p class="form-error" role="alert" data-testid="paused">{_("Jullie koppeling staat op pauze: je kunt nu niets toevoegen of wijzigen.")}</p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset class="type-picker" aria-describedby={errors.type ? 'type-error' : undefined}>
          <legend>{_("Kies een activiteit")}</legend>
          {types.length === 0 && <p class="muted">{_("De lijst met activiteiten is nog niet geladen. Ga even online.")}</p>}
          {DOMAINS.map((domain) => {
            const inDomain = types.filter(([, t]) => t.domain === domain);
            if (inDomain.length === 0) return null;
            return (
              <div key={domain} class="type-group" data-domain={domain}>
                <h2 class="type-domain">{catalogues.domains[domain] ?? domain}</h2>
                <div class="type-tiles">
                  {inDomain.map(([code, t]) => (
                    <label key={code} class="type-tile" data-selected={String(type === code)}>
                      <input type="radio" name="type" value={code} checked={type === code} onChange={() => setType(code)} />
                      <Icon name={iconOf(t.icon)} />
                      <span>{t.label}</span>
                    </label>
                  ))}
                </div>
              </div>
            );
          })}
          {errors.type && <p class="field-error" id="type-error"><Icon name="warning" /> {errors.type}</p>}
        </fieldset>
        <DateSelect id="activity-day" label={_("Op welke dag?")} value={day} onChange={setDay} max={today}
          min={offer.approved_at ? amsterdamDay(new Date(offer.approved_at)) : undefined} error={errors.day} />
        <div class="field">
          <label for="activity-minutes">{_("Hoe lang duurde het?")}</label>
          <select id="activity-minutes" value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {DURATIONS.map((m) => <option key={m} value={String(m)}>{durationText(m)}</option>)}
          </select>
        </div>
        <fieldset class="field initiative" aria-describedby={errors.initiative ? 'initiative-error' : undefined}>
          <legend>{_("Wie nam het initiatief?")}</legend>
          <div class="choice-row">
            {sides.map((s) => (
              <label key={s.value} class="choice" data-initiative={s.value}>
                <input type="radio" name="initiative" value={s.value} checked={initiative === s.value} onChange={() => setInitiative(s.value)} />
                <bdi>{s.label}</bdi>
              </label>
            ))}
          </div>
          {errors.initiative && <p class="field-error" id="initiative-error"><Icon name="warning" /> {errors.initiative}</p>}
        </fieldset>
        <div class="field">
          <label for="activity-note">{_("Een paar woorden erover (mag je leeg laten)")}</label>
          <textarea id="activity-note" dir="auto" rows={3} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        {/* TRANSLATORS: a button: save the activity the pair did. */}
        <Button type="submit" icon="check" data-testid="save-activity">{_("Opslaan")}</Button>
        <p role="status" class="form-status" data-testid="save-status">
          {saved && (online ? _("Opgeslagen.") : _("Opgeslagen op je telefoon. Het wordt verstuurd zodra je online bent."))}
        </p>
        {refused && <p class="form-error" role="alert">{refused}</p>}
      </form>
      <Recent offer={offer} />
      <p>
        <a class="btn btn-quiet" href={`/maatje/${offer.match_id}`}>
          <Icon name="back" /> <T msg={_("Terug naar {name}")} name={other} />
        </a>
      </p>
    </section>
  );
}
