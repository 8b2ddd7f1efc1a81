import type { RJSFSchema } from '@rjsf/utils';
import Ajv from 'ajv';
import exportWild from '../../examples/applications/export-appendix-ii-wild.json';
import exportAppendixI from '../../examples/applications/export-appendix-i.json';
import importAppendixI from '../../examples/applications/import-appendix-i.json';
import reExport from '../../examples/applications/re-export-appendix-ii.json';
import { interpretingValidator, validatingSentData } from '../../admin-ui/src/forms/interpreting-validator';
import { schemaMatches } from '../../admin-ui/src/forms/schema-match';
import { DEFAULT_FORMS } from '../../forms/defaults';
import { createFormValidator } from '../../forms/schema-kit';

describe('reading a JSON Schema without compiling it', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['type', { type: 'string' }, 'x', true],
    ['type', { type: 'string' }, 1, false],
    ['type list', { type: ['string', 'null'] }, null, true],
    ['integer', { type: 'integer' }, 1.5, false],
    ['const', { const: { a: [1] } }, { a: [1] }, true],
    ['const', { const: 'I' }, 'II', false],
    ['enum', { enum: ['I', 'O'] }, 'O', true],
    ['enum', { enum: ['I', 'O'] }, 'W', false],
    ['required', { required: ['source'] }, {}, false],
    ['required ignores non-objects', { required: ['source'] }, 'x', true],
    ['properties', { properties: { live: { const: true } }, required: ['live'] }, { live: true }, true],
    ['properties', { properties: { live: { const: true } } }, { live: false }, false],
    ['absent property passes', { properties: { live: { const: true } } }, {}, true],
    ['additionalProperties', { properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2 }, false],
    ['patternProperties', { patternProperties: { '^x-': { type: 'string' } } }, { 'x-a': 1 }, false],
    [
      'contains',
      { contains: { properties: { appendix: { const: 'I' } }, required: ['appendix'] } },
      [{ appendix: 'II' }, { appendix: 'I' }],
      true,
    ],
    ['contains', { contains: { const: 1 } }, [2, 3], false],
    ['minContains', { contains: { const: 1 }, minContains: 2 }, [1, 2], false],
    ['items', { items: { type: 'number' } }, [1, 'x'], false],
    [
      'tuple',
      { items: [{ type: 'string' }, { type: 'number' }], additionalItems: false },
      ['a', 1, 2],
      false,
    ],
    ['minItems', { minItems: 1 }, [], false],
    ['uniqueItems', { uniqueItems: true }, [{ a: 1 }, { a: 1 }], false],
    ['exclusiveMinimum', { exclusiveMinimum: 0 }, 0, false],
    ['maximum', { maximum: 10 }, 10, true],
    ['multipleOf', { multipleOf: 0.01 }, 0.3, true],
    ['multipleOf', { multipleOf: 5 }, 12, false],
    ['minLength counts characters', { minLength: 2 }, '🐍', false],
    ['pattern', { pattern: '^[A-Z]{2}$' }, 'KE', true],
    ['pattern', { pattern: '^[A-Z]{2}$' }, 'Kenya', false],
    ['formats are left to the server', { format: 'cites-source' }, 'nonsense', true],
    ['allOf', { allOf: [{ minimum: 1 }, { maximum: 3 }] }, 4, false],
    ['anyOf', { anyOf: [{ const: 1 }, { const: 2 }] }, 2, true],
    ['oneOf', { oneOf: [{ minimum: 1 }, { minimum: 2 }] }, 3, false],
    ['not', { not: { const: 'U' } }, 'U', false],
    [
      'if/then',
      { if: { properties: { source: { const: 'U' } } }, then: { required: ['sourceReason'] } },
      { source: 'U' },
      false,
    ],
    ['if/else', { if: { const: 1 }, then: true, else: false }, 2, false],
    ['dependencies', { dependencies: { a: ['b'] } }, { a: 1 }, false],
    ['dependentSchemas', { dependentSchemas: { a: { required: ['c'] } } }, { a: 1, c: 2 }, true],
    ['$ref', { definitions: { code: { enum: ['A'] } }, $ref: '#/definitions/code' }, 'B', false],
    ['false schema', false, 1, false],
    ['unknown keywords', { 'x-i18n': { fr: {} }, frobnicate: 1 }, 1, true],
  ])('%s: %j with %j → %s', (_name, schema, data, expected) => {
    expect(schemaMatches(schema, data)).toBe(expected);
  });

  it('stops on a reference cycle instead of recursing forever', () => {
    expect(schemaMatches({ $ref: '#' }, 1)).toBe(true);
  });
});

/** Every `if` of a schema, wherever it is nested. */
function conditions(node: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((item) => conditions(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'if') found.push(value);
      conditions(value, found);
    }
  }
  return found;
}

describe('agreeing with ajv on the conditions of the default forms', () => {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  const samples = [exportWild, exportAppendixI, importAppendixI, reExport].map((example) => example.data);
  const variants = samples.flatMap((data) => {
    const blocks = (data as { blocks: Array<Record<string, unknown>> }).blocks;
    return [
      data,
      { ...data, live: true, transportConditions: undefined },
      { ...data, live: false },
      { ...data, blocks: blocks.map((block) => ({ ...block, appendix: 'I' })) },
      { ...data, blocks: blocks.map((block) => ({ ...block, source: 'U' })) },
      { ...data, blocks: blocks.map((block) => ({ ...block, source: 'O', underlyingSource: 'W' })) },
      { ...data, blocks: [] },
      {},
    ].map((variant) => JSON.parse(JSON.stringify(variant)) as unknown);
  });

  it.each(DEFAULT_FORMS.map((form) => [form.id, form.content.schema] as const))(
    '%s: every condition and the whole schema',
    (_id, schema) => {
      const checks = conditions(schema);
      expect(checks.length).toBeGreaterThan(0);
      for (const data of variants) {
        for (const condition of checks) {
          // Conditions on array items are tried against each item as well as the whole.
          for (const target of [data, ...((data as { blocks?: unknown[] }).blocks ?? [])]) {
            expect(schemaMatches(condition, target)).toBe(ajv.validate(condition as object, target));
          }
        }
        expect(schemaMatches(schema, data)).toBe(ajv.validate(schema, data));
      }
    },
  );

  it('lets react-jsonschema-form decide conditions without compiling, and leaves checking to the server', () => {
    const validator = interpretingValidator(createFormValidator());
    const schema = {
      if: { properties: { live: { const: true } }, required: ['live'] },
      then: { required: ['x'] },
    };
    expect(validator.isValid(schema, { live: true }, schema)).toBe(false);
    expect(validator.isValid(schema, { live: false }, schema)).toBe(true);
    expect(validator.validateFormData({ live: true }, schema)).toEqual({ errors: [], errorSchema: {} });
    expect(validator.rawValidation(schema, {})).toEqual({ errors: [], validationError: undefined });
  });
});

describe('validating what will be sent', () => {
  it('does not count optional sections left empty, and still finds what is missing', () => {
    const validator = validatingSentData(createFormValidator());
    const schema: RJSFSchema = {
      type: 'object',
      required: ['purpose'],
      properties: {
        purpose: { type: 'string' },
        importPermit: {
          type: 'object',
          required: ['permitNumber'],
          properties: { permitNumber: { type: 'string' } },
        },
      },
    };
    expect(validator.validateFormData({ purpose: 'T', importPermit: {} }, schema).errors).toEqual([]);
    const { errors } = validator.validateFormData({ importPermit: { permitNumber: undefined } }, schema);
    expect(errors.map((error) => error.property)).toEqual(['purpose']);
    expect(validator.isValid({ required: ['a'] }, {}, schema)).toBe(false);
  });
});
