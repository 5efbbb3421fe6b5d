// The newcomer's progress as they shared it (practice_share.progress): due today, the streak, the
// reviews of the last weeks as a tiny chart with the same numbers in words, and the themes.
import { _, formatDateTime, formatNumber, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { ContentCatalogue, ContentPhrase, ProgressSummary } from '../../types';

function WeeksChart({ weeks }: { weeks: number[] }) {
  const most = Math.max(1, ...weeks);
  const width = 8 * weeks.length;
  return (
    <figure class="shared-weeks" data-testid="shared-weeks">
      {/* The caption carries the numbers; the bars repeat them for the eye. */}
      <svg viewBox={`0 0 ${width} 24`} aria-hidden="true" focusable="false" class="shared-weeks-bars">
        {weeks.map((n, i) => {
          const h = n === 0 ? 0.5 : Math.max(2, (n / most) * 24);
          return <rect key={i} x={i * 8 + 1} y={24 - h} width={6} height={h} rx={1} class={i === weeks.length - 1 ? 'bar-now' : 'bar-past'} />;
        })}
      </svg>
      <figcaption>
        <T msg={_("Zinnen per week, de oudste eerst: {list}.")} list={weeks.map((n) => formatNumber(n)).join(', ')} />{' '}
        {ngettext("Deze week {n} zin.", "Deze week {n} zinnen.", weeks[weeks.length - 1] ?? 0)}
      </figcaption>
    </figure>
  );
}

function Themes({ progress, catalogue, phrases }: {
  progress: ProgressSummary;
  catalogue: ContentCatalogue | null | undefined;
  phrases: ContentPhrase[];
}) {
  const codes = catalogue ? catalogue.themes.map((t) => t.code) : Object.keys(progress.themes);
  const shown = codes.filter((code) => (progress.themes[code]?.started ?? 0) > 0);
  if (shown.length === 0) return <p class="muted">{_("Nog geen thema begonnen.")}</p>;
  const label = (code: string) => catalogue?.themes.find((t) => t.code === code)?.label ?? code;
  return (
    <ul class="theme-progress" data-testid="theme-progress">
      {shown.map((code) => {
        const { started, mastered } = progress.themes[code];
        const total = phrases.filter((p) => p.theme === code).length;
        return (
          <li key={code}>
            <span class="theme-name">{label(code)}</span>{' '}
            <span class="muted">
              {total > 0
                ? ngettext("{n} van {total} zin begonnen", "{n} van {total} zinnen begonnen", started, { total: formatNumber(total) })
                : ngettext("{n} zin begonnen", "{n} zinnen begonnen", started)}
              {', '}
              {/* TRANSLATORS: how many phrases of a theme someone knows well */}
              {ngettext("{n} goed gekend", "{n} goed gekend", mastered)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function ProgressView({ progress, catalogue, phrases }: {
  progress: ProgressSummary;
  catalogue: ContentCatalogue | null | undefined;
  phrases: ContentPhrase[];
}) {
  return (
    <div class="shared-progress" data-testid="shared-progress">
      <p data-testid="shared-due">
        {ngettext("Vandaag staat {n} zin klaar.", "Vandaag staan {n} zinnen klaar.", progress.due_today)}
        {progress.streak > 0 && <> {ngettext("{n} dag op rij geoefend.", "{n} dagen op rij geoefend.", progress.streak)}</>}
      </p>
      <WeeksChart weeks={progress.weeks} />
      <Themes progress={progress} catalogue={catalogue} phrases={phrases} />
      <p class="muted progress-when"><T msg={/* TRANSLATORS: when the newcomer's phone last sent this summary */ _("Bijgewerkt: {when}")} when={formatDateTime(new Date(progress.at))} /></p>
    </div>
  );
}
