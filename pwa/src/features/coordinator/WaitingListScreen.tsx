// The fair proposal for the whole waiting list of the coordinator's branch: the pairs that give
// the highest total score at once (each buddy within capacity), each beside the newcomer's
// one-at-a-time best, one "propose" per pair; and the newcomers it could not place, with why.
import { useState } from 'preact/hooks';
import { _, formatNumber, ngettext } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { coordinatorApi, type ProposalPair } from './api';
import { BackLink, Section } from './parts';
import { RemoteView, useAction, useRemote } from './remote';
import { ScoreParts, Total } from './ScoreParts';

const rounded = (n: number) => formatNumber(Math.round(n * 10) / 10);

function Pair({ pair }: { pair: ProposalPair }) {
  const [run, busy, error] = useAction();
  const [matchId, setMatchId] = useState<string | null>(null);
  return (
    <li class="pair" data-testid="pair" data-newcomer={pair.newcomer_id} data-buddy={pair.buddy_id}>
      <h3><bdi>{pair.newcomer_name}</bdi> + <bdi>{pair.buddy_name}</bdi></h3>
      <Total total={pair.proposal.score.total} />
      <ScoreParts parts={pair.proposal.score.parts} />
      <p class="muted" data-testid="best-alone">
        {pair.same_as_best
          ? _("Dit is ook het beste maatje als je alleen naar deze nieuwkomer kijkt.")
          : <T msg={_("Alleen voor deze nieuwkomer zou {name} het beste passen (score {score}); dat maatje past dan beter bij iemand anders.")}
              name={pair.best.display_name} score={rounded(pair.best.score.total)} />}
      </p>
      {matchId ? (
        <p class="form-success" role="status">
          <Icon name="check" /> {/* TRANSLATORS: a confirmation: the pair was proposed */ _("Voorgesteld.")} <a href={`/coordinatie/koppelingen/${matchId}`}>{_("Bekijk de koppeling")}</a>
        </p>
      ) : (
        <Button icon="check" disabled={busy} data-testid="propose-pair"
          onClick={() => void run(async () => {
            const match = await coordinatorApi.propose(pair.newcomer_id, pair.buddy_id, pair.proposal.score);
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
          <>
            <p role="status" data-testid="waiting-list-summary">
              {ngettext("{n} wachtende nieuwkomer", "{n} wachtende nieuwkomers", proposal.newcomers)}
              {' · '}
              {ngettext("{n} beschikbaar maatje", "{n} beschikbare maatjes", proposal.buddies)}
              {' · '}
              <T msg={_("totale score {score}")} score={rounded(proposal.total)} />
            </p>
            <div class="panels">
              <Section id="pairs" title={/* TRANSLATORS: a heading: the pairs of the waiting-list proposal */ _("Voorgestelde paren")} count={proposal.pairs.length} empty={_("Er zijn nu geen paren te maken.")}>
                <ul class="rows">{proposal.pairs.map((p) => <Pair key={p.newcomer_id} pair={p} />)}</ul>
              </Section>
              {/* TRANSLATORS: newcomers the waiting-list proposal found no buddy for. */}
              <Section id="unplaced" title={_("Niet geplaatst")} count={proposal.unplaced.length} empty={_("Iedereen op de wachtlijst heeft een paar.")}>
                <ul class="rows">
                  {proposal.unplaced.map((u) => (
                    <li key={u.newcomer_id} data-testid="unplaced" data-reason={u.reason}>
                      <a class="row-link" href={`/coordinatie/nieuwkomers/${u.newcomer_id}`}>
                        <span class="row-text"><bdi>{u.newcomer_name}</bdi><span class="row-sub">{u.message}</span></span>
                        <Icon name="arrow" />
                      </a>
                    </li>
                  ))}
                </ul>
              </Section>
            </div>
          </>
        )}
      </RemoteView>
    </section>
  );
}
