// The practice home's progress: the forgiving streak in words, the last eight weeks as a small bar
// chart (with the same numbers in text for screen readers) and how far each theme is.
import { _, ngettext } from '../../i18n';
import { Icon } from '../../ui/Icon';

export function StreakLine({ days }: { days: number }) {
  if (days === 0) return null; // no streak talk before there is one: never a reproach
  return (
    <p class="streak" data-testid="streak" data-days={String(days)}>
      <Icon name="check" />{' '}
      {ngettext("Je oefent nu {n} dag goed door.", "Je oefent nu {n} dagen goed door.", days)}{' '}
      <span class="streak-note">{_("Een dag overslaan mag gewoon.")}</span>
    </p>
  );
}

function weekName(weeksAgo: number): string {
  // TRANSLATORS: in the weekly practice chart: the current week.
  if (weeksAgo === 0) return _("Deze week");
  // TRANSLATORS: in the weekly practice chart: the week before this one.
  if (weeksAgo === 1) return _("Vorige week");
  return ngettext("{n} week geleden", "{n} weken geleden", weeksAgo);
}

// Oldest week first, this week last; in a right-to-left page the bars run from the right (CSS).
export function WeeksChart({ weeks }: { weeks: number[] }) {
  const max = Math.max(1, ...weeks);
  const bar = 24;
  const gap = 8;
  const height = 60;
  return (
    <figure class="weeks-chart" data-testid="weeks-chart">
      <figcaption>{_("Hoe vaak je oefende, de laatste 8 weken")}</figcaption>
      <svg viewBox={`0 0 ${weeks.length * (bar + gap)} ${height + 2}`} aria-hidden="true" focusable="false">
        {weeks.map((n, i) => {
          const h = n === 0 ? 0 : Math.max(3, Math.round((n / max) * height));
          return <rect key={i} x={i * (bar + gap) + gap / 2} y={height - h} width={bar} height={h} rx="3" class={i === weeks.length - 1 ? 'now' : undefined} />;
        })}
        <line x1="0" x2={weeks.length * (bar + gap)} y1={height + 1} y2={height + 1} />
      </svg>
      <ul class="visually-hidden" data-testid="weeks-text">
        {weeks.map((n, i) => (
          <li key={i}>{ngettext("{week}: {n} keer geoefend", "{week}: {n} keer geoefend", n, { week: weekName(weeks.length - 1 - i) })}</li>
        ))}
      </ul>
    </figure>
  );
}

export interface ThemeRow {
  code: string;
  label: string;
  total: number;
  started: number;
  mastered: number;
}

export function ThemeList({ rows }: { rows: ThemeRow[] }) {
  return (
    <ul class="theme-list" data-testid="themes">
      {rows.map((t) => (
        <li key={t.code} class="theme" data-theme={t.code} data-started={String(t.started)} data-mastered={String(t.mastered)}>
          <div class="theme-head">
            <span class="theme-label" dir="auto">{t.label}</span>
            <a class="btn btn-secondary theme-go" href={`/oefenen/sessie?thema=${encodeURIComponent(t.code)}`} data-testid="practise-theme">
              <Icon name="cards" /> <span>{_("Oefen dit thema")}</span>
              <span class="visually-hidden">: {t.label}</span>
            </a>
          </div>
          <div class="theme-bar" aria-hidden="true">
            <span class="started" style={{ inlineSize: `${(100 * t.started) / Math.max(1, t.total)}%` }} />
            <span class="mastered" style={{ inlineSize: `${(100 * t.mastered) / Math.max(1, t.total)}%` }} />
          </div>
          <p class="theme-count">
            {ngettext("{started} van {n} begonnen, {mastered} goed onthouden", "{started} van {n} begonnen, {mastered} goed onthouden", t.total,
              { started: t.started, mastered: t.mastered })}
          </p>
        </li>
      ))}
    </ul>
  );
}
