// The start of a together session: a theme (its label in the app's language), or all mixed.
import { _, ngettext } from '../../i18n';
import type { ContentCatalogue, ContentPhrase } from '../../types';
import { MIXED, themesWithPhrases } from './deck';

export function ChooseTheme({ catalogue, phrases, onChoose }: {
  catalogue: ContentCatalogue;
  phrases: ContentPhrase[];
  onChoose: (theme: string) => void;
}) {
  const themes = themesWithPhrases(catalogue.themes, phrases);
  return (
    <div class="choose-theme" data-testid="choose-theme">
      <p>{_("Kies een thema. Jij laat de zin zien of horen, je nieuwkomer zegt hem na of vertelt wat hij betekent. Daarna geef jij aan hoe het ging.")}</p>
      <ul class="theme-choices">
        <li>
          <button type="button" class="theme-choice is-mixed" onClick={() => onChoose(MIXED)} data-testid="theme-mixed">
            {/* TRANSLATORS: a choice: phrases of all themes mixed */}
            <span class="theme-name">{_("Door elkaar")}</span>
            <span class="muted">{_("Zinnen uit alle thema's")}</span>
          </button>
        </li>
        {themes.map((theme) => (
          <li key={theme.code}>
            <button type="button" class="theme-choice" onClick={() => onChoose(theme.code)} data-testid="theme-choice" data-theme={theme.code}>
              <span class="theme-name">{theme.label}</span>
              <span class="muted">{/* TRANSLATORS: how many phrases a theme has */ ngettext("{n} zin", "{n} zinnen", phrases.filter((p) => p.theme === theme.code).length)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
