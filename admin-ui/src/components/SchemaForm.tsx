import Form from '@rjsf/core';
import type { ErrorSchema, RegistryFieldsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, type ReactNode } from 'react';
import { createFormValidator } from '../../../forms/schema-kit';
import type { FormTranslations, JsonObject, Language } from '../api/types';
import { EVIDENCE_FIELD, withEvidenceFields } from '../forms/evidence-ui';
import { friendlyErrors } from '../forms/form-errors';
import { localizeSchema, localizeUiSchema } from '../forms/localize-schema';
import { useI18n } from '../i18n';
import { EvidenceField, type SchemaFormContext } from './EvidenceField';
import { rjsfTranslator } from './rjsf/strings';
import { buttonTemplates, ErrorListTemplate } from './rjsf/templates';

type Validator = ReturnType<typeof createFormValidator>;

/** One validator per language, made once: building ajv is the slow part. */
const validators = new Map<Language, Validator>();

function validatorFor(language: Language): Validator {
  let validator = validators.get(language);
  if (!validator) {
    validator = createFormValidator({ language });
    validators.set(language, validator);
  }
  return validator;
}

const fields: RegistryFieldsType = { [EVIDENCE_FIELD]: EvidenceField };
const templates = { ButtonTemplates: buttonTemplates, ErrorListTemplate };

/**
 * A national form rendered with react-jsonschema-form, in `language` (titles and descriptions from
 * the form's translations, messages from Pangolin's validator, the one the server uses too).
 * Validation runs when the form is sent, not on every key press.
 */
export function SchemaForm({
  schema,
  uiSchema,
  translations,
  language,
  formData,
  onChange,
  onSubmit,
  extraErrors,
  readonly = false,
  preview = false,
  idPrefix = 'root',
  children,
}: {
  schema: JsonObject;
  uiSchema?: JsonObject;
  translations?: FormTranslations;
  language: Language;
  formData?: JsonObject;
  onChange?(data: JsonObject): void;
  onSubmit?(data: JsonObject): void;
  extraErrors?: ErrorSchema;
  readonly?: boolean;
  /** A designer's preview: files are not really uploaded. */
  preview?: boolean;
  idPrefix?: string;
  /** The buttons at the end; none when the form is read-only and none are given. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const localizedSchema = useMemo(
    () => localizeSchema(schema, translations, language) as RJSFSchema,
    [schema, translations, language],
  );
  const localizedUi = useMemo(
    () => localizeUiSchema(withEvidenceFields(schema, uiSchema), translations, language) as UiSchema,
    [schema, uiSchema, translations, language],
  );
  const translateString = useMemo(() => rjsfTranslator(t), [t]);
  const formContext = useMemo<SchemaFormContext>(() => ({ preview }), [preview]);

  return (
    <Form
      className="rjsf schema-form"
      schema={localizedSchema}
      uiSchema={localizedUi}
      validator={validatorFor(language)}
      formData={formData}
      idPrefix={idPrefix}
      readonly={readonly}
      fields={fields}
      templates={templates}
      translateString={translateString}
      formContext={formContext}
      extraErrors={extraErrors}
      transformErrors={(errors) => friendlyErrors(errors, language)}
      showErrorList="top"
      focusOnFirstError
      noHtml5Validate
      onChange={(event) => onChange?.((event.formData ?? {}) as JsonObject)}
      onSubmit={(event) => onSubmit?.((event.formData ?? {}) as JsonObject)}
    >
      {children ?? (readonly ? <></> : undefined)}
    </Form>
  );
}
