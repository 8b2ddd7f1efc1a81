import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, initialLanguage, messages, type Language, type MessageKey } from './messages';

const storageKey = 'pangolin.language';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  dateTime(value: string | Date): string;
  time(value: Date): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    // Storage can be switched off; the browser's languages still apply.
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    initialLanguage(storedLanguage(), navigator.languages ?? [navigator.language]),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Without storage the choice lasts until the page is reloaded.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    // Dates follow the browser's regional variant of the chosen language (en-GB, es-MX...).
    const browserTags = navigator.languages ?? [navigator.language];
    const locale = browserTags.find((tag) => tag.toLowerCase().startsWith(language)) ?? language;
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    return {
      language,
      setLanguage,
      t: (key, values) => format(messages[language][key], values),
      dateTime: (input) => {
        const date = typeof input === 'string' ? new Date(input) : input;
        return Number.isNaN(date.getTime()) ? String(input) : dateTimeFormat.format(date);
      },
      time: (date) => timeFormat.format(date),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
