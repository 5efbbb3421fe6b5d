// A score broken into parts the coordinator understands: each part's sentence (in the
// coordinator's language, from the server) with its points.
import { _, format, formatNumber } from '../../i18n';
import { Icon } from '../../ui/Icon';
import type { ScorePart } from './api';

export function ScoreParts({ parts }: { parts: ScorePart[] }) {
  return (
    <ul class="parts" data-testid="score-parts">
      {parts.map((part) => (
        <li key={part.code} data-code={part.code} class={part.flag ? 'is-flagged' : undefined}>
          {part.flag && <Icon name="warning" />} {part.text}{' '}
          <span class="points">({format(/* TRANSLATORS: the points of one part of a matching score */ _("{points} punten"), { points: part.points })})</span>
        </li>
      ))}
    </ul>
  );
}

export function Total({ total }: { total: number }) {
  // TRANSLATORS: the total matching score of a suggested buddy, e.g. "Score: 42".
  return <span class="score" data-testid="score">{_("Score")}: {formatNumber(Math.round(total * 10) / 10)}</span>;
}
