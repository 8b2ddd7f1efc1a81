import type { ErrorSchema } from '@rjsf/utils';
import { useState } from 'react';
import { ApiError, type FieldProblem } from '../api/client';
import type { ApplicationDraft, DocumentType, FormVersion, JsonObject } from '../api/types';
import { ErrorSummary, ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { SchemaForm } from '../components/SchemaForm';
import { Alert, Loading, Success } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { documentTitle } from '../documents';
import { errorSchemaFrom } from '../forms/problem-fields';
import { pruneEmpty } from '../forms/prune-empty';
import { useI18n } from '../i18n';
import { navigate } from '../location';
import type { Params } from '../router';
import { useSession } from '../session';

function draftIdInAddress(): string | undefined {
  return new URLSearchParams(window.location.search).get('draft') ?? undefined;
}

/** The published form of one document type, filled in by the applicant, saved as a draft or submitted. */
export function ApplyFormPage({ params }: { params: Params }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const formId = params.formId ?? '';
  const [draftId] = useState(draftIdInAddress);
  const { state, reload } = useLoad(
    () =>
      Promise.all([api.getForm(formId), draftId ? api.getDraft(draftId) : Promise.resolve(undefined)]).then(
        ([form, draft]) => ({ form, draft }),
      ),
    `${formId} ${draftId ?? ''}`,
  );

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to="/apply">{t('backToApply')}</Link>
      </p>
      {state.kind === 'loading' && <Loading label={t('loadingForm')} />}
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {state.kind === 'loaded' && !state.value.form.published && <p>{t('formNotPublished')}</p>}
      {state.kind === 'loaded' && state.value.form.published && (
        <ApplicationForm
          documentType={state.value.form.documentType}
          version={state.value.form.published}
          draft={state.value.draft}
        />
      )}
    </div>
  );
}

type Busy = 'draft' | 'submit' | null;

function ApplicationForm({
  documentType,
  version,
  draft,
}: {
  documentType: DocumentType;
  version: FormVersion;
  draft: ApplicationDraft | undefined;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, announce } = useSession();
  const [data, setData] = useState<JsonObject>(draft?.data ?? {});
  const [draftId, setDraftId] = useState(draft?.id);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);

  const saveDraft = async () => {
    setBusy('draft');
    setFailure(null);
    setSavedAt(null);
    const body = { documentType, formVersionId: version.versionId, data: pruneEmpty(data) };
    try {
      const saved = draftId ? await api.updateDraft(draftId, body) : await api.createDraft(body);
      setDraftId(saved.id);
      setSavedAt(saved.updatedAt);
      navigate(`${window.location.pathname}?draft=${encodeURIComponent(saved.id)}`, { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async (formData: JsonObject) => {
    setBusy('submit');
    setFailure(null);
    setSavedAt(null);
    setExtraErrors(undefined);
    setServerProblems([]);
    try {
      const application = await api.submitApplication(
        {
          documentType,
          data: pruneEmpty(formData),
          formVersionId: version.versionId,
          ...(draftId ? { draftId } : {}),
        },
        language,
      );
      const path = `/applications/${encodeURIComponent(application.id)}`;
      announce(path, t('applicationSubmitted', { id: application.id }));
      navigate(path);
    } catch (error) {
      setBusy(null);
      const placed =
        error instanceof ApiError && error.errors.length > 0 ? errorSchemaFrom(error.errors) : null;
      setExtraErrors(placed?.errorSchema);
      setServerProblems(placed?.elsewhere ?? []);
      // Problems with fields show in the form's own list and at each field; anything else above it.
      const onlyFields = placed !== null && placed.elsewhere.length === 0;
      setFailure(onlyFields ? null : error);
      window.setTimeout(() => {
        const target = document.getElementById(onlyFields ? 'apply-form' : 'apply-errors');
        target?.focus();
        target?.scrollIntoView({ block: 'start' });
      });
    }
  };

  // Problems with the data are shown by the form itself, at each field and in its own list above.
  const summaryFields = serverProblems.map((problem) => ({
    id: 'apply-form',
    label: problem.path,
    message: problem.message,
  }));

  return (
    <>
      <h2 className="subject">{documentTitle(documentType, language)}</h2>
      <p className="hint">
        {t('formVersionUsed', { version: version.version })}
        {draft?.formVersionId && draft.formVersionId !== version.versionId && (
          <> {t('draftOnOlderVersion', { version: draft.formVersionId })}</>
        )}
      </p>
      <div aria-live="polite">
        {savedAt && <Success>{t('applicationDraftSaved', { time: i18n.dateTime(savedAt) })}</Success>}
      </div>
      {failure !== null && (
        <div id="apply-errors" tabIndex={-1}>
          <ErrorSummary
            id="apply-error-summary"
            title={t('thereIsAProblem')}
            message={<ProblemText error={failure} i18n={i18n} />}
            fields={summaryFields}
          />
        </div>
      )}
      <div className="card" id="apply-form" tabIndex={-1} aria-busy={busy !== null}>
        <SchemaForm
          schema={version.schema}
          uiSchema={version.uiSchema}
          translations={version.translations}
          language={language}
          formData={data}
          onChange={setData}
          onSubmit={(formData) => void submit(formData)}
          extraErrors={extraErrors}
        >
          <div className="actions">
            <button type="submit" disabled={busy !== null}>
              {busy === 'submit' && <span className="spinner" aria-hidden="true" />}
              {busy === 'submit' ? t('submitting') : t('submitApplication')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy !== null}
              onClick={() => void saveDraft()}
            >
              {busy === 'draft' && <span className="spinner" aria-hidden="true" />}
              {busy === 'draft' ? t('saving') : t('saveDraft')}
            </button>
          </div>
        </SchemaForm>
      </div>
    </>
  );
}
