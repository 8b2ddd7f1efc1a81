import type { MouseEvent } from 'react';
import type { About } from '../api/types';
import { useI18n } from '../i18n';
import { languages, type Language } from '../messages';

export function LanguageSelect({ id }: { id: string }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language">
      <label htmlFor={id}>{t('language')}</label>
      <select id={id} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {languages.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DemoBanner({ about }: { about: About | null }) {
  const { t } = useI18n();
  if (!about?.demo) return null;
  return (
    <p className="demo-banner" role="note">
      {t('demoBanner')}
    </p>
  );
}

/** Jumps past the header; focus is moved by hand because the URL fragment is not a route. */
export function SkipLink() {
  const { t } = useI18n();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('skipToContent')}
    </a>
  );
}

export function Footer({ about }: { about: About | null }) {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>
        {t('footer')}
        {about?.version && <> · {t('versionNumber', { version: about.version })}</>}
      </p>
    </footer>
  );
}
