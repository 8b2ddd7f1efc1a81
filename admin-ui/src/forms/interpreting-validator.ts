import type { ValidatorType } from '@rjsf/utils';
import { pruneEmpty } from './prune-empty';
import { schemaMatches } from './schema-match';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The validator checks the data as it will be sent: react-jsonschema-form leaves `{}` behind for
 * optional sections (an import permit, a country of origin) once anything changes, and the page
 * removes them before saving or submitting (see pruneEmpty), so they must not count here either.
 */
export function validatingSentData(base: ValidatorType): ValidatorType {
  return {
    validateFormData: (formData, schema, customValidate, transformErrors, uiSchema) =>
      base.validateFormData(
        isObject(formData) ? pruneEmpty(formData) : formData,
        schema,
        customValidate,
        transformErrors,
        uiSchema,
      ),
    isValid: (schema, formData, rootSchema) => base.isValid(schema, formData, rootSchema),
    rawValidation: (schema, formData) => base.rawValidation(schema, formData),
    reset: () => base.reset?.(),
  };
}

/**
 * A react-jsonschema-form validator for pages where ajv cannot compile (a content security policy
 * without 'unsafe-eval'): conditions are decided by reading the schema, so fields still appear and
 * disappear as they should, and checking the data is left to the server, whose answer comes back
 * at each field.
 */
export function interpretingValidator(base: ValidatorType): ValidatorType {
  return {
    validateFormData: () => ({ errors: [], errorSchema: {} }),
    isValid: (schema, formData, rootSchema) => schemaMatches(schema, formData, rootSchema),
    rawValidation: () => ({ errors: [], validationError: undefined }),
    reset: () => base.reset?.(),
  };
}
