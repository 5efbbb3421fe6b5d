// The frame of every screen: header (name, online state, language, sync state), nav, main.
import type { ComponentChildren } from 'preact';
import { _, type Lang } from '../i18n';
import { Button } from './Button';
import { Icon } from './Icon';
import { LanguagePicker } from './LanguagePicker';
import { OnlineIndicator } from './OnlineIndicator';
import { SyncBadge } from './SyncBadge';
import { UpdateBanner } from './UpdateBanner';

export type Route = 'home' | 'profile';

interface Props {
  loggedIn: boolean;
  route: Route;
  onLanguage: (lang: Lang) => void;
  onLogout: () => void;
  logoutError: string;
  children: ComponentChildren;
}

export function Layout({ loggedIn, route, onLanguage, onLogout, logoutError, children }: Props) {
  return (
    <>
      <header class="app-header">
        <div class="bar">
          <a class="brand" href="#/">
            <img src="/icons/icon-192.png" alt="" width="32" height="32" />
            <span>Maatje</span>
          </a>
          <OnlineIndicator />
        </div>
        <div class="bar">
          <LanguagePicker onChange={onLanguage} />
          {loggedIn && <SyncBadge />}
        </div>
        <UpdateBanner />
      </header>
      {loggedIn && (
        <nav class="app-nav" aria-label={_("Hoofdmenu")}>
          <a href="#/" aria-current={route === 'home' ? 'page' : undefined}>
            <Icon name="home" /> {_("Start")}
          </a>
          <a href="#/profiel" aria-current={route === 'profile' ? 'page' : undefined}>
            <Icon name="user" /> {_("Mijn profiel")}
          </a>
          <Button icon="logout" variant="secondary" onClick={onLogout} data-testid="logout">
            {_("Uitloggen")}
          </Button>
          <div role="alert" class="form-error">
            {logoutError && <p>{logoutError}</p>}
          </div>
        </nav>
      )}
      <main id="main">{children}</main>
    </>
  );
}
