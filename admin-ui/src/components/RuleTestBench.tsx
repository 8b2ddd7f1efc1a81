import { useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import type { JsonObject, ProcedureCheck, ProcedureDefinition, ProcedureOutcome } from '../api/types';
import { problemsOutside, problemsUnder } from '../forms/json-pointer';
import { jsonText, parseJsonObject } from '../forms/json-text';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ProblemText } from './forms';
import { JsonEditor, type PointedProblem } from './JsonEditor';
import { OutcomeView } from './OutcomeView';
import { ProblemList } from './ProblemList';
import { Alert } from './Status';
import { TestCaseResults } from './TestCaseResults';

type Run<T> =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; error: unknown } | { kind: 'done'; value: T };

/**
 * Tries the procedure being edited out: evaluate it against sample form data, or run all its test
 * cases and the Convention guard, without saving anything.
 */
export function RuleTestBench({
  procedureId,
  definition,
  onDefinitionProblems,
}: {
  procedureId: string;
  /** The definition as the editor holds it now; null while its JSON does not parse. */
  definition: ProcedureDefinition | null;
  /** Problems the server found beyond the sample data (paths under `/definition`), for the editor. */
  onDefinitionProblems(problems: PointedProblem[]): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const cases = useMemo(
    () => (Array.isArray(definition?.testCases) ? definition.testCases : []),
    [definition],
  );
  const [sample, setSample] = useState(() => jsonText(cases[0]?.data ?? {}));
  const [chosenCase, setChosenCase] = useState('');
  const [evaluation, setEvaluation] = useState<Run<ProcedureOutcome>>({ kind: 'idle' });
  const [check, setCheck] = useState<Run<ProcedureCheck>>({ kind: 'idle' });
  const [dataProblems, setDataProblems] = useState<PointedProblem[]>([]);
  const parsedSample = parseJsonObject<JsonObject>(sample);

  const failed = (error: unknown) => {
    const found = error instanceof ApiError ? error.errors : [];
    onDefinitionProblems(problemsOutside(found, ['/data']));
    setDataProblems(problemsUnder(found, '/data'));
  };

  const evaluate = async () => {
    if (!parsedSample.ok || !definition) return;
    setEvaluation({ kind: 'running' });
    setDataProblems([]);
    try {
      setEvaluation({
        kind: 'done',
        value: await api.evaluateProcedure(procedureId, parsedSample.value, definition),
      });
    } catch (error) {
      failed(error);
      setEvaluation({ kind: 'failed', error });
    }
  };

  const runCases = async () => {
    if (!definition) return;
    setCheck({ kind: 'running' });
    try {
      setCheck({ kind: 'done', value: await api.checkProcedure(procedureId, definition) });
    } catch (error) {
      failed(error);
      setCheck({ kind: 'failed', error });
    }
  };

  const loadCase = () => {
    const found = cases.find((testCase) => testCase.id === chosenCase);
    if (found) setSample(jsonText(found.data ?? {}));
  };

  return (
    <section className="card test-bench" aria-labelledby="bench-heading">
      <h2 id="bench-heading">{t('benchTitle')}</h2>
      <p className="hint">{t('benchLead')}</p>
      {!definition && <p className="notice">{t('benchDefinitionBroken')}</p>}
      {cases.length > 0 && (
        <div className="inline-tools">
          <div className="field inline-field">
            <label htmlFor="bench-case">{t('benchTestCase')}</label>
            <select
              id="bench-case"
              value={chosenCase}
              onChange={(event) => setChosenCase(event.target.value)}
            >
              <option value="" />
              {cases.map((testCase) => (
                <option key={testCase.id} value={testCase.id}>
                  {testCase.id}
                  {testCase.description ? ` — ${testCase.description}` : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="secondary" onClick={loadCase} disabled={!chosenCase}>
            {t('benchLoadCase')}
          </button>
        </div>
      )}
      <p className="field-label" id="bench-data-label">
        {t('benchSampleData')}
      </p>
      <p className="hint" id="bench-data-hint">
        {t('benchSampleDataHint')}
      </p>
      {!parsedSample.ok && (
        <p className="field-error">{t('jsonSyntaxError', { message: parsedSample.message })}</p>
      )}
      <JsonEditor
        value={sample}
        onChange={setSample}
        labelledBy="bench-data-label"
        describedBy="bench-data-hint"
        problems={dataProblems}
        testId="editor-sample-data"
      />
      <ProblemList problems={dataProblems} />
      <div className="actions">
        <button
          type="button"
          onClick={() => void evaluate()}
          disabled={evaluation.kind === 'running' || !parsedSample.ok || !definition}
        >
          {evaluation.kind === 'running' && <span className="spinner" aria-hidden="true" />}
          {evaluation.kind === 'running' ? t('evaluating') : t('evaluate')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void runCases()}
          disabled={check.kind === 'running' || !definition}
        >
          {check.kind === 'running' && <span className="spinner" aria-hidden="true" />}
          {check.kind === 'running' ? t('runningCases') : t('runCases')}
        </button>
      </div>
      <div aria-live="polite">
        {evaluation.kind === 'failed' && (
          <Alert>
            <ProblemText error={evaluation.error} i18n={i18n} />
          </Alert>
        )}
        {evaluation.kind === 'done' && (
          <>
            <h3>{t('outcomeTitle')}</h3>
            <OutcomeView outcome={evaluation.value} id="bench-outcome" />
          </>
        )}
        {check.kind === 'failed' && (
          <Alert>
            <ProblemText error={check.error} i18n={i18n} />
          </Alert>
        )}
        {check.kind === 'done' && (
          <>
            <h3>{t('checkTitle')}</h3>
            <TestCaseResults check={check.value} />
          </>
        )}
      </div>
    </section>
  );
}
