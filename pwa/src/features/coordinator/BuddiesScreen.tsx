// Buddy vetting: the buddies of the branch by vetting state, each opening their page.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { _, formatDate, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { coordinatorApi } from './api';
import { SelectField } from './Choices';
import { BackLink, RowLink } from './parts';
import { RemoteView, useRemote } from './remote';
import { VETTING_ORDER, vettingStateText } from './words';

const STATES = [...VETTING_ORDER, 'paused', 'stopped'];

export function BuddiesScreen({ user }: ScreenProps) {
  useTitle(/* TRANSLATORS: the coordinator's list of buddies by vetting step (a title, a button) */ _("Maatjes screenen"));
  const { query } = useLocation();
  const [state, setState] = useState(STATES.includes(query.stap) ? query.stap : '');
  const [remote, retry] = useRemote(() => coordinatorApi.buddies(state || undefined), [state, user.id]);
  return (
    <section class="screen coordinator buddies" data-testid="buddies" aria-labelledby="buddies-title">
      <BackLink href="/coordinatie" />
      <h1 id="buddies-title">{_("Maatjes screenen")}</h1>
      {/* TRANSLATORS: a filter: the vetting step buddies are in. */}
      <SelectField id="buddy-state" label={_("Stap")} value={state} onChange={setState} optional
        options={Object.fromEntries(STATES.map((s) => [s, vettingStateText(s)]))} />
      <RemoteView remote={remote} retry={retry}>
        {(buddies) => buddies.length === 0 ? <p>{_("Geen maatjes in deze stap.")}</p> : (
          <>
            <p role="status">{/* TRANSLATORS: a number of buddies */ ngettext("{n} maatje", "{n} maatjes", buddies.length)}</p>
            <ul class="rows">
              {buddies.map((b) => (
                <RowLink key={b.id} href={`/coordinatie/maatjes/${b.id}`} testid="buddy-row">
                  <bdi>{b.display_name}</bdi>
                  <span class="row-sub">
                    {vettingStateText(b.state)}
                    {b.vog_expires && <> · <T msg={_("VOG geldig tot {date}")} date={formatDate(b.vog_expires)} /></>}
                  </span>
                </RowLink>
              ))}
            </ul>
          </>
        )}
      </RemoteView>
    </section>
  );
}
