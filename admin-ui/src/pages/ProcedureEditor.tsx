import { useMemo, useRef, useState } from 'react';
import type { ProcedureDefinition, ProcedureDetail } from '../api/types';
import { DraftEditorHeader, DraftEditorPage, useDraftActions } from '../components/DraftEditor';
import { JsonEditor, type PointedProblem } from '../components/JsonEditor';
import { Link } from '../components/Link';
import { ProblemList } from '../components/ProblemList';
import { RuleTestBench } from '../components/RuleTestBench';
import { problemsOutside, problemsUnder } from '../forms/json-pointer';
import { jsonText, parseJsonObject } from '../forms/json-text';
import { useI18n } from '../i18n';
import { mayDo } from '../navigation';
import type { Params } from '../router';
import { useSession } from '../session';

const emptyDefinition: ProcedureDefinition = {
  formId: '',
  currency: '',
  steps: [],
  tables: [],
  testCases: [],
};

export function ProcedureEditorPage({ params }: { params: Params }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = params.id ?? '';
  return (
    <DraftEditorPage
      back="/procedures"
      backLabel={t('backToProcedures')}
      id={id}
      load={() => api.getProcedure(id)}
    >
      {(loaded, replace) => <ProcedureWorkspace procedure={loaded} onChanged={replace} />}
    </DraftEditorPage>
  );
}

function ProcedureWorkspace({
  procedure,
  onChanged,
}: {
  procedure: ProcedureDetail;
  onChanged(procedure: ProcedureDetail): void;
}) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const canDesign = mayDo(user.roles, 'designForms');
  const canTest = mayDo(user.roles, 'testRules');
  const start = useRef(
    jsonText(procedure.draft?.definition ?? procedure.published?.definition ?? emptyDefinition),
  );
  const [text, setText] = useState(start.current);
  const [saved, setSaved] = useState(start.current);
  const [problems, setProblems] = useState<PointedProblem[]>([]);
  const actions = useDraftActions(setProblems);
  const parsed = useMemo(() => parseJsonObject<ProcedureDefinition>(text), [text]);
  const definition = parsed.ok ? parsed.value : null;
  const definitionProblems = problemsUnder(problems, '/definition');
  const general = problemsOutside(problems, ['/definition']);
  const formId = procedure.formId ?? procedure.published?.definition.formId ?? definition?.formId;

  const save = () => {
    if (!definition) {
      actions.refused(t('jsonBroken'));
      return;
    }
    actions.save(
      () => api.saveProcedureDraft(procedure.id, definition),
      (view) => {
        setSaved(text);
        onChanged(view);
      },
    );
  };

  const publish = () =>
    actions.publish(
      async () => {
        const published = await api.publishProcedure(procedure.id);
        onChanged(await api.getProcedure(procedure.id).catch(() => procedure));
        return published;
      },
      (version) => t('procedurePublished', { version }),
      'procedureNotPublishable',
    );

  return (
    <>
      <DraftEditorHeader
        subject={procedure.id}
        documentType={procedure.documentType}
        published={procedure.published}
        draft={procedure.draft}
        facts={
          <>
            <dt>{t('form')}</dt>
            <dd>{formId ? <Link to={`/forms/${encodeURIComponent(formId)}`}>{formId}</Link> : '—'}</dd>
          </>
        }
        actions={actions}
        general={general}
        dirty={text !== saved}
        onSave={save}
        onPublish={publish}
      />

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
