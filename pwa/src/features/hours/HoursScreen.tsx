// /uren: an MDT buddy's hours against the target, in a bar and in words, with the entries; prints
// as a one-page summary to hand in (hours.css @media print). Offline: the last copy, with its date.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { intlKnows } from '../../i18n/dates';
import { _, currentLang, format, formatDate, formatDateTime, formatNumber, ngettext, pgettext } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { Icon, iconOf } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useOnline } from '../../ui/useWatch';
import { useCatalogues } from '../catalogues/useCatalogues';
import { durationText } from '../activities/words';
import { loadHours, type StoredHours } from './hours';
import './hours.css';

type State = { status: 'loading' } | { status: 'none'; notMdt: boolean } | { status: 'shown'; hours: StoredHours; fresh: boolean };

// Hours with at most one decimal, in the language's digits ("12,5").
function hoursNumber(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  const lang = currentLang();
  return new Intl.NumberFormat(intlKnows(lang) ? lang : 'nl', { maximumFractionDigits: 1 }).format(hours);
}

export function HoursScreen({ user }: ScreenProps) {
  const db = useDb();
  const online = useOnline();
  const catalogues = useCatalogues();
  const [state, setState] = useState<State>({ status: 'loading' });
  // TRANSLATORS: the title of the MDT buddy's hours page.
  useTitle(pgettext("screen title", "Mijn uren"));
  useEffect(() => {
    let live = true;
    void loadHours(db, user.id).then(({ hours, fresh, error }) => {
      if (!live) return;
      if (hours && !hours.data.mdt) setState({ status: 'none', notMdt: true });
      else if (hours) setState({ status: 'shown', hours, fresh });
      else setState({ status: 'none', notMdt: error instanceof ApiError && (error.code === 404 || error.code === 403) });
    });
    return () => {
      live = false;
    };
  }, [db, user.id, online]);

  if (state.status === 'loading') return <p role="status" class="screen">{_("Even geduld…")}</p>;
  if (state.status === 'none') {
    return (
      <section class="screen hours" aria-labelledby="hours-title">
        <h1 id="hours-title">{pgettext("screen title", "Mijn MDT-uren")}</h1>
        <p>{state.notMdt ? _("Je doet geen maatschappelijke diensttijd (MDT), dus je hoeft geen uren bij te houden.") : _("Je uren worden geladen zodra je online bent.")}</p>
      </section>
    );
  }
  const { data, at } = state.hours;
  const target = data.target_hours * 60;
  const share = target > 0 ? Math.min(1, data.minutes / target) : 0;
  const done = hoursNumber(data.minutes);
  const words = format(_("Je hebt {done} van de {target} uur gedaan."), { done, target: formatNumber(data.target_hours) });
  const left = Math.max(0, target - data.minutes);
  const entries = [...data.entries].sort((a, b) => b.day.localeCompare(a.day));
  return (
    <section class="screen hours" data-testid="hours" aria-labelledby="hours-title">
      <h1 id="hours-title">{pgettext("screen title", "Mijn MDT-uren")}</h1>
      <p class="print-only print-title" data-testid="print-title">
        <T msg={_("Urenoverzicht maatschappelijke diensttijd van {name}")} name={data.name || user.display_name} />
      </p>
      {data.period_start && data.period_end && (
        <p data-testid="hours-period">
          <T msg={_("Diensttijd: {start} tot en met {end}")} start={formatDate(data.period_start)} end={formatDate(data.period_end)} />
        </p>
      )}
      {!state.fresh && (
        <p class="offline-copy" role="status" data-testid="hours-offline">
          <Icon name="warning" /> <T msg={_("Je bent offline. Dit zijn je uren van {when}.")} when={formatDateTime(new Date(at), new Date(), true)} />
        </p>
      )}
      <div class="hours-summary">
        <p class="hours-words" data-testid="hours-words">{words}</p>
        <svg class="hours-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={words}>
          <rect x="0" y="0" width="100" height="10" class="bar-empty" />
          <rect x="0" y="0" width={share * 100} height="10" class="bar-done" />
        </svg>
        <p>{left > 0 ? format(_("Nog {left} uur te gaan."), { left: hoursNumber(left) }) : _("Je hebt je uren gehaald. Goed gedaan!")}</p>
        {data.capped_days > 0 && <p class="muted" data-testid="hours-capped">{ngettext("Op {n} dag is meer dan 16 uur bijgehouden. Per dag tellen hoogstens 16 uur mee.", "Op {n} dagen is meer dan 16 uur bijgehouden. Per dag tellen hoogstens 16 uur mee.", data.capped_days)}</p>}
      </div>
      <p class="no-print">
        {/* TRANSLATORS: a button: print the hours summary (to hand in). */}
        <Button icon="document" variant="secondary" onClick={() => window.print()} data-testid="print">{_("Afdrukken")}</Button>
      </p>
      <h2>{ngettext("{n} keer samen", "{n} keer samen", entries.length)}</h2>
      {entries.length === 0 ? <p>{_("Nog niets bijgehouden.")}</p> : (
        <table class="hours-table" data-testid="hours-entries">
          <thead>
            <tr>
              {/* TRANSLATORS: a column heading: the date of a meeting or activity. */}
              <th scope="col">{pgettext("hours table", "Datum")}</th>
              {/* TRANSLATORS: a column heading: what the buddy did (a meeting, an activity). */}
              <th scope="col">{pgettext("hours table", "Wat")}</th>
              {/* TRANSLATORS: a column heading: how long it took. */}
              <th scope="col">{pgettext("hours table", "Tijd")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const type = e.type ? catalogues.activity_types[e.type] : undefined;
              const what = e.kind === 'meeting' ? pgettext("hours table", "Afspraak") : type?.label ?? e.label ?? e.type ?? '';
              return (
                <tr key={i}>
                  <td>{formatDate(e.day)}</td>
                  <td>
                    <Icon name={e.kind === 'meeting' ? 'clock' : iconOf(type?.icon)} /> {what}
                    {e.with && <> · <bdi>{e.with}</bdi></>}
                  </td>
                  <td>{durationText(e.minutes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="print-only signature" data-testid="signature">
        <p>{pgettext("hours print", "Handtekening coördinator")}</p>
        <div class="sign-line" />
        <p>{pgettext("hours print", "Datum")}</p>
        <div class="sign-line" />
      </div>
    </section>
  );
}
