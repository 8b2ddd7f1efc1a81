import Ajv from 'ajv';
import localizeEs from 'ajv-i18n/localize/es';
import localizeFr from 'ajv-i18n/localize/fr';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { RJSFValidationError } from '@rjsf/utils';
import type { Language } from '../domain/codes/types';
import { createFormFormats, type FormFormat } from './formats';

/** A problem with submitted form data or with a form's schema, at a JSON pointer. */
export interface FormProblem {
  path: string;
  message: string;
}

/** Annotation keywords designers may use; the strict check accepts them and validation ignores them. */
export const ANNOTATION_KEYWORDS = ['x-i18n', 'x-help'] as const;

type JsonSchema = Record<string, unknown>;

export interface FormValidatorOptions {
  language?: Language;
  /** The checklist lookup for `cites-species`; the server passes one, the browser may not. */
  speciesNameKnown?: (name: string) => boolean;
}

const localizers = { en: undefined, fr: localizeFr, es: localizeEs } as const;

/**
 * The react-jsonschema-form validator with Pangolin's formats and the applicant's language. The
 * web app renders and validates forms with it, and the server validates submissions with the very
 * same one, so both always agree; the server's answer is the one that counts.
 */
export function createFormValidator(options: FormValidatorOptions = {}) {
  const formats = createFormFormats(options.speciesNameKnown);
  return customizeValidator(
    {
      customFormats: Object.fromEntries(
        Object.entries(formats).map(([name, format]) => [name, format.check]),
      ),
      extenderFn: (ajv) => {
        ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
        return ajv;
      },
    },
    localizers[options.language ?? 'en'],
  );
}

type FormValidator = ReturnType<typeof createFormValidator>;

/** The checklist lookup of the validation running now; the cached validators' formats ask it. */
let currentSpeciesNameKnown: FormValidatorOptions['speciesNameKnown'];
const delegatingSpeciesNameKnown = (name: string) => currentSpeciesNameKnown?.(name) ?? true;

/**
 * Server-side validators, one per schema object and language, so a form version's schema is
 * compiled once rather than on every submission. Keyed weakly by the schema: when the schema
 * object is dropped, so is its validator (and ajv's compiled code). The checklist lookup is not
 * part of the key: the cached validator's `cites-species` format asks the lookup of the
 * (synchronous) validation in progress, so callers may pass a new function every time.
 */
const validatorCache = new WeakMap<object, Map<Language, FormValidator>>();

function cachedValidator(schema: JsonSchema, language: Language): FormValidator {
  let byLanguage = validatorCache.get(schema);
  if (!byLanguage) {
    byLanguage = new Map();
    validatorCache.set(schema, byLanguage);
  }
  let validator = byLanguage.get(language);
  if (!validator) {
    validator = createFormValidator({ language, speciesNameKnown: delegatingSpeciesNameKnown });
    byLanguage.set(language, validator);
  }
  return validator;
}

/** The formats' messages, which do not depend on the checklist lookup. */
const formatMessages = createFormFormats();

/**
 * Validates form data against a form version's schema: every problem at its field path, in the
 * applicant's language. Conditional fields (if/then/else, dependencies) count.
 */
export function validateFormData(
  schema: JsonSchema,
  data: unknown,
  options: FormValidatorOptions = {},
): FormProblem[] {
  const language = options.language ?? 'en';
  const validator = cachedValidator(schema, language);
  const outer = currentSpeciesNameKnown;
  currentSpeciesNameKnown = options.speciesNameKnown;
  let errors: RJSFValidationError[];
  try {
    ({ errors } = validator.validateFormData(data, schema));
  } finally {
    currentSpeciesNameKnown = outer;
  }
  return errors
    .filter((error) => error.name !== 'if')
    .map((error) => ({
      path: pointerOf(error),
      message: messageOf(error, formatMessages, language),
    }));
}

/**
 * Checks a designer's schema strictly before it may be saved: invalid JSON Schema, unknown
 * keywords and unknown formats are refused with the reason (RJSF itself would ignore them).
 */
export function checkFormSchema(schema: unknown): FormProblem[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ path: '/', message: 'The schema must be a JSON object.' }];
  }
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  for (const [name, format] of Object.entries(createFormFormats())) ajv.addFormat(name, format.check);
  for (const standard of ['date', 'date-time', 'email', 'uri', 'data-url']) ajv.addFormat(standard, true);
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((error) => ({
      path: error.instancePath || '/',
      message: error.message ?? 'is not valid JSON Schema',
    }));
  }
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [{ path: '/', message: (error as Error).message }];
  }
}

/** RJSF names fields `.blocks.0.quantity` (or `name` at the top); the API speaks JSON pointers. */
function pointerOf(error: RJSFValidationError): string {
  const property = (error.property ?? '').replace(/^\./, '');
  return property === '' ? '/' : `/${property.split('.').join('/')}`;
}

function messageOf(
  error: RJSFValidationError,
  formats: Record<string, FormFormat>,
  language: Language,
): string {
  if (error.name === 'format') {
    const format = formats[String((error.params as { format?: string }).format)];
    if (format) return format.message[language];
  }
  return error.message ?? 'is not valid';
}
