import Form from '@rjsf/core';
import type { ErrorSchema, RegistryFieldsType, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { useMemo, type ReactNode } from 'react';
import { createFormValidator } from '../../../forms/schema-kit';
import type { FormTranslations, JsonObject, Language } from '../api/types';
import { EVIDENCE_FIELD, withEvidenceFields } from '../forms/evidence-ui';
import { friendlyErrors } from '../forms/form-errors';
import { interpretingValidator, validatingSentData } from '../forms/interpreting-validator';
import { localizeSchema, localizeUiSchema } from '../forms/localize-schema';
import { codeGenerationAllowed } from '../forms/schema-match';
import { EvidenceField, type SchemaFormContext } from './EvidenceField';
import { rjsfTranslator } from './rjsf/strings';
import { buttonTemplates, ErrorListTemplate } from './rjsf/templates';

/**
 * Whether this browser checks form data itself. ajv compiles schemas into code, which the page's
 * content security policy may forbid; the server then does all the checking, as it always does last.
 */
export const validatesInBrowser = codeGenerationAllowed();

/** One validator per language, made once: building ajv is the slow part. */
const validators = new Map<Language, ValidatorType>();

function validatorFor(language: Language): ValidatorType {
  let validator = validators.get(language);
  if (!validator) {
    const base = createFormValidator({ language });
    validator = validatesInBrowser ? validatingSentData(base) : interpretingValidator(base);
    validators.set(language, validator);
  }
  return validator;
}

const fields: RegistryFieldsType = { [EVIDENCE_FIELD]: EvidenceField };
const templates = { ButtonTemplates: buttonTemplates, ErrorListTemplate };
const defaultFormState = { emptyObjectFields: 'skipEmptyDefaults' } as const;
const readOnlyArrays = { addable: false, removable: false, orderable: false, copyable: false };

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
  const localizedSchema = useMemo(
    () => localizeSchema(schema, translations, language) as RJSFSchema,
    [schema, translations, language],
  );
  const localizedUi = useMemo(() => {
    const ui = localizeUiSchema(withEvidenceFields(schema, uiSchema), translations, language) as UiSchema;
    // Filed data is read, not edited: no buttons to add, remove or move items.
    return readonly ? { ...ui, 'ui:globalOptions': { ...ui['ui:globalOptions'], ...readOnlyArrays } } : ui;
  }, [schema, uiSchema, translations, language, readonly]);
  const translateString = useMemo(() => rjsfTranslator(language), [language]);
  const formContext = useMemo<SchemaFormContext>(() => ({ preview, language }), [preview, language]);

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
      // Optional sections (an import permit, a country of origin) stay absent until filled in.
      experimental_defaultFormStateBehavior={defaultFormState}
      focusOnFirstError
      noHtml5Validate
      onChange={(event) => onChange?.((event.formData ?? {}) as JsonObject)}
      onSubmit={(event) => onSubmit?.((event.formData ?? {}) as JsonObject)}
    >
      {children ?? (readonly ? <></> : undefined)}
    </Form>
  );
}
