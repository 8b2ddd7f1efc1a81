import { useState } from 'react';
import type { FormTranslations, JsonObject, Language } from '../api/types';
import { useI18n } from '../i18n';
import { languages } from '../messages';
import { ErrorBoundary } from './ErrorBoundary';
import { SchemaForm, validatesInBrowser } from './SchemaForm';
import { Success } from './Status';

/**
 * The form being edited as an applicant would see it, in any of the three languages. "Check" runs
 * the same validation as submitting, so a designer can try a condition out.
 */
export function FormPreview({
  schema,
  uiSchema,
  translations,
  stale,
}: {
  schema: JsonObject;
  uiSchema: JsonObject;
  translations: FormTranslations;
  /** The editors hold JSON that does not parse: the preview shows the last text that did. */
  stale: boolean;
}) {
  const { t, language } = useI18n();
  const [previewLanguage, setPreviewLanguage] = useState<Language>(language);
  const [data, setData] = useState<JsonObject>({});
  const [passed, setPassed] = useState(false);
  const [round, setRound] = useState(0);

  return (
    <section className="card preview" aria-labelledby="preview-heading" data-testid="form-preview">
      <h2 id="preview-heading">{t('previewTitle')}</h2>
      <div className="preview-tools">
        <div className="language">
          <label htmlFor="preview-language">{t('previewLanguage')}</label>
          <select
            id="preview-language"
            value={previewLanguage}
            onChange={(event) => setPreviewLanguage(event.target.value as Language)}
          >
            {languages.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            setData({});
            setPassed(false);
            setRound((value) => value + 1);
          }}
        >
          {t('previewClear')}
        </button>
      </div>
      {stale && <p className="notice">{t('previewStale')}</p>}
      {passed && <Success>{t('previewPassed')}</Success>}
      <ErrorBoundary
        resetKey={`${JSON.stringify(schema)}${JSON.stringify(uiSchema)}${round}`}
        fallback={(error) => (
          <div className="alert" role="alert">
            <p className="alert-title">{t('previewFailed')}</p>
            <p className="problem-detail">{error.message}</p>
          </div>
        )}
      >
        <div lang={previewLanguage}>
          <SchemaForm
            key={round}
            schema={schema}
            uiSchema={uiSchema}
            translations={translations}
            language={previewLanguage}
            formData={data}
            idPrefix="preview"
            preview
            onChange={(next) => {
              setData(next);
              setPassed(false);
            }}
            onSubmit={() => setPassed(true)}
          >
            {validatesInBrowser ? (
              <div className="actions">
                <button type="submit" className="secondary">
                  {t('previewCheck')}
                </button>
              </div>
            ) : (
              <p className="hint">{t('previewNoChecks')}</p>
            )}
          </SchemaForm>
        </div>
      </ErrorBoundary>
    </section>
  );
}
