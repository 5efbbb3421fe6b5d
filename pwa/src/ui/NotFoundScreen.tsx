// An address the app does not know (a typo, an old bookmark): say so and offer the way home.
import { _ } from '../i18n';
import { Icon } from './Icon';
import { useTitle } from './useTitle';

export function NotFoundScreen() {
  useTitle(_("Pagina niet gevonden"));
  return (
    <section class="screen not-found" data-testid="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{_("Pagina niet gevonden")}</h1>
      <p>{_("Deze pagina bestaat niet (meer).")}</p>
      <p>
        <a class="btn btn-secondary" href="/">
          <Icon name="home" />
          <span>{_("Naar de startpagina")}</span>
        </a>
      </p>
    </section>
  );
}
