import type { RJSFSchema } from '@rjsf/utils';
import { checkFormSchema, createFormValidator, validateFormData } from '../../forms/schema-kit';

// A slice of an export application: a live-animal block needs a veterinary certificate number.
const exportSchema = {
  type: 'object',
  required: ['exporterCountry', 'blocks'],
  additionalProperties: false,
  properties: {
    exporterCountry: { type: 'string', format: 'iso-country', 'x-i18n': { fr: 'Pays exportateur' } },
    purpose: { type: 'string', format: 'cites-purpose' },
    originPermit: { type: 'string', format: 'cites-permit-number' },
    live: { type: 'boolean' },
    veterinaryCertificate: { type: 'string', minLength: 3 },
    blocks: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['species', 'source', 'quantity'],
        properties: {
          species: { type: 'string', format: 'cites-species' },
          source: { type: 'string', format: 'cites-source' },
          term: { type: 'string', format: 'cites-term' },
          unit: { type: 'string', format: 'cites-unit' },
          appendix: { type: 'string', format: 'cites-appendix' },
          quantity: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
  },
  if: { properties: { live: { const: true } }, required: ['live'] },
  then: { required: ['veterinaryCertificate'] },
};

const valid = {
  exporterCountry: 'KE',
  purpose: 'T',
  originPermit: 'KE26000123E',
  blocks: [
    { species: 'Loxodonta africana', source: 'W', term: 'TUS', unit: 'KIL', appendix: 'II', quantity: 12.5 },
  ],
};

describe('validateFormData', () => {
  it('accepts a valid application', () => {
    expect(validateFormData(exportSchema, valid)).toEqual([]);
  });

  it.each([
    ['exporterCountry', { exporterCountry: 'XQ' }, '/exporterCountry', 'must be a country code (ISO 3166)'],
    ['purpose', { purpose: 'K' }, '/purpose', 'must be a CITES purpose code'],
    ['originPermit', { originPermit: 'not a permit' }, '/originPermit', 'must be a CITES permit number'],
    [
      'source',
      { blocks: [{ ...valid.blocks[0], source: 'Z' }] },
      '/blocks/0/source',
      'must be a CITES source code',
    ],
    [
      'term',
      { blocks: [{ ...valid.blocks[0], term: 'XYZ' }] },
      '/blocks/0/term',
      'must be a CITES term code',
    ],
    [
      'unit',
      { blocks: [{ ...valid.blocks[0], unit: 'PINT' }] },
      '/blocks/0/unit',
      'must be a CITES unit code',
    ],
    [
      'appendix',
      { blocks: [{ ...valid.blocks[0], appendix: 'IV' }] },
      '/blocks/0/appendix',
      'must be a CITES Appendix (I, II or III)',
    ],
    [
      'species',
      { blocks: [{ ...valid.blocks[0], species: 'elephant' }] },
      '/blocks/0/species',
      'must be a species name from the CITES checklist',
    ],
    ['quantity', { blocks: [{ ...valid.blocks[0], quantity: 0 }] }, '/blocks/0/quantity', 'must be > 0'],
    [
      'a missing field',
      { blocks: [{ species: 'Loxodonta africana', source: 'W' }] },
      '/blocks/0/quantity',
      "must have required property 'quantity'",
    ],
  ])('names the field and the reason for a wrong %s', (_field, change, path, message) => {
    expect(validateFormData(exportSchema, { ...valid, ...change })).toEqual([{ path, message }]);
  });

  it('requires a conditional field only when its condition holds', () => {
    expect(validateFormData(exportSchema, { ...valid, live: false })).toEqual([]);
    expect(validateFormData(exportSchema, { ...valid, live: true })).toEqual([
      { path: '/veterinaryCertificate', message: "must have required property 'veterinaryCertificate'" },
    ]);
    expect(
      validateFormData(exportSchema, { ...valid, live: true, veterinaryCertificate: 'VET-2026-1' }),
    ).toEqual([]);
  });

  it('speaks French and Spanish, its own formats included', () => {
    const wrong = { ...valid, exporterCountry: 'XQ', live: true };
    expect(validateFormData(exportSchema, wrong, { language: 'fr' })).toEqual([
      { path: '/veterinaryCertificate', message: "requiert la propriété 'veterinaryCertificate'" },
      { path: '/exporterCountry', message: 'doit être un code de pays (ISO 3166)' },
    ]);
    expect(validateFormData(exportSchema, wrong, { language: 'es' })).toEqual([
      {
        path: '/veterinaryCertificate',
        message: "debe tener la propiedad requerida 'veterinaryCertificate'",
      },
      { path: '/exporterCountry', message: 'debe ser un código de país (ISO 3166)' },
    ]);
  });

  it('checks species names against the checklist where the server has one', () => {
    const checklist = new Set(['Loxodonta africana']);
    const known = (name: string) => checklist.has(name);
    expect(validateFormData(exportSchema, valid, { speciesNameKnown: known })).toEqual([]);
    const unknown = { ...valid, blocks: [{ ...valid.blocks[0], species: 'Loxodonta imaginaria' }] };
    expect(validateFormData(exportSchema, unknown, { speciesNameKnown: known })).toEqual([
      { path: '/blocks/0/species', message: 'must be a species name from the CITES checklist' },
    ]);
    expect(validateFormData(exportSchema, unknown)).toEqual([]);
  });

  it('is the validator the web app gives react-jsonschema-form', () => {
    const { errors } = createFormValidator().validateFormData(
      { ...valid, purpose: 'K' },
      exportSchema as RJSFSchema,
    );
    expect(errors.map((error) => error.property)).toEqual(['.purpose']);
  });
});

describe('checkFormSchema', () => {
  it('accepts a sound schema with conditionals and annotations', () => {
    expect(checkFormSchema(exportSchema)).toEqual([]);
  });

  it.each([
    ['not an object', [], 'The schema must be a JSON object.'],
    [
      'a misspelt keyword',
      { type: 'object', properties: { a: { type: 'string', minLenght: 3 } } },
      'strict mode: unknown keyword: "minLenght"',
    ],
    [
      'an unknown format',
      { type: 'string', format: 'cites-colour' },
      'unknown format "cites-colour" ignored in schema at path "#"',
    ],
    ['a wrong type name', { type: 'text' }, 'must be equal to one of the allowed values'],
  ])('refuses %s, saying why', (_case, schema, message) => {
    const problems = checkFormSchema(schema);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.message).join(' | ')).toContain(message);
  });
});
