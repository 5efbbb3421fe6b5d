// What the router hands every screen. `lang` is there so that a new language re-renders the open
// screen: the router reuses a screen's element while its props stay the same.
import type { Lang } from '../i18n';
import type { User } from '../types';

export interface ScreenProps {
  user: User;
  lang: Lang;
  params?: Record<string, string | undefined>; // the address's :parts (preact-iso)
}
