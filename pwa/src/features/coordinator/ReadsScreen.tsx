// The read log of the branch: who opened whose intake or buddy profile, and when, newest first
// (DESIGN section 9: every read of a person's profile by a coordinator is visible to the branch).
import { useLocation } from 'preact-iso/router';
import { _, formatDateTime } from '../../i18n';
import { T } from '../../i18n/T';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { coordinatorApi } from './api';
import { BackLink } from './parts';
import { RemoteView, useRemote } from './remote';

const PAGE_SIZE = 50;

export function ReadsScreen({ user }: ScreenProps) {
  useTitle(_("Wie las welk profiel"));
  const { query } = useLocation();
  const page = Math.max(1, Number(query.pagina) || 1);
  const [remote, retry] = useRemote(() => coordinatorApi.reads(page), [page, user.id]);
  return (
    <section class="screen coordinator reads" data-testid="reads" aria-labelledby="reads-title">
      <BackLink href="/coordinatie" />
      <h1 id="reads-title">{_("Wie las welk profiel")}</h1>
      <p class="muted">{_("Elke keer dat een coördinator een inschrijving of het profiel van een maatje opent, staat hier. Het nieuwste bovenaan.")}</p>
      <RemoteView remote={remote} retry={retry}>
        {(reads) => (
          <>
            {reads.length === 0 && <p>{_("Nog niemand heeft een profiel ingezien.")}</p>}
            <ul class="rows">
              {reads.map((r) => (
                <li key={r.id} data-testid="read-row">
                  <a class="row-link" href={r.what === 'intake' ? `/coordinatie/nieuwkomers/${r.subject_id}` : `/coordinatie/maatjes/${r.subject_id}`}>
                    <span class="row-text">
                      {r.what === 'intake'
                        ? <T msg={_("{reader} las de inschrijving van {person}")} reader={r.reader_name ?? _("Een oud account")} person={r.subject_name} />
                        : r.what === 'buddy_hours'
                          ? <T msg={_("{reader} las de uren van maatje {person}")} reader={r.reader_name ?? _("Een oud account")} person={r.subject_name} />
                          : <T msg={_("{reader} las het profiel van maatje {person}")} reader={r.reader_name ?? _("Een oud account")} person={r.subject_name} />}
                      <span class="row-sub"><time dateTime={r.at}>{formatDateTime(new Date(r.at), new Date(), true)}</time></span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
            <p class="actions">
              {page > 1 && <a class="btn btn-secondary" href={`/coordinatie/inzage?pagina=${page - 1}`}>{/* TRANSLATORS: a link: the newer page of the read log. */ _("Nieuwere")}</a>}
              {reads.length === PAGE_SIZE && <a class="btn btn-secondary" href={`/coordinatie/inzage?pagina=${page + 1}`}>{/* TRANSLATORS: a link: the older page of the read log. */ _("Oudere")}</a>}
            </p>
          </>
        )}
      </RemoteView>
    </section>
  );
}
