// The frame of every screen: a skip link, one compact top bar that stays in view (name, sync
// state, online state), main, and logged in the main sections in a bottom bar within thumb reach.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso/router';
import { NoticeBell } from '../features/notices/NoticeBell';
import { _, pgettext, type Lang } from '../i18n';
import { Icon } from './Icon';
import { LanguagePicker } from './LanguagePicker';
import { OnlineIndicator } from './OnlineIndicator';
import { useSyncBadge } from './SyncBadge';
import { UpdateBanner } from './UpdateBanner';

interface Props {
  loggedIn: boolean;
  coordinator?: boolean; // a coordinator's bar has the overview as its second section
  newcomer?: boolean; // a newcomer's bar has practice (buddies reach it through the home card)
  onLanguage: (lang: Lang) => void;
  children: ComponentChildren;
}

function Brand() {
  return (
    <a class="brand" href="/">
      <img src="/icons/icon-192.png" alt="" width="28" height="28" />
      <span>Maatje</span>
    </a>
  );
}

// Logged in the language is chosen in the profile; before login it must be at hand.
function LoginBar({ onLanguage }: { onLanguage: (lang: Lang) => void }) {
  return (
    <header class="app-header">
      <div class="bar">
        <Brand />
        <OnlineIndicator />
      </div>
      <LanguagePicker onChange={onLanguage} compact />
      <UpdateBanner />
    </header>
  );
}

function TopBar() {
  const { badge, details } = useSyncBadge();
  return (
    <header class="app-header">
      <div class="bar">
        <Brand />
        {badge}
        <OnlineIndicator />
      </div>
      {details}
      <UpdateBanner />
    </header>
  );
}

function BottomNav({ coordinator, newcomer }: { coordinator: boolean; newcomer: boolean }) {
  const { path } = useLocation();
  const current = (to: string) => (path === to ? 'page' : undefined);
  const inOverview = path === '/coordinatie' || path.startsWith('/coordinatie/');
  return (
    // TRANSLATORS: name of the bottom navigation bar, read out by screen readers.
    <nav class="bottom-nav" aria-label={_("Hoofdmenu")}>
      <a href="/" aria-current={current('/')}>
        {/* TRANSLATORS: the bottom bar's link to the home screen (a noun: the start page, not the verb "to start"). */}
        <Icon name="home" /> <span>{_("Start")}</span>
      </a>
      {coordinator && (
        <a href="/coordinatie" aria-current={inOverview ? 'page' : undefined}>
          {/* TRANSLATORS: the coordinator's section in the bottom bar: dashboard, intake, vetting, matching. */}
          <Icon name="people" /> <span>{_("Overzicht")}</span>
        </a>
      )}
      {newcomer && (
        <a href="/oefenen" aria-current={path === '/oefenen' || path.startsWith('/oefenen/') ? 'page' : undefined} data-testid="nav-practice">
          {/* TRANSLATORS: the bottom bar's link to practising Dutch phrases. */}
          <Icon name="cards" /> <span>{pgettext("nav", "Oefenen")}</span>
        </a>
      )}
      <a href="/profiel" aria-current={current('/profiel')}>
        {/* TRANSLATORS: the bottom bar's link to the profile screen (name, availability, language). */}
        <Icon name="user" /> <span>{_("Mijn profiel")}</span>
      </a>
      <NoticeBell current={path === '/meldingen'} />
    </nav>
  );
}

export function Layout({ loggedIn, coordinator = false, newcomer = false, onLanguage, children }: Props) {
  return (
    <>
      <a class="skip-link" href="#main">{_("Naar de inhoud")}</a>
      {loggedIn ? <TopBar /> : <LoginBar onLanguage={onLanguage} />}
      {/* tabIndex -1: the skip link moves the focus here, not only the scroll position. */}
      <main id="main" tabIndex={-1} class={loggedIn ? 'above-nav' : undefined}>{children}</main>
      {loggedIn && <BottomNav coordinator={coordinator} newcomer={newcomer} />}
    </>
  );
}
