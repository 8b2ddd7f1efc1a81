import { ProblemText } from '../components/forms';
import { Alert, Loading } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export function SystemStatusPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, about } = useSession();
  const { state, reload } = useLoad(() => api.health(), 'health');

  return (
    <>
      <section aria-labelledby="health-heading" className="card" aria-busy={state.kind === 'loading'}>
        <h2 id="health-heading">{t('services')}</h2>
        {state.kind === 'loading' && <Loading label={t('checking')} />}
        {state.kind === 'failed' && (
          <Alert>
            <ProblemText error={state.error} i18n={i18n} />
          </Alert>
        )}
        {state.kind === 'loaded' && (
          <dl className="status">
            <dt>{t('party')}</dt>
            <dd>{state.value.party}</dd>
            <dt>{t('workflowEngine')}</dt>
            <dd className={state.value.temporal}>{t(state.value.temporal)}</dd>
            <dt>{t('database')}</dt>
            <dd className={state.value.database}>{t(state.value.database)}</dd>
            <dt>{t('version')}</dt>
            <dd>{state.value.version}</dd>
          </dl>
        )}
        <button type="button" className="secondary" onClick={reload} disabled={state.kind === 'loading'}>
          {t('checkAgain')}
        </button>
      </section>
      {about?.temporalUiUrl && (
        <section aria-labelledby="temporal-heading" className="card">
          <h2 id="temporal-heading">{t('temporalUiTitle')}</h2>
          <p>{t('temporalUiText')}</p>
          <p>
            <a href={about.temporalUiUrl} target="_blank" rel="noreferrer noopener">
              {t('temporalUiLink')}
              <span className="visually-hidden"> {t('opensInNewTab')}</span>
            </a>
          </p>
        </section>
      )}
    </>
  );
}
