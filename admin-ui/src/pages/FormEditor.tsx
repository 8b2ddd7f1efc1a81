import { useMemo, useRef, useState } from 'react';
import { diffJson } from '../../../forms/diff';
import type { FormContent, FormDetail, FormPart, FormTranslations, JsonObject } from '../api/types';
import { DiffTable } from '../components/DiffTable';
import { DraftEditorHeader, DraftEditorPage, useDraftActions } from '../components/DraftEditor';
import { FormPreview } from '../components/FormPreview';
import { FormVersions, partLabels } from '../components/FormVersions';
import { JsonEditor, type PointedProblem } from '../components/JsonEditor';
import { ProblemList } from '../components/ProblemList';
import { Tabs } from '../components/Tabs';
import { useDebounced } from '../components/useDebounced';
import { problemsOutside, problemsUnder } from '../forms/json-pointer';
import { jsonText, parseJsonObject } from '../forms/json-text';
import { useI18n } from '../i18n';
import { mayDo } from '../navigation';
import type { Params } from '../router';
import { useSession } from '../session';

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
  const { t } = useI18n();
  const { api } = useSession();
  const formId = params.formId ?? '';
  return (
    <DraftEditorPage back="/forms" backLabel={t('backToForms')} id={formId} load={() => api.getForm(formId)}>
      {(loaded, replace) => <FormWorkspace form={loaded} onChanged={replace} />}
    </DraftEditorPage>
  );
}

function FormWorkspace({ form, onChanged }: { form: FormDetail; onChanged(form: FormDetail): void }) {
  const { t } = useI18n();
  const { api, user } = useSession();
  const canDesign = mayDo(user.roles, 'designForms');
  const canPublish = mayDo(user.roles, 'publishForms');
  const start = useRef(textsOf(form.draft ?? form.published ?? emptyForm));
  const [texts, setTexts] = useState<Texts>(start.current);
  const [saved, setSaved] = useState<Texts>(start.current);
  const [tab, setTab] = useState<FormPart>('schema');
  const [problems, setProblems] = useState<PointedProblem[]>([]);
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

  // A refused save or publication shows the first part with problems.
  const actions = useDraftActions((found) => {
    setProblems(found);
    const first = parts.find((part) => problemsUnder(found, `/${part}`).length > 0);
    if (first) setTab(first);
  });

  const save = () => {
    if (broken.length > 0) {
      actions.refused(t('jsonBrokenIn', { parts: broken.map((part) => t(partLabels[part])).join(', ') }));
      setTab(broken[0]!);
      return;
    }
    actions.save(
      () => api.saveFormDraft(form.id, { ...lastGood.current }),
      (view) => {
        setSaved(texts);
        onChanged(view);
      },
    );
  };

  // The publication happened whatever this says; the figures on the page catch up at the next visit.
  const refresh = () => api.getForm(form.id).then(onChanged, () => undefined);

  const publish = () =>
    actions.publish(
      async () => {
        const published = await api.publishForm(form.id);
        await refresh();
        return published;
      },
      (version) => t('formPublished', { version }),
    );

  const general = problemsOutside(
    problems,
    parts.map((part) => `/${part}`),
  );

  return (
    <>
      <DraftEditorHeader
        subject={form.id}
        documentType={form.documentType}
        published={form.published}
        draft={form.draft}
        actions={actions}
        general={general}
        dirty={dirty}
        onSave={save}
        onPublish={publish}
      />

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
          onRepublished={(from, published) => {
            actions.succeeded(t('republished', { from, version: published.version }));
            void refresh();
          }}
        />
      </section>
    </>
  );
}
