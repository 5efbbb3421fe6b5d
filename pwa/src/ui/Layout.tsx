// The frame of every screen: header (name, notices, online state, language, sync state), nav, main.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso/router';
import { NoticeBell } from '../features/notices/NoticeBell';
import { _, type Lang } from '../i18n';
import { Button } from './Button';
import { Icon } from './Icon';
import { LanguagePicker } from './LanguagePicker';
import { OnlineIndicator } from './OnlineIndicator';
import { SyncBadge } from './SyncBadge';
import { UpdateBanner } from './UpdateBanner';

interface Props {
  loggedIn: boolean;
  onLanguage: (lang: Lang) => void;
  onLogout: () => void;
  logoutError: string;
  children: ComponentChildren;
}

export function Layout({ loggedIn, onLanguage, onLogout, logoutError, children }: Props) {
  const { path } = useLocation();
  const current = (to: string) => (path === to ? 'page' : undefined);
  return (
    <>
      <header class="app-header">
        <div class="bar">
          <a class="brand" href="/">
            <img src="/icons/icon-192.png" alt="" width="32" height="32" />
            <span>Maatje</span>
          </a>
          {loggedIn && <NoticeBell current={path === '/meldingen'} />}
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
          <a href="/" aria-current={current('/')}>
            <Icon name="home" /> {_("Start")}
          </a>
          <a href="/profiel" aria-current={current('/profiel')}>
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
