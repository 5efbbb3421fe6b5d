// A real <select> with a visible label; each language is written in its own script and direction.
import { Icon } from './Icon';
import { _, LANGUAGES, currentLang, hasUnreviewed, isLang, type Lang } from '../i18n';

export function LanguagePicker({ onChange }: { onChange: (lang: Lang) => void }) {
  const lang = currentLang();
  return (
    <div class="language-picker">
      <label for="language-picker">
        <Icon name="globe" /> {_("Taal")}
        {/* A hint for whoever cannot read the current language yet. */}
        {lang !== 'en' && <>{' '}<span lang="en" dir="ltr">(Language)</span></>}
      </label>
      <select
        id="language-picker"
        data-testid="language-picker"
        value={lang}
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
      {hasUnreviewed() && (
        <p class="note" data-testid="unreviewed-note">
          {_("Sommige vertalingen zijn nog niet gecontroleerd.")}
        </p>
      )}
    </div>
  );
}
