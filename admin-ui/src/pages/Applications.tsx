import { useState } from 'react';
import type { ApplicationDraft, ApplicationSummary, FormSummary } from '../api/types';
import { ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { Alert, Loading, Success } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { documentTitle, statusLabel } from '../documents';
import { parseFormVersionId } from '../forms/form-version';
import { useI18n } from '../i18n';
import { mayDo } from '../navigation';
import { useSession } from '../session';

const pageSize = 50;

/** Applicants see their own applications and drafts; officers and auditors the Party's applications. */
export function ApplicationsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const applicant = mayDo(user.roles, 'submitApplications');
  return (
    <>
      <p className="lead">{applicant ? t('applicationsLeadApplicant') : t('applicationsLeadStaff')}</p>
      {applicant && (
        <p className="actions">
          <Link to="/apply" className="button">
            {t('navApply')}
          </Link>
        </p>
      )}
      {applicant && <DraftList />}
      <ApplicationList />
    </>
  );
}

/** Where a draft continues: the form it was saved on, or the current form for its document type. */
function continuePath(draft: ApplicationDraft, forms: readonly FormSummary[]): string | null {
  const formId =
    (draft.formVersionId && parseFormVersionId(draft.formVersionId)?.formId) ||
    forms.find((form) => form.documentType === draft.documentType && form.published)?.id;
  return formId ? `/apply/${encodeURIComponent(formId)}?draft=${encodeURIComponent(draft.id)}` : null;
}

function DraftList() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const { state, reload } = useLoad(
    () => Promise.all([api.listDrafts(), api.listForms()]).then(([drafts, forms]) => ({ drafts, forms })),
    'drafts',
  );
  const [deleting, setDeleting] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [deleted, setDeleted] = useState(false);

  const remove = async (id: string) => {
    setDeleting(id);
    setFailure(null);
    setDeleted(false);
    try {
      await api.deleteDraft(id);
      setDeleted(true);
      reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section className="card" aria-labelledby="drafts-heading" aria-busy={state.kind === 'loading'}>
      <h2 id="drafts-heading">{t('draftsTitle')}</h2>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {failure !== null && (
        <Alert>
          <ProblemText error={failure} i18n={i18n} />
        </Alert>
      )}
      {deleted && <Success>{t('draftDeleted')}</Success>}
      {state.kind === 'loaded' &&
        (state.value.drafts.length === 0 ? (
          <p>{t('draftsEmpty')}</p>
        ) : (
          <ul className="link-list" data-testid="drafts">
            {state.value.drafts.map((draft) => {
              const path = continuePath(draft, state.value.forms);
              return (
                <li key={draft.id} className="draft-row">
                  <span>
                    <strong>{documentTitle(draft.documentType, language)}</strong>{' '}
                    {t('draftUpdated', { time: i18n.dateTime(draft.updatedAt) })}
                  </span>
                  <span className="row-actions">
                    {path && (
                      <Link to={path} className="button small">
                        {t('draftContinue')}
                        <span className="visually-hidden">
                          {' '}
                          {documentTitle(draft.documentType, language)} {i18n.dateTime(draft.updatedAt)}
                        </span>
                      </Link>
                    )}
                    <button
                      type="button"
                      className="secondary small"
                      disabled={deleting !== null}
                      onClick={() => void remove(draft.id)}
                    >
                      {deleting === draft.id ? t('deleting') : t('draftDelete')}
                      <span className="visually-hidden">
                        {' '}
                        {documentTitle(draft.documentType, language)} {i18n.dateTime(draft.updatedAt)}
                      </span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}

function ApplicationList() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const [before, setBefore] = useState<string | undefined>(undefined);
  const { state, reload } = useLoad(
    () => api.listApplications({ limit: pageSize, before }),
    `applications-${before ?? ''}`,
  );
  const [earlier, setEarlier] = useState<ApplicationSummary[]>([]);
  const shown = state.kind === 'loaded' ? [...earlier, ...state.value] : earlier;

  const older = () => {
    if (state.kind !== 'loaded' || state.value.length === 0) return;
    setEarlier(shown);
    setBefore(state.value[state.value.length - 1]!.submittedAt);
  };

  return (
    <section aria-labelledby="applications-caption" aria-busy={state.kind === 'loading'}>
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {(state.kind === 'loaded' || shown.length > 0) && (
        <div className="table-scroll" role="region" aria-labelledby="applications-caption" tabIndex={0}>
          <table data-testid="applications">
            <caption id="applications-caption">{t('applicationsCaption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applicationId')}</th>
                <th scope="col">{t('documentType')}</th>
                <th scope="col">{t('applicationStatus')}</th>
                <th scope="col">{t('submittedAt')}</th>
                <th scope="col">{t('formVersion')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 ? (
                <tr>
                  <td colSpan={5}>{t('applicationsEmpty')}</td>
                </tr>
              ) : (
                shown.map((application) => (
                  <tr key={application.id}>
                    <th scope="row">
                      <Link to={`/applications/${encodeURIComponent(application.id)}`}>{application.id}</Link>
                    </th>
                    <td>{documentTitle(application.documentType, language)}</td>
                    <td>{statusLabel(application.status, t)}</td>
                    <td>{i18n.dateTime(application.submittedAt)}</td>
                    <td>
                      <code>{application.formVersionId}</code>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'loaded' && state.value.length === pageSize && (
        <p className="actions">
          <button type="button" className="secondary" onClick={older}>
            {t('applicationsOlder')}
          </button>
        </p>
      )}
    </section>
  );
}
