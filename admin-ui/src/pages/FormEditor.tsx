import { useMemo, useRef, useState } from 'react';
import { diffJson } from '../../../forms/diff';
import { ApiError } from '../api/client';
import type { FormContent, FormDetail, FormPart, FormTranslations, JsonObject } from '../api/types';
import { DiffTable } from '../components/DiffTable';
import { FormPreview } from '../components/FormPreview';
import { FormVersions, partLabels } from '../components/FormVersions';
import { problemDetail, ProblemText } from '../components/forms';
import { JsonEditor, type PointedProblem } from '../components/JsonEditor';
import { Link } from '../components/Link';
import { ProblemList } from '../components/ProblemList';
import { Alert, Success } from '../components/Status';
import { Tabs } from '../components/Tabs';
import { useDebounced } from '../components/useDebounced';
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

const parts: readonly FormPart[] = ['schema', 'uiSchema', 'translations'];

const hints = {
  schema: 'formSchemaHint',
  uiSchema: 'formUiSchemaHint',
  translations: 'formTranslationsHint',
} as const;

const emptyForm: FormContent = {
  schema: { type: 'object', title: '', properties: {} },
  uiSchema: {},
  translations: { fr: {}, es: {} },
};

type Texts = Record<FormPart, string>;

function textsOf(content: FormContent): Texts {
  return {
    schema: jsonText(content.schema),
    uiSchema: jsonText(content.uiSchema),
    translations: jsonText(content.translations),
  };
}

export function FormEditorPage({ params }: { params: Params }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const formId = params.formId ?? '';
  const { state, reload, replace } = useLoad(() => api.getForm(formId), formId);
  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to="/forms">{t('backToForms')}</Link>
      </p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => <FormWorkspace form={loaded} onChanged={replace} />}
      </LoadedView>
    </div>
  );
}

type Outcome = { ok: true; message: string } | { ok: false; error: unknown; message?: string };

function FormWorkspace({ form, onChanged }: { form: FormDetail; onChanged(form: FormDetail): void }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, user } = useSession();
  const canDesign = mayDo(user.roles, 'designForms');
  const canPublish = mayDo(user.roles, 'publishForms');
  const start = useRef(textsOf(form.draft ?? form.published ?? emptyForm));
  const [texts, setTexts] = useState<Texts>(start.current);
  const [saved, setSaved] = useState<Texts>(start.current);
  const [tab, setTab] = useState<FormPart>('schema');
  const [problems, setProblems] = useState<PointedProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const lastGood = useRef<FormContent>(form.draft ?? form.published ?? emptyForm);

  const parsed = useMemo(
    () => ({
      schema: parseJsonObject<JsonObject>(texts.schema),
      uiSchema: parseJsonObject<JsonObject>(texts.uiSchema),
      translations: parseJsonObject<FormTranslations>(texts.translations),
    }),
    [texts],
  );
  const broken = parts.filter((part) => !parsed[part].ok);
  if (broken.length === 0) {
    lastGood.current = {
      schema: (parsed.schema as { value: JsonObject }).value,
      uiSchema: (parsed.uiSchema as { value: JsonObject }).value,
      translations: (parsed.translations as { value: FormTranslations }).value,
    };
  }
  const previewContent = useDebounced(lastGood.current, 400);
  const dirty = parts.some((part) => texts[part] !== saved[part]);

  const draftChanges = useMemo(() => {
    if (!form.published) return null;
    return parts.map((part) => ({ part, changes: diffJson(form.published![part], previewContent[part]) }));
  }, [form.published, previewContent]);

  const save = async () => {
    setOutcome(null);
    if (broken.length > 0) {
      setOutcome({
        ok: false,
        error: null,
        message: t('jsonBrokenIn', { parts: broken.map((part) => t(partLabels[part])).join(', ') }),
      });
      setTab(broken[0]!);
      return;
    }
    setBusy('save');
    try {
      const view = await api.saveFormDraft(form.id, { ...lastGood.current });
      setProblems([]);
      setSaved(texts);
      setOutcome({ ok: true, message: t('draftSaved') });
      onChanged(view);
    } catch (error) {
      const found = error instanceof ApiError ? error.errors : [];
      setProblems(found);
      const first = parts.find((part) => problemsUnder(found, `/${part}`).length > 0);
      if (first) setTab(first);
      setOutcome({ ok: false, error, message: found.length > 0 ? t('draftNotSaved') : undefined });
    } finally {
      setBusy(null);
    }
  };

  const refresh = async (message: string) => {
    setOutcome({ ok: true, message });
    try {
      onChanged(await api.getForm(form.id));
    } catch {
      // The publication happened; the figures on the page catch up at the next visit.
    }
  };

  const publish = async () => {
    setOutcome(null);
    setBusy('publish');
    try {
      const published = await api.publishForm(form.id);
      await refresh(t('formPublished', { version: published.version }));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      const message =
        status === 403 ? t('publishSecondPerson') : status === 409 ? t('publishNoDraft') : undefined;
      setOutcome({ ok: false, error, message });
    } finally {
      setBusy(null);
    }
  };

  const general = problemsOutside(
    problems,
    parts.map((part) => `/${part}`),
  );

  return (
    <>
      <h2 className="subject">{form.id}</h2>
      <dl className="facts">
        <dt>{t('documentType')}</dt>
        <dd>{documentTitle(form.documentType, language)}</dd>
        <dt>{t('publishedVersion')}</dt>
        <dd>
          {form.published
            ? t('versionPublishedAt', {
                version: form.published.version,
                time: i18n.dateTime(form.published.publishedAt),
              })
            : t('notPublished')}
        </dd>
        <dt>{t('draft')}</dt>
        <dd data-testid="draft-state">{draftState(form.draft, i18n, user.id)}</dd>
      </dl>

      <div className="editor-status" aria-live="polite">
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
        <div className="actions">
          {canDesign && (
            <button type="button" onClick={() => void save()} disabled={busy !== null}>
              {busy === 'save' && <span className="spinner" aria-hidden="true" />}
              {busy === 'save' ? t('saving') : t('saveDraft')}
            </button>
          )}
          {canPublish && (
            <button type="button" onClick={() => void publish()} disabled={busy !== null || !form.draft}>
              {busy === 'publish' && <span className="spinner" aria-hidden="true" />}
              {busy === 'publish' ? t('publishing') : t('publishDraft')}
            </button>
          )}
          {dirty && <span className="state-pending">{t('unsavedChanges')}</span>}
          {!canDesign && <span className="hint">{t('readOnlyForYou')}</span>}
        </div>
      </div>

      <div className="workspace">
        <section className="card editors" aria-labelledby="editors-heading">
          <h2 id="editors-heading">{t('formDefinition')}</h2>
          <Tabs<FormPart>
            id="form-parts"
            label={t('formDefinition')}
            selected={tab}
            onSelect={setTab}
            tabs={parts.map((part) => {
              const partProblems = problemsUnder(problems, `/${part}`);
              const count = partProblems.length + (parsed[part].ok ? 0 : 1);
              return {
                key: part,
                label: (
                  <>
                    {t(partLabels[part])}
                    {count > 0 && (
                      <span className="badge error-badge">
                        {count}
                        <span className="visually-hidden"> {t('problemsFound', { count })}</span>
                      </span>
                    )}
                  </>
                ),
                panel: (
                  <>
                    <p className="field-label" id={`editor-${part}-label`}>
                      {t('editorLabel', { part: t(partLabels[part]) })}
                    </p>
                    <p className="hint" id={`editor-${part}-hint`}>
                      {t(hints[part])}
                    </p>
                    {!parsed[part].ok && (
                      <p className="field-error" id={`editor-${part}-error`}>
                        {t('jsonSyntaxError', { message: (parsed[part] as { message: string }).message })}
                      </p>
                    )}
                    <JsonEditor
                      value={texts[part]}
                      onChange={(text) => setTexts((current) => ({ ...current, [part]: text }))}
                      labelledBy={`editor-${part}-label`}
                      describedBy={`editor-${part}-hint`}
                      readOnly={!canDesign}
                      problems={partProblems}
                      testId={`editor-${part}`}
                    />
                    <ProblemList problems={partProblems} />
                  </>
                ),
              };
            })}
          />
        </section>
        <FormPreview
          schema={previewContent.schema}
          uiSchema={previewContent.uiSchema}
          translations={previewContent.translations}
          stale={broken.length > 0}
        />
      </div>

      {draftChanges && (
        <details className="card" data-testid="draft-changes">
          <summary>
            <h2>{t('draftChangesTitle', { version: form.published!.version })}</h2>
          </summary>
          {draftChanges.map(({ part, changes }) => (
            <DiffTable key={part} id={`draft-diff-${part}`} caption={t(partLabels[part])} changes={changes} />
          ))}
        </details>
      )}

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('versionsTitle')}</h2>
        <FormVersions
          key={form.published?.version ?? 0}
          formId={form.id}
          latest={form.published?.version ?? 0}
          canPublish={canPublish}
          onRepublished={(from, published) =>
            void refresh(t('republished', { from, version: published.version }))
          }
        />
      </section>
    </>
  );
}
