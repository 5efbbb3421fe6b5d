// Always visible, also on the login screen: people must know whether their changes can be sent
// (the sync details add that nothing is lost offline).
import { _ } from '../i18n';
import { Icon } from './Icon';
import { useOnline } from './useWatch';

export function OnlineIndicator() {
  const online = useOnline();
  return (
    <p
      class={`online-indicator ${online ? 'is-online' : 'is-offline'}`}
      data-testid="online-indicator"
      data-online={String(online)}
      role="status"
    >
      <Icon name="dot" filled={online} />{' '}
      {online
        // TRANSLATORS: the connection state in the top bar: the phone has internet.
        ? _("Online")
        // TRANSLATORS: the connection state in the top bar: no internet; changes are kept on the phone.
        : _("Offline")}
    </p>
  );
}
