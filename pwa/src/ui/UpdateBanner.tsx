// A new version is installed and waiting: the user decides when to switch (no surprise reloads).
import { _ } from '../i18n';
import { applyUpdate, updateReady } from '../sw-register';
import { Button } from './Button';
import { useWatch } from './useWatch';

export function UpdateBanner() {
  const ready = useWatch(updateReady.subscribe, false, []);
  if (!ready) return null;
  return (
    <div class="update-banner" role="status">
      <p>{_("Er is een nieuwe versie van Maatje.")}</p>
      <Button icon="refresh" onClick={applyUpdate}>
        {/* TRANSLATORS: button: switch to the new version of the app now. */}
        {_("Nu bijwerken")}
      </Button>
    </div>
  );
}
