import { useCallback, useMemo } from 'react';
import { ApiError } from '../api/client';
import { MoreInformationPanel, WithdrawPanel } from '../components/ApplicantActions';
import type { Application, FormVersion } from '../api/types';
import { ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { EvidenceName, OutcomeView } from '../components/OutcomeView';
import { PermitBox } from '../components/PermitBox';
import { SchemaForm } from '../components/SchemaForm';
import { Alert, Loading } from '../components/Status';
import { TaskDecisions } from '../components/TaskDecisions';
import { Timeline } from '../components/Timeline';
import { useLoad, type Loaded } from '../components/useLoad';
import { documentTitle, statusLabel } from '../documents';
import { evidenceKindLabels } from '../forms/evidence-ui';
import { parseFormVersionId } from '../forms/form-version';
import { localizeSchema } from '../forms/localize-schema';
import { useI18n } from '../i18n';
import { mayDo } from '../navigation';
import type { Params } from '../router';
import { useSession } from '../session';
import { hasPermit, mayWithdraw } from '../permits';
import { permitNumberOf, refusalReasons } from '../timeline';
import { LoadedView } from '../components/LoadedView';

/**
 * One application: where it stands, what happened to it, what the procedure requires, and what was
 * filed, shown on the form version it was filed under, however many versions came after.
 */
export function ApplicationPage({ params }: { params: Params }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const id = params.id ?? '';
  const { state, reload, replace } = useLoad(
    () =>
      api.getApplication(id).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    id,
  );
  // After a decision the page is read again in place, so what the officer was doing stays on screen.
  const refresh = useCallback(async () => {
    const fresh = await api.getApplication(id);
    replace(fresh);
    return fresh;
  }, [api, id, replace]);

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to="/applications">{t('backToApplications')}</Link>
      </p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => loaded === null && <p>{t('applicationNotFound')}</p>}
      </LoadedView>
      {state.kind === 'loaded' && state.value !== null && (
        <ApplicationView application={state.value} refresh={refresh} />
      )}
    </div>
  );
}

function ApplicationView({
  application,
  refresh,
}: {
  application: Application;
  refresh(): Promise<Application>;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, user } = useSession();
  const reference = parseFormVersionId(application.formVersionId);
  // The version it was filed under, never the current one: old applications read as they were filed.
  const version = useLoad<FormVersion | null>(
    () => (reference ? api.getFormVersion(reference.formId, reference.version) : Promise.resolve(null)),
    application.formVersionId,
  );
  const evidenceLabels = useMemo(
    () =>
      version.state.kind === 'loaded' && version.state.value
        ? evidenceKindLabels(
            localizeSchema(version.state.value.schema, version.state.value.translations, language),
          )
        : {},
    [version.state, language],
  );
  const missing = application.missingEvidence ?? [];
  const applicant = mayDo(user.roles, 'submitApplications');
  // The applicant answers on the form itself, so it is shown once, to edit.
  const amending = applicant && application.status === 'more-information-requested';
  const permitNumber = hasPermit(application.status) ? permitNumberOf(application) : undefined;
  const refusals = application.status === 'rejected' ? refusalReasons(application, language) : [];

  return (
    <>
      <h2 className="subject" data-testid="application-id">
        {application.id}
      </h2>
      {permitNumber && (
        <div className="permit-issued" data-testid="permit-issued">
          <p className="permit-issued-title">{t('eventIssued', { number: permitNumber })}</p>
        </div>
      )}
      {application.status === 'rejected' && (
        <div className="alert refused" data-testid="application-refused">
          <p className="alert-title">{t('applicationRefusedTitle')}</p>
          {refusals.length > 0 && (
            <>
              <p>{t('applicationRefusedReasons')}</p>
              <ul>
                {refusals.map((refusal, index) => (
                  <li key={index}>
                    {refusal.step && <strong>{refusal.step}: </strong>}
                    <span className="timeline-text">{refusal.reasons}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <dl className="facts">
        <dt>{t('applicationStatus')}</dt>
        <dd data-testid="application-status">{statusLabel(application.status, t)}</dd>
        {permitNumber && (
          <>
            <dt>{t('permitNumber')}</dt>
            <dd>
              <code data-testid="permit-number">{permitNumber}</code>
            </dd>
          </>
        )}
        <dt>{t('documentType')}</dt>
        <dd>{documentTitle(application.documentType, language)}</dd>
        <dt>{t('submittedAt')}</dt>
        <dd>{i18n.dateTime(application.submittedAt)}</dd>
        <dt>{t('formVersion')}</dt>
        <dd>
          <code data-testid="application-form-version">{application.formVersionId}</code>
        </dd>
      </dl>
      {missing.length > 0 && (
        <div className="notice" data-testid="missing-evidence">
          <p className="alert-title">{t('missingEvidence')}</p>
          <ul>
            {missing.map((code) => (
              <li key={code}>
                <EvidenceName code={code} labels={evidenceLabels} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {hasPermit(application.status) && <PermitBox application={application} refresh={refresh} />}
      {amending && (
        <MoreInformationPanel
          application={application}
          version={version.state}
          reloadVersion={version.reload}
          refresh={refresh}
        />
      )}
      {mayDo(user.roles, 'decideTasks') && (
        <TaskDecisions application={application} refreshApplication={refresh} />
      )}
      <section className="card" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">{t('timelineTitle')}</h3>
        <Timeline entries={application.timeline} steps={application.procedure?.steps ?? []} />
      </section>
      {application.procedure && (
        <section className="card" aria-labelledby="procedure-heading">
          <h3 id="procedure-heading">{t('outcomeTitle')}</h3>
          <OutcomeView
            outcome={{ ...application.procedure, procedureVersionId: application.procedureVersionId }}
            id="application-outcome"
            evidenceLabels={evidenceLabels}
          />
        </section>
      )}
      {!amending && (
        <section className="card" aria-labelledby="filed-heading">
          <h3 id="filed-heading">{t('filedData')}</h3>
          <FiledData application={application} version={version.state} reload={version.reload} />
        </section>
      )}
      {applicant && mayWithdraw(application.status) && application.status !== 'submitted' && (
        <WithdrawPanel application={application} refresh={refresh} />
      )}
    </>
  );
}

/** The data read-only on its own form version; as plain JSON if that version cannot be had. */
function FiledData({
  application,
  version,
  reload,
}: {
  application: Application;
  version: Loaded<FormVersion | null>;
  reload(): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  if (version.kind === 'loading') return <Loading label={t('loadingForm')} />;
  if (version.kind === 'loaded' && version.value) {
    return (
      <div data-testid="filed-form">
        <SchemaForm
          schema={version.value.schema}
          uiSchema={version.value.uiSchema}
          translations={version.value.translations}
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
      {version.kind === 'failed' && (
        <Alert>
          <ProblemText error={version.error} i18n={i18n} />{' '}
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
