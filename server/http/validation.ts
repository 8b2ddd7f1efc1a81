import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldProblem } from '../errors';

/** JSON Schema (draft 2020-12 subset ajv understands) of a request body or query. */
export type JsonSchema = Record<string, unknown>;

const bodyAjv = new Ajv({ allErrors: true, strict: true, useDefaults: false });
const queryAjv = new Ajv({ allErrors: true, strict: true, coerceTypes: true, useDefaults: true });
addFormats(bodyAjv);
addFormats(queryAjv);

export function compileBody(schema: JsonSchema): ValidateFunction {
  return bodyAjv.compile(schema);
}

export interface QueryValidator {
  /** Validates the query in place: values are coerced to their schema's types, defaults filled in. */
  (query: Record<string, unknown>): boolean;
  errors: ErrorObject[] | null;
}

/**
 * ajv coerces "1e309" or "Infinity" to a number and then skips the parameter's bounds, which apply
 * to finite numbers only: a parameter coerced to a number that is not finite is refused here.
 */
export function compileQuery(schema: JsonSchema): QueryValidator {
  const validate = queryAjv.compile(schema);
  const validateQuery: QueryValidator = Object.assign(
    (query: Record<string, unknown>) => {
      const valid = validate(query);
      const unbounded = Object.entries(query)
        .filter(([, value]) => typeof value === 'number' && !Number.isFinite(value))
        .map(([name]): ErrorObject => ({
          instancePath: `/${name}`,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'number' },
          message: 'must be a finite number',
        }));
      const errors = [...(validate.errors ?? []), ...unbounded];
      validateQuery.errors = errors.length > 0 ? errors : null;
      return valid && unbounded.length === 0;
    },
    { errors: null },
  );
  return validateQuery;
}

/** ajv's errors as field paths and sentences a person understands. */
export function fieldProblems(errors: readonly ErrorObject[] | null | undefined): FieldProblem[] {
  return (errors ?? []).map((error) => {
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required':
        return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
      case 'additionalProperties':
        return {
          path: `${error.instancePath}/${String(params.additionalProperty)}`,
          message: 'is not an accepted field',
        };
      case 'type':
        return { path: error.instancePath || '/', message: `must be ${article(String(params.type))}` };
      case 'minLength':
        return {
          path: error.instancePath,
          message: `must be at least ${String(params.limit)} characters long`,
        };
      case 'maxLength':
        return {
          path: error.instancePath,
          message: `must be at most ${String(params.limit)} characters long`,
        };
      case 'minItems':
        return { path: error.instancePath, message: `must have at least ${String(params.limit)} item(s)` };
      case 'maxItems':
        return { path: error.instancePath, message: `must have at most ${String(params.limit)} items` };
      case 'enum':
        return {
          path: error.instancePath,
          message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`,
        };
      case 'format':
        return { path: error.instancePath, message: formatMessage(String(params.format)) };
      case 'pattern':
        return { path: error.instancePath, message: 'is not in the expected form' };
      case 'minimum':
      case 'maximum':
        return {
          path: error.instancePath,
          message: `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`,
        };
      case 'uniqueItems':
        return { path: error.instancePath, message: 'must not repeat an item' };
      default:
        return { path: error.instancePath || '/', message: error.message ?? 'is not valid' };
    }
  });
}

function article(type: string): string {
  const named: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
  };
  return named[type] ?? type;
}

function formatMessage(format: string): string {
  const named: Record<string, string> = {
    email: 'must be an email address',
    date: 'must be a date (YYYY-MM-DD)',
    'date-time': 'must be a date and time',
    uri: 'must be a URL',
  };
  return named[format] ?? `must be a valid ${format}`;
}
