import { ApiError } from '../api/client';
import type { Application, FormVersion } from '../api/types';
import { ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { OutcomeView } from '../components/OutcomeView';
import { SchemaForm } from '../components/SchemaForm';
import { Alert, Loading } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { documentTitle, statusLabel, timelineEventLabel } from '../documents';
import { parseFormVersionId } from '../forms/form-version';
import { useI18n } from '../i18n';
import type { Params } from '../router';
import { useSession } from '../session';

/**
 * One application: where it stands, what happened to it, what the procedure requires, and what was
 * filed, shown on the form version it was filed under, however many versions came after.
 */
export function ApplicationPage({ params }: { params: Params }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const id = params.id ?? '';
  const { state, reload } = useLoad(
    () =>
      api.getApplication(id).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    id,
  );

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to="/applications">{t('backToApplications')}</Link>
      </p>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {state.kind === 'loaded' && state.value === null && <p>{t('applicationNotFound')}</p>}
      {state.kind === 'loaded' && state.value !== null && <ApplicationView application={state.value} />}
    </div>
  );
}

function ApplicationView({ application }: { application: Application }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  return (
    <>
      <h2 className="subject" data-testid="application-id">
        {application.id}
      </h2>
      <dl className="facts">
        <dt>{t('applicationStatus')}</dt>
        <dd data-testid="application-status">{statusLabel(application.status, t)}</dd>
        <dt>{t('documentType')}</dt>
        <dd>{documentTitle(application.documentType, language)}</dd>
        <dt>{t('submittedAt')}</dt>
        <dd>{i18n.dateTime(application.submittedAt)}</dd>
        <dt>{t('formVersion')}</dt>
        <dd>
          <code>{application.formVersionId}</code>
        </dd>
      </dl>
      <section className="card" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">{t('timelineTitle')}</h3>
        <ol className="timeline">
          {application.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <time dateTime={entry.at}>{i18n.dateTime(entry.at)}</time>{' '}
              <strong>{timelineEventLabel(entry.event, t)}</strong>
              {entry.note && <p>{entry.note}</p>}
            </li>
          ))}
        </ol>
      </section>
      {application.procedure && (
        <section className="card" aria-labelledby="procedure-heading">
          <h3 id="procedure-heading">{t('outcomeTitle')}</h3>
          <OutcomeView outcome={application.procedure} id="application-outcome" />
        </section>
      )}
      <section className="card" aria-labelledby="filed-heading">
        <h3 id="filed-heading">{t('filedData')}</h3>
        <FiledData application={application} />
      </section>
    </>
  );
}

/** The data read-only on its own form version; as plain JSON if that version cannot be had. */
function FiledData({ application }: { application: Application }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const reference = parseFormVersionId(application.formVersionId);
  const { state, reload } = useLoad<FormVersion | null>(
    () => (reference ? api.getFormVersion(reference.formId, reference.version) : Promise.resolve(null)),
    application.formVersionId,
  );
  if (state.kind === 'loading') return <Loading label={t('loadingForm')} />;
  if (state.kind === 'loaded' && state.value) {
    return (
      <div data-testid="filed-form">
        <SchemaForm
          schema={state.value.schema}
          uiSchema={state.value.uiSchema}
          translations={state.value.translations}
          language={language}
          formData={application.data}
          idPrefix="filed"
          readonly
        />
      </div>
    );
  }
  return (
    <>
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      <p className="hint">{t('filedDataRaw')}</p>
      <pre className="json-value">{JSON.stringify(application.data, null, 2)}</pre>
    </>
  );
}
