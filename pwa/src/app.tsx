// The root: picks the screen from the session and the address (#/ or #/profiel).
import { useEffect, useState } from 'preact/hooks';
import { NetworkError, UnsentChangesError } from './errors';
import { LoginScreen } from './features/auth/LoginScreen';
import { logOut, session } from './features/auth/session';
import { SessionNotice } from './features/auth/SessionNotice';
import { HomeScreen } from './features/home/HomeScreen';
import { ProfileScreen } from './features/profile/ProfileScreen';
import { _, currentLang, isLang, onLanguageChange, setLanguage, type Lang } from './i18n';
import { updateProfile } from './sync/outbox';
import { watchProfile } from './sync/views';
import type { ProfileData } from './types';
import { useDb } from './ui/db-context';
import { Layout, type Route } from './ui/Layout';
import { useWatch } from './ui/useWatch';

function routeOf(hash: string): Route {
  return hash.startsWith('#/profiel') ? 'profile' : 'home';
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function App() {
  const db = useDb();
  const current = useWatch(session.subscribe, session.get(), []);
  const lang = useWatch(onLanguageChange, currentLang(), []); // re-render everything in the new language
  const route = useRoute();
  const [logoutError, setLogoutError] = useState('');
  const user = current.status === 'user' ? current.user : null;
  const profile = useWatch<ProfileData | null>(user ? watchProfile(db, user) : null, null, [db, user?.id]);

  // The profile's language (changed here, offline, or on another phone) is the interface language.
  useEffect(() => {
    if (user && profile && isLang(profile.locale) && profile.locale !== currentLang()) {
      void setLanguage(profile.locale, { remember: true });
    }
  }, [user?.id, profile?.locale]);

  useEffect(() => {
    document.title = route === 'profile' && user ? `${_("Mijn profiel")} – Maatje` : 'Maatje';
  }, [route, user?.id, lang]);

  async function chooseLanguage(next: Lang) {
    // Logged in: the choice is a profile.update (works offline); the effect above follows it.
    if (user) await updateProfile(db, { locale: next });
    await setLanguage(next, { remember: true });
  }

  async function logout() {
    setLogoutError('');
    try {
      await logOut(db);
      location.hash = '#/';
    } catch (error) {
      if (error instanceof NetworkError) {
        setLogoutError(_("Uitloggen kan alleen met internet. Probeer het opnieuw als je online bent."));
      } else if (error instanceof UnsentChangesError) {
        setLogoutError(_("Er wachten nog wijzigingen die niet zijn verstuurd. Uitloggen zou ze wissen. Probeer het opnieuw als alles is bijgewerkt."));
      } else {
        setLogoutError(_("Uitloggen is niet gelukt. Probeer het opnieuw."));
      }
    }
  }

  let screen;
  if (current.status === 'loading') screen = <p role="status" class="screen">{_("Even geduld…")}</p>;
  else if (!user) screen = <LoginScreen />;
  else if (route === 'profile') screen = <ProfileScreen user={user} />;
  else screen = <HomeScreen user={user} />;

  return (
    <Layout loggedIn={user !== null} route={route} onLanguage={chooseLanguage} onLogout={logout} logoutError={logoutError}>
      <SessionNotice />
      {screen}
    </Layout>
  );
}
