// The start screen: a greeting and, per role, what this app will soon do for you.
import type { ComponentChildren } from 'preact';
import { _ } from '../../i18n';
import { T } from '../../i18n/T';
import { OfferCards } from '../match/OfferCards';
import { PracticeCard } from '../practice/PracticeCard';
import { PushPrompt } from '../push/PushPrompt';
import { watchProfile } from '../profile/queries';
import type { ProfileData, Role, User } from '../../types';
import { useDb } from '../../ui/db-context';
import { Icon } from '../../ui/Icon';
import type { ScreenProps } from '../../ui/screen';
import { useTitle } from '../../ui/useTitle';
import { useWatch } from '../../ui/useWatch';

// Plain words per role; sparse on purpose until the features land.
function nextSteps(role: Role, user: User): ComponentChildren[] {
  const organisation = user.organisation?.name ?? '';
  switch (role) {
    case 'newcomer':
      return [
        _("Je maatje helpt je de weg te vinden in Nederland."),
        _("Binnenkort plan je hier afspraken met je maatje."),
      ];
    case 'buddy':
      return [
        _("Binnenkort plan je hier afspraken met je nieuwkomer."),
        _("Binnenkort houd je hier bij wat jullie samen doen."),
      ];
    case 'coordinator':
      return [
        organisation ? <T msg={_("Je werkt voor {organisation}.")} organisation={organisation} /> : _("Je bent coördinator."),
        _("In het overzicht neem je nieuwkomers in, keur je maatjes goed en maak je koppelingen."),
      ];
    case 'admin':
      return [_("Binnenkort beheer je hier organisaties en coördinatoren.")];
  }
}

export function HomeScreen({ user, lang }: ScreenProps) {
  const db = useDb();
  useTitle('');
  const profile = useWatch<ProfileData | null>(watchProfile(db, user), null, [db, user.id]);
  const role: Role = user.roles[0] ?? 'newcomer';
  const name = profile?.display_name || user.display_name;

  return (
    <section class="screen home" data-testid="home" data-role={role} aria-labelledby="home-title">
      <h1 id="home-title">
        {/* TRANSLATORS: greeting on the home screen; {name} is the user's name. */}
        <T msg={_("Hallo {name}!")} name={name} />
      </h1>
      {(role === 'newcomer' || role === 'buddy') && <OfferCards />}
      {(role === 'newcomer' || role === 'buddy') && <PracticeCard user={user} lang={lang} />}
      {(role === 'newcomer' || role === 'buddy') && <PushPrompt user={user} />}
      {role === 'coordinator' && (
        <p>
          <a class="btn btn-primary" href="/coordinatie" data-testid="to-dashboard">
            <Icon name="people" />
            <span>{_("Naar het overzicht")}</span>
          </a>
        </p>
      )}
      <h2>{_("Wat komt er hierna?")}</h2>
      <ul class="next-steps">
        {nextSteps(role, user).map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
      <p>
        <a class="btn btn-secondary" href="/profiel">
          <Icon name="user" />
          <span>{_("Mijn profiel bekijken")}</span>
        </a>
      </p>
    </section>
  );
}
