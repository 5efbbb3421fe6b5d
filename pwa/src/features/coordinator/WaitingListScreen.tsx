// The fair proposal for the whole waiting list of the coordinator's branch: the pairs that give
// the highest total score at once (each buddy within capacity), each beside the newcomer's
// one-at-a-time best, one "propose" per pair; and the newcomers it could not place, with why.
import { useState } from 'preact/hooks';
import { _, formatNumber } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { buddyIdOf, coordinatorApi, type ProposalPair } from './api';
import { BackLink, Section } from './parts';
import { RemoteView, useAction, useRemote } from './remote';
import { ScoreParts, Total } from './ScoreParts';

function newcomerIdOf(pair: ProposalPair): string {
  return pair.newcomer_id ?? pair.newcomer.id;
}

function Pair({ pair }: { pair: ProposalPair }) {
  const [run, busy, error] = useAction();
  const [matchId, setMatchId] = useState<string | null>(null);
  const buddyId = buddyIdOf(pair);
  const sameAsAlone = !pair.best_alone || pair.best_alone.buddy.id === buddyId;
  return (
    <li class="pair" data-testid="pair">
      <h3><bdi>{pair.newcomer.display_name}</bdi> + <bdi>{pair.buddy.display_name}</bdi></h3>
      <Total total={pair.total} />
      <ScoreParts parts={pair.parts} />
      {pair.best_alone && (
        <p class="muted" data-testid="best-alone">
          {sameAsAlone
            ? _("Dit is ook het beste maatje als je alleen naar deze nieuwkomer kijkt.")
            : <T msg={_("Alleen voor deze nieuwkomer zou {name} het beste passen (score {score}); dit maatje is dan nodig voor iemand anders.")}
                name={pair.best_alone.buddy.display_name} score={formatNumber(Math.round(pair.best_alone.total * 10) / 10)} />}
        </p>
      )}
      {matchId ? (
        <p class="form-success" role="status">
          <Icon name="check" /> {_("Voorgesteld.")} <a href={`/coordinatie/koppelingen/${matchId}`}>{_("Bekijk de koppeling")}</a>
        </p>
      ) : (
        <Button icon="check" disabled={busy} data-testid="propose-pair"
          onClick={() => void run(async () => {
            const match = await coordinatorApi.propose(newcomerIdOf(pair), buddyId, { total: pair.total, parts: pair.parts });
            setMatchId(match.id);
          })}>
          {_("Dit paar voorstellen")}
        </Button>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}

export function WaitingListScreen({ user }: ScreenProps) {
  useTitle(_("Voorstel voor de wachtlijst"));
  const code = user.organisation?.code ?? '';
  const [remote, retry] = useRemote(() => coordinatorApi.waitingList(code), [code]);
  return (
    <section class="screen coordinator waiting-list" data-testid="waiting-list" aria-labelledby="waiting-list-title">
      <BackLink href="/coordinatie" />
      <h1 id="waiting-list-title">{_("Voorstel voor de wachtlijst")}</h1>
      <p class="muted">{_("Alle wachtende nieuwkomers tegelijk: de paren die samen het best passen, zonder dat een maatje meer nieuwkomers krijgt dan past.")}</p>
      <RemoteView remote={remote} retry={retry}>
        {(proposal) => (
          <div class="panels">
            <Section id="pairs" title={_("Voorgestelde paren")} count={proposal.pairs.length} empty={_("Er zijn nu geen paren te maken.")}>
              <ul class="rows">{proposal.pairs.map((p) => <Pair key={newcomerIdOf(p)} pair={p} />)}</ul>
            </Section>
            <Section id="unplaced" title={_("Niet geplaatst")} count={proposal.unplaced.length} empty={_("Iedereen op de wachtlijst heeft een paar.")}>
              <ul class="rows">
                {proposal.unplaced.map((u) => (
                  <li key={u.newcomer.id} data-testid="unplaced">
                    <a class="row-link" href={`/coordinatie/nieuwkomers/${u.newcomer.id}`}>
                      <span class="row-text"><bdi>{u.newcomer.display_name}</bdi><span class="row-sub">{u.reason}</span></span>
                      <Icon name="arrow" />
                    </a>
                  </li>
                ))}
              </ul>
            </Section>
          </div>
        )}
      </RemoteView>
    </section>
  );
}
