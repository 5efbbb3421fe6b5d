// One buddy, for their branch's coordinator: who they are, their vetting steps so far (who, when)
// and the next step as one button (the VOG step asks for the VOG's date).
import { useState } from 'preact/hooks';
import { _, formatDate, formatDateTime, formatNumber, weekdayName } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { DateSelect } from '../../ui/DateSelect';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { label } from '../catalogues/catalogues';
import { useCatalogues } from '../catalogues/useCatalogues';
import { coordinatorApi, type Buddy } from './api';
import { BackLink } from './parts';
import { RemoteView, useAction, useRemote } from './remote';
import { HoursPanel } from './Together';
import { nextVettingStates, vettingStateText, vettingStepText } from './words';

function Facts({ buddy }: { buddy: Buddy }) {
  const catalogues = useCatalogues();
  const list = (c: Record<string, string>, codes: string[]) => (codes.length ? codes.map((x) => label(c, x)).join(', ') : '—');
  const rows: [string, string][] = [
    [/* TRANSLATORS: volunteer or MDT (civic service) */ _("Soort maatje"), buddy.kind ? label(catalogues.buddy_kinds, buddy.kind) : '—'],
    [/* TRANSLATORS: a label: the languages a person speaks */ _("Talen"), list(catalogues.languages, buddy.languages ?? [])],
    [/* TRANSLATORS: a label: what a person likes to do */ _("Interesses"), list(catalogues.interests, buddy.interests ?? [])],
    [_("Beschikbaar"), (buddy.availability ?? []).length
      ? buddy.availability.slice().sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)).map((s) => `${weekdayName(s.day)} ${s.start}–${s.end}`).join(', ') : '—'],
    [_("Aantal nieuwkomers tegelijk"), buddy.capacity ? formatNumber(buddy.capacity) : '—'],
    // TRANSLATORS: the date of the buddy's certificate of conduct (Verklaring Omtrent het Gedrag).
    [_("VOG"), buddy.vog_date ? formatDate(buddy.vog_date) : _("nog niet ontvangen")],
    [_("VOG geldig tot"), buddy.vog_expires ? formatDate(buddy.vog_expires) : '—'],
    [_("E-mailadres"), buddy.email],
  ];
  if (buddy.kind === 'mdt' && buddy.mdt_start && buddy.mdt_end) {
    // TRANSLATORS: the period of an MDT buddy's civic service.
    rows.push([_("Diensttijd"), `${formatDate(buddy.mdt_start)} – ${formatDate(buddy.mdt_end)}`]);
  }
  return (
    <dl class="facts" data-testid="buddy-facts">
      {rows.map(([t, v]) => <div key={t}><dt>{t}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

function NextStep({ buddy, onDone }: { buddy: Buddy; onDone: (b: Buddy) => void }) {
  const [run, busy, error] = useAction();
  const [vogDate, setVogDate] = useState('');
  const [note, setNote] = useState('');
  const next = nextVettingStates(buddy.state);
  if (next.length === 0) return null;
  const step = (to: string) => run(async () => {
    const body: { to_state: string; vog_date?: string; note?: string } = { to_state: to };
    if (to === 'vog_received') body.vog_date = vogDate;
    if (note.trim()) body.note = note.trim();
    onDone(await coordinatorApi.vettingStep(buddy.id, body));
    setNote('');
  });
  return (
    <section class="panel" aria-labelledby="next-step-title" data-testid="next-step">
      <h2 id="next-step-title">{/* TRANSLATORS: a heading: the buddy's next vetting step */ _("Volgende stap")}</h2>
      {next.includes('vog_received') && (
        <DateSelect id="vog-date" label={_("Datum van de VOG")} value={vogDate}
          min={`${new Date().getFullYear() - 5}-01-01`} max={new Date().toISOString().slice(0, 10)} onChange={setVogDate} />
      )}
      <div class="field">
        <label for="step-note">{_("Notitie (mag je leeg laten)")}</label>
        <textarea id="step-note" dir="auto" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="actions">
        {next.map((to, i) => (
          <Button key={to} icon={to === 'stopped' || to === 'paused' ? 'close' : 'check'} variant={i === 0 ? 'primary' : 'secondary'}
            disabled={busy || (to === 'vog_received' && !vogDate)} onClick={() => void step(to)} data-testid={`step-${to}`}>
            {vettingStepText(to)}
          </Button>
        ))}
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
    </section>
  );
}

function View({ initial, me }: { initial: Buddy; me: string }) {
  const [buddy, setBuddy] = useState(initial);
  return (
    <>
      {/* TRANSLATORS: the buddy's current vetting step, e.g. "Stap: VOG ontvangen". */}
      <p data-testid="buddy-state"><strong>{_("Stap")}:</strong> {vettingStateText(buddy.state)}</p>
      <NextStep buddy={buddy} onDone={(b) => setBuddy({ ...buddy, ...b })} />
      {buddy.kind === 'mdt' && <HoursPanel buddyId={buddy.id} />}
      {/* TRANSLATORS: a heading: the buddy's details. */}
      <h2>{_("Gegevens")}</h2>
      <Facts buddy={buddy} />
      {(buddy.steps?.length ?? 0) > 0 && (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{/* TRANSLATORS: a heading: the steps or events so far, with who and when */ _("Geschiedenis")}</h2>
          <ol class="history" data-testid="vetting-history">{/* oldest first */}
            {buddy.steps!.map((s, i) => (
              <li key={i}>
                <strong>{vettingStateText(s.to_state)}</strong>
                <span class="row-sub">
                  {formatDateTime(new Date(s.at), new Date(), true)}
                  {/* TRANSLATORS: who recorded a vetting step: the reader. */}
                  {s.by_id === me && <> · {_("door jou")}</>}
                  {s.vog_date && <> · <T msg={_("VOG van {date}")} date={formatDate(s.vog_date)} /></>}
                </span>
                {s.note && <p dir="auto">{s.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

export function BuddyScreen({ params, user }: ScreenProps) {
  const id = params?.id ?? '';
  const [remote, retry] = useRemote(() => coordinatorApi.buddy(id), [id, user.id]);
  useTitle(remote.state === 'ready' ? remote.data.display_name : /* TRANSLATORS: a buddy (a label, a page title) */ _("Maatje"));
  return (
    <section class="screen coordinator buddy" data-testid="buddy" aria-labelledby="buddy-title">
      <BackLink href="/coordinatie/maatjes" text={_("Terug naar de maatjes")} />
      <h1 id="buddy-title">{remote.state === 'ready' ? <bdi>{remote.data.display_name}</bdi> : _("Maatje")}</h1>
      <RemoteView remote={remote} retry={retry}>{(buddy) => <View initial={buddy} me={user.id} />}</RemoteView>
    </section>
  );
}
