// The root: the login screen, or the screen at the address. Each feature's screen is its own
// chunk, loaded when first opened (the service worker precaches every chunk for offline use).
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import lazy from 'preact-iso/lazy';
import { Route, Router, useLocation } from 'preact-iso/router';
import { LoginScreen } from './features/auth/LoginScreen';
import { session } from './features/auth/session';
import { watchProfile } from './features/profile/queries';
import { SessionNotice } from './features/auth/SessionNotice';
import { _, currentLang, isLang, onLanguageChange, setLanguage, type Lang } from './i18n';
import type { ProfileData } from './types';
import { useDb } from './ui/db-context';
import { Layout } from './ui/Layout';
import { LoadFailedScreen } from './ui/LoadFailedScreen';
import { NotFoundScreen } from './ui/NotFoundScreen';
import type { ScreenProps } from './ui/screen';
import { useWatch } from './ui/useWatch';

// A screen whose chunk cannot be fetched shows LoadFailedScreen (until the app is reloaded)
// instead of leaving the router waiting for ever on the previous screen.
function screen<P = ScreenProps>(load: () => Promise<ComponentType<P>>) {
  return lazy<ComponentType<P>>(() =>
    load().catch((error) => {
      console.warn('screen not loaded', error);
      return LoadFailedScreen as ComponentType<P>;
    }),
  );
}

const HomeScreen = screen(() => import('./features/home/HomeScreen').then((m) => m.HomeScreen));
const ProfileScreen = screen(() => import('./features/profile/ProfileScreen').then((m) => m.ProfileScreen));
const NoticesScreen = screen(() => import('./features/notices/NoticesScreen').then((m) => m.NoticesScreen));
const MatchScreen = screen(() => import('./features/match/MatchScreen').then((m) => m.MatchScreen));
const CalendarScreen = screen(() => import('./features/calendar/CalendarScreen').then((m) => m.CalendarScreen));
const ProposeScreen = screen(() => import('./features/meetings/ProposeScreen').then((m) => m.ProposeScreen));
const MeetingScreen = screen(() => import('./features/meetings/MeetingScreen').then((m) => m.MeetingScreen));
const LogActivityScreen = screen(() => import('./features/activities/LogActivityScreen').then((m) => m.LogActivityScreen));
const GoalsScreen = screen(() => import('./features/goals/GoalsScreen').then((m) => m.GoalsScreen));
const TimelineScreen = screen(() => import('./features/timeline/TimelineScreen').then((m) => m.TimelineScreen));
const HoursScreen = screen(() => import('./features/hours/HoursScreen').then((m) => m.HoursScreen));
const TogetherScreen = screen(() => import('./features/together/TogetherScreen').then((m) => m.TogetherScreen));
const PracticeHomeScreen = screen(() => import('./features/practice/PracticeHomeScreen').then((m) => m.PracticeHomeScreen));
const PracticeSessionScreen = screen(() => import('./features/practice/PracticeSessionScreen').then((m) => m.PracticeSessionScreen));
const PracticeSettingsScreen = screen(() => import('./features/practice/PracticeSettingsScreen').then((m) => m.PracticeSettingsScreen));
const RecordScreen = screen(() => import('./features/audio/RecordScreen').then((m) => m.RecordScreen));

// The coordinator's screens read and write over REST, online only. Their chunks are kept out of
// the service worker's precache (vite.config.ts: assets/coordinatie/), so a newcomer's or
// buddy's phone never downloads them; a coordinator's browser fetches each when first opened.
const coordinator = {
  Dashboard: screen(() => import('./features/coordinator/DashboardScreen').then((m) => m.DashboardScreen)),
  Intake: screen(() => import('./features/coordinator/IntakeScreen').then((m) => m.IntakeScreen)),
  Newcomer: screen(() => import('./features/coordinator/NewcomerScreen').then((m) => m.NewcomerScreen)),
  Suggestions: screen(() => import('./features/coordinator/SuggestionsScreen').then((m) => m.SuggestionsScreen)),
  Buddies: screen(() => import('./features/coordinator/BuddiesScreen').then((m) => m.BuddiesScreen)),
  Buddy: screen(() => import('./features/coordinator/BuddyScreen').then((m) => m.BuddyScreen)),
  WaitingList: screen(() => import('./features/coordinator/WaitingListScreen').then((m) => m.WaitingListScreen)),
  Match: screen(() => import('./features/coordinator/MatchAdminScreen').then((m) => m.MatchAdminScreen)),
  Reads: screen(() => import('./features/coordinator/ReadsScreen').then((m) => m.ReadsScreen)),
  Phrases: screen(() => import('./features/coordinator/PhrasesScreen').then((m) => m.PhrasesScreen)),
};

// Coordinator addresses exist only for coordinators: anyone else gets "not found", no chunk.
export function coordinatorRoutes(props: Omit<ScreenProps, 'params'>) {
  return [
    <Route key="c" path="/coordinatie" component={coordinator.Dashboard} {...props} />,
    <Route key="ci" path="/coordinatie/nieuwkomers/nieuw" component={coordinator.Intake} {...props} />,
    <Route key="cn" path="/coordinatie/nieuwkomers/:id" component={coordinator.Newcomer} {...props} />,
    <Route key="cs" path="/coordinatie/nieuwkomers/:id/suggesties" component={coordinator.Suggestions} {...props} />,
    <Route key="cb" path="/coordinatie/maatjes" component={coordinator.Buddies} {...props} />,
    <Route key="cbi" path="/coordinatie/maatjes/:id" component={coordinator.Buddy} {...props} />,
    <Route key="cw" path="/coordinatie/wachtlijst" component={coordinator.WaitingList} {...props} />,
    <Route key="cm" path="/coordinatie/koppelingen/:id" component={coordinator.Match} {...props} />,
    <Route key="cr" path="/coordinatie/inzage" component={coordinator.Reads} {...props} />,
    <Route key="cz" path="/coordinatie/zinnen" component={coordinator.Phrases} {...props} />,
  ];
}

export function isCoordinator(user: { roles: readonly string[] }): boolean {
  return user.roles.includes('coordinator');
}

// The ways in without a password (reached from a coordinator's code, a reset mail or the login screen).
type PublicProps = { lang: Lang };
const ActivateScreen = screen<PublicProps>(() => import('./features/activate/ActivateScreen').then((m) => m.ActivateScreen));
const ResetScreen = screen<PublicProps>(() => import('./features/activate/ResetScreen').then((m) => m.ResetScreen));
const ForgotScreen = screen<PublicProps>(() => import('./features/activate/ForgotScreen').then((m) => m.ForgotScreen));
const SignupScreen = screen<PublicProps>(() => import('./features/signup/SignupScreen').then((m) => m.SignupScreen));
const PUBLIC_PATHS = new Set(['/activeren', '/wachtwoord-herstellen', '/wachtwoord-vergeten', '/aanmelden']);

// Links from before the router (#/profiel) open the same screen at its path: at start, and when
// one is followed inside the open app (the router hears popstate, not hashchange).
export function followLegacyHashLinks(): void {
  const redirect = () => {
    if (!location.hash.startsWith('#/')) return false;
    history.replaceState(null, '', location.hash.slice(1));
    return true;
  };
  redirect();
  window.addEventListener('hashchange', () => redirect() && dispatchEvent(new PopStateEvent('popstate')));
}

// After a navigation the new screen's heading takes the focus: screen readers announce it, and
// keyboard users start there instead of at the link they left.
function focusHeading(): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

export function App() {
  const db = useDb();
  const current = useWatch(session.subscribe, session.get(), []);
  const lang = useWatch(onLanguageChange, currentLang(), []); // re-render everything in the new language
  // Open logged in or not: an activation link may reach a phone someone else is logged in on.
  const isPublic = PUBLIC_PATHS.has(useLocation().path);
  const user = current.status === 'user' ? current.user : null;
  const profile = useWatch<ProfileData | null>(user ? watchProfile(db, user) : null, null, [db, user?.id]);
  useEffect(() => {
    if (!user) document.title = 'Maatje'; // logged in, each screen names itself (useTitle)
  }, [user?.id]);

  // The profile's language (changed here, offline, or on another phone) is the interface language.
  useEffect(() => {
    if (user && profile && isLang(profile.locale) && profile.locale !== currentLang()) {
      void setLanguage(profile.locale, { remember: true });
    }
  }, [user?.id, profile?.locale]);

  // Before login the choice is this device's; logged in, the profile screen changes the profile.
  const chooseLanguage = (next: Lang) => void setLanguage(next, { remember: true });

  let screen;
  if (isPublic) {
    screen = (
      <Router onRouteChange={focusHeading}>
        <Route path="/activeren" component={ActivateScreen} lang={lang} />
        <Route path="/wachtwoord-herstellen" component={ResetScreen} lang={lang} />
        <Route path="/wachtwoord-vergeten" component={ForgotScreen} lang={lang} />
        <Route path="/aanmelden" component={SignupScreen} lang={lang} />
      </Router>
    );
  } else if (current.status === 'loading') {
    // TRANSLATORS: shown while something loads.
    screen = <p role="status" class="screen">{_("Even geduld…")}</p>;
  } else if (!user) screen = <LoginScreen />;
  else {
    screen = (
      <Router onRouteChange={focusHeading}>
        <Route path="/" component={HomeScreen} user={user} lang={lang} />
        <Route path="/profiel" component={ProfileScreen} user={user} lang={lang} />
        <Route path="/meldingen" component={NoticesScreen} user={user} lang={lang} />
        <Route path="/maatje/:id" component={MatchScreen} user={user} lang={lang} />
        <Route path="/agenda" component={CalendarScreen} user={user} lang={lang} />
        <Route path="/maatje/:match/afspraak/nieuw" component={ProposeScreen} user={user} lang={lang} />
        <Route path="/maatje/:match/afspraak/:id" component={MeetingScreen} user={user} lang={lang} />
        <Route path="/maatje/:match/activiteit/nieuw" component={LogActivityScreen} user={user} lang={lang} />
        <Route path="/maatje/:match/doelen" component={GoalsScreen} user={user} lang={lang} />
        <Route path="/maatje/:match/tijdlijn" component={TimelineScreen} user={user} lang={lang} />
        <Route path="/maatje/:match/samen-oefenen" component={TogetherScreen} user={user} lang={lang} />
        <Route path="/uren" component={HoursScreen} user={user} lang={lang} />
        <Route path="/oefenen" component={PracticeHomeScreen} user={user} lang={lang} />
        <Route path="/oefenen/sessie" component={PracticeSessionScreen} user={user} lang={lang} />
        <Route path="/oefenen/instellingen" component={PracticeSettingsScreen} user={user} lang={lang} />
        <Route path="/opnemen" component={RecordScreen} user={user} lang={lang} />
        {isCoordinator(user) ? coordinatorRoutes({ user, lang }) : []}
        <Route default component={NotFoundScreen} user={user} lang={lang} />
      </Router>
    );
  }

  return (
    <Layout loggedIn={user !== null && !isPublic} coordinator={user !== null && !isPublic && isCoordinator(user)}
      newcomer={user !== null && !isPublic && user.roles.includes('newcomer')} onLanguage={chooseLanguage}>
      <SessionNotice />
      {screen}
    </Layout>
  );
}
