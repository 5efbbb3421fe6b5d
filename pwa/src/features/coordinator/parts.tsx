// Small shared pieces of the coordinator's screens.
import type { ComponentChildren } from 'preact';
import { _, formatNumber, ngettext } from '../../i18n';
import { Icon } from '../../ui/Icon';
import type { MatchSummary } from './api';
import { matchStatusText } from './words';
import './coordinator.css';

// A section with a heading and a count; an empty list says so instead of showing nothing.
export function Section({ id, title, count, empty, children }: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ComponentChildren;
}) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {title} <span class="count-pill">{formatNumber(count)}</span>
      </h2>
      {count === 0 ? <p class="muted">{empty}</p> : children}
    </section>
  );
}

// A row that opens a page: big enough for a thumb, the words first, an arrow at the end.
export function RowLink({ href, children, testid }: { href: string; children: ComponentChildren; testid?: string }) {
  return (
    <li>
      <a class="row-link" href={href} data-testid={testid}>
        <span class="row-text">{children}</span>
        <Icon name="arrow" />
      </a>
    </li>
  );
}

export function PairName({ match }: { match: MatchSummary }) {
  return (
    <>
      <bdi>{match.newcomer.display_name}</bdi> + <bdi>{match.buddy.display_name}</bdi>
    </>
  );
}

export function StatusPill({ status }: { status: string }) {
  return <span class={`status-pill is-${status}`} data-status={status}>{matchStatusText(status)}</span>;
}

export function daysText(days: number): string {
  return /* TRANSLATORS: a number of days */ ngettext("{n} dag", "{n} dagen", days);
}

export function BackLink({ href, text }: { href: string; text?: string }) {
  return (
    <p class="back">
      <a href={href}>
        <span class="flip-rtl" aria-hidden="true">←</span> {text ?? _("Terug naar het overzicht")}
      </a>
    </p>
  );
}
