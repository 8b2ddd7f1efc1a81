import { useCallback, useEffect, useState } from 'react';
import { initialLanguage, languages, messages, type Language, type MessageKey } from './messages';

interface Health {
  status: 'ok' | 'degraded';
  party: string;
  temporal: 'ok' | 'down';
  database: 'ok' | 'down';
  version: string;
}

type HealthState = { kind: 'checking' } | { kind: 'answered'; health: Health } | { kind: 'unreachable' };

export function App() {
  const [language, setLanguage] = useState<Language>(() =>
    initialLanguage(localStorage.getItem('pangolin.language'), navigator.languages),
  );
  const t = (key: MessageKey) => messages[language][key];
  const [state, setState] = useState<HealthState>({ kind: 'checking' });

  const check = useCallback(async () => {
    setState({ kind: 'checking' });
    try {
      const response = await fetch('/healthz', { headers: { accept: 'application/json' } });
      setState({ kind: 'answered', health: (await response.json()) as Health });
    } catch {
      setState({ kind: 'unreachable' });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem('pangolin.language', language);
  }, [language]);

  return (
    <div className="page">
      <header className="bar">
        <div>
          <h1>Pangolin</h1>
          <p className="tagline">{t('tagline')}</p>
        </div>
        <label className="language">
          <span>{t('language')}</span>
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {languages.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <section aria-labelledby="status-heading" className="card">
          <h2 id="status-heading">{t('systemStatus')}</h2>
          {state.kind === 'checking' && <p aria-live="polite">{t('checking')}</p>}
          {state.kind === 'unreachable' && <p role="alert">{t('unreachable')}</p>}
          {state.kind === 'answered' && (
            <dl className="status">
              <dt>{t('party')}</dt>
              <dd>{state.health.party}</dd>
              <dt>{t('workflowEngine')}</dt>
              <dd className={state.health.temporal}>{t(state.health.temporal)}</dd>
              <dt>{t('database')}</dt>
              <dd className={state.health.database}>{t(state.health.database)}</dd>
              <dt>{t('version')}</dt>
              <dd>{state.health.version}</dd>
            </dl>
          )}
          <button type="button" onClick={() => void check()} disabled={state.kind === 'checking'}>
            {t('retry')}
          </button>
        </section>
      </main>
    </div>
  );
}
