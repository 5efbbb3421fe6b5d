// A screen's code could not be fetched (no connection before the app was stored for offline
// use): say so plainly instead of staying on the previous screen without a word.
import { _ } from '../i18n';
import { reloadApp } from '../sw-register';
import { Button } from './Button';
import { useTitle } from './useTitle';

export function LoadFailedScreen() {
  useTitle(_("Dit scherm kon niet laden"));
  return (
    <section class="screen load-failed" data-testid="load-failed" aria-labelledby="load-failed-title">
      <h1 id="load-failed-title">{_("Dit scherm kon niet laden")}</h1>
      <p>{_("Er is nu geen verbinding. Probeer het opnieuw als je online bent.")}</p>
      <Button icon="refresh" onClick={() => void reloadApp()}>
        {/* TRANSLATORS: button: load the app again (after a screen failed to load). */}
        {_("Opnieuw laden")}
      </Button>
    </section>
  );
}
