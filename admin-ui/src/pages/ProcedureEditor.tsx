import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { ProcedureDefinition, ProcedureDetail } from '../api/types';
import { problemDetail, ProblemText } from '../components/forms';
import { JsonEditor, type PointedProblem } from '../components/JsonEditor';
import { Link } from '../components/Link';
import { ProblemList } from '../components/ProblemList';
import { RuleTestBench } from '../components/RuleTestBench';
import { Alert, Success } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { documentTitle } from '../documents';
import { problemsOutside, problemsUnder } from '../forms/json-pointer';
import { jsonText, parseJsonObject } from '../forms/json-text';
import { useI18n } from '../i18n';
import { mayDo } from '../navigation';
import type { Params } from '../router';
import { useSession } from '../session';
import { draftState } from './Forms';
import { LoadedView } from '../components/LoadedView';

const emptyDefinition: ProcedureDefinition = {
  formId: '',
  currency: '',
  steps: [],
  tables: [],
  testCases: [],
};

export function ProcedureEditorPage({ params }: { params: Params }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const id = params.id ?? '';
  const { state, reload, replace } = useLoad(() => api.getProcedure(id), id);
  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to="/procedures">{t('backToProcedures')}</Link>
      </p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => <ProcedureWorkspace procedure={loaded} onChanged={replace} />}
      </LoadedView>
    </div>
  );
}

type Outcome = { ok: true; message: string } | { ok: false; error: unknown; message?: string };

function ProcedureWorkspace({
  procedure,
  onChanged,
}: {
  procedure: ProcedureDetail;
  onChanged(procedure: ProcedureDetail): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, user } = useSession();
  const canDesign = mayDo(user.roles, 'designForms');
  const canPublish = mayDo(user.roles, 'publishForms');
  const canTest = mayDo(user.roles, 'testRules');
  const start = useRef(
    jsonText(procedure.draft?.definition ?? procedure.published?.definition ?? emptyDefinition),
  );
  const [text, setText] = useState(start.current);
  const [saved, setSaved] = useState(start.current);
  const [problems, setProblems] = useState<PointedProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const parsed = useMemo(() => parseJsonObject<ProcedureDefinition>(text), [text]);
  const definition = parsed.ok ? parsed.value : null;
  const definitionProblems = problemsUnder(problems, '/definition');
  const general = problemsOutside(problems, ['/definition']);
  const formId = procedure.formId ?? procedure.published?.definition.formId ?? definition?.formId;

  const save = async () => {
    setOutcome(null);
    if (!definition) {
      setOutcome({ ok: false, error: null, message: t('jsonBroken') });
      return;
    }
    setBusy('save');
    try {
      const view = await api.saveProcedureDraft(procedure.id, definition);
      setProblems([]);
      setSaved(text);
      setOutcome({ ok: true, message: t('draftSaved') });
      onChanged(view);
    } catch (error) {
      const found = error instanceof ApiError ? error.errors : [];
      setProblems(found);
      setOutcome({ ok: false, error, message: found.length > 0 ? t('draftNotSaved') : undefined });
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setOutcome(null);
    setBusy('publish');
    try {
      const published = await api.publishProcedure(procedure.id);
      setProblems([]);
      setOutcome({ ok: true, message: t('procedurePublished', { version: published.version }) });
      onChanged(await api.getProcedure(procedure.id).catch(() => procedure));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      const found = error instanceof ApiError ? error.errors : [];
      setProblems(found);
      const message =
        status === 403
          ? t('publishSecondPerson')
          : status === 409
            ? t('publishNoDraft')
            : status === 422
              ? t('procedureNotPublishable')
              : undefined;
      setOutcome({ ok: false, error, message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <h2 className="subject">{procedure.id}</h2>
      <dl className="facts">
        <dt>{t('documentType')}</dt>
        <dd>{documentTitle(procedure.documentType, language)}</dd>
        <dt>{t('form')}</dt>
        <dd>{formId ? <Link to={`/forms/${encodeURIComponent(formId)}`}>{formId}</Link> : '—'}</dd>
        <dt>{t('publishedVersion')}</dt>
        <dd>
          {procedure.published
            ? t('versionPublishedAt', {
                version: procedure.published.version,
                time: i18n.dateTime(procedure.published.publishedAt),
              })
            : t('notPublished')}
        </dd>
        <dt>{t('draft')}</dt>
        <dd data-testid="draft-state">{draftState(procedure.draft, i18n, user.id)}</dd>
      </dl>

      <div aria-live="polite">
        {outcome?.ok === true && <Success>{outcome.message}</Success>}
        {outcome?.ok === false && (
          <Alert>
            {outcome.message ? (
              <>
                <p className="alert-title">{outcome.message}</p>
                {problemDetail(outcome.error) && (
                  <p className="problem-detail">{problemDetail(outcome.error)}</p>
                )}
              </>
            ) : (
              <ProblemText error={outcome.error} i18n={i18n} />
            )}
          </Alert>
        )}
        <ProblemList problems={general} />
      </div>
      <div className="actions">
        {canDesign && (
          <button type="button" onClick={() => void save()} disabled={busy !== null}>
            {busy === 'save' && <span className="spinner" aria-hidden="true" />}
            {busy === 'save' ? t('saving') : t('saveDraft')}
          </button>
        )}
        {canPublish && (
          <button type="button" onClick={() => void publish()} disabled={busy !== null || !procedure.draft}>
            {busy === 'publish' && <span className="spinner" aria-hidden="true" />}
            {busy === 'publish' ? t('publishing') : t('publishDraft')}
          </button>
        )}
        {text !== saved && <span className="state-pending">{t('unsavedChanges')}</span>}
        {!canDesign && <span className="hint">{t('readOnlyForYou')}</span>}
      </div>

      <div className="workspace">
        <section className="card editors" aria-labelledby="definition-heading">
          <h2 id="definition-heading">{t('procedureDefinition')}</h2>
          <p className="field-label" id="editor-definition-label">
            {t('editorLabel', { part: t('procedureDefinition') })}
          </p>
          <p className="hint" id="editor-definition-hint">
            {t('procedureDefinitionHint')}
          </p>
          {!parsed.ok && <p className="field-error">{t('jsonSyntaxError', { message: parsed.message })}</p>}
          <JsonEditor
            value={text}
            onChange={setText}
            labelledBy="editor-definition-label"
            describedBy="editor-definition-hint"
            readOnly={!canDesign}
            problems={definitionProblems}
            testId="editor-definition"
          />
          <ProblemList problems={definitionProblems} />
        </section>
        {canTest && (
          <RuleTestBench
            procedureId={procedure.id}
            definition={definition}
            onDefinitionProblems={setProblems}
          />
        )}
      </div>
    </>
  );
}
