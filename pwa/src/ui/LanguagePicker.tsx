// A real <select> with a visible label; each language is written in its own script and direction.
// Compact (the login bar): unchecked translations are a small mark; in full (the profile) a note.
import { Icon } from './Icon';
import { _, LANGUAGES, currentLang, hasUnreviewed, isLang, type Lang } from '../i18n';

export function LanguagePicker({ onChange, compact = false }: { onChange: (lang: Lang) => void; compact?: boolean }) {
  const lang = currentLang();
  const unreviewed = hasUnreviewed() ? _("Sommige vertalingen zijn nog niet gecontroleerd.") : '';
  return (
    <div class={`language-picker${compact ? ' is-compact' : ''}`}>
      <label for="language-picker">
        {/* TRANSLATORS: label of the language picker (the app's interface language). */}
        <Icon name="globe" /> {_("Taal")}
        {/* A hint for whoever cannot read the current language yet. */}
        {lang !== 'en' && <>{' '}<span lang="en" dir="ltr">(Language)</span></>}
      </label>
      <select
        id="language-picker"
        data-testid="language-picker"
        value={lang}
        aria-describedby={unreviewed ? 'unreviewed-note' : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLang(value)) onChange(value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
      {unreviewed && compact && (
        <span class="unreviewed-mark" data-testid="unreviewed-mark" title={unreviewed}>
          <Icon name="warning" />
          <span class="visually-hidden" id="unreviewed-note">{unreviewed}</span>
        </span>
      )}
      {unreviewed && !compact && (
        <p class="note" id="unreviewed-note" data-testid="unreviewed-note">{unreviewed}</p>
      )}
    </div>
  );
}
