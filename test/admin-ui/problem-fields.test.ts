import { errorSchemaFrom, fieldIdOf, fieldLabel } from '../../admin-ui/src/forms/problem-fields';
import {
  pointerOf,
  pointerSegments,
  problemsOutside,
  problemsUnder,
} from '../../admin-ui/src/forms/json-pointer';

describe('server problems placed at their fields', () => {
  it('builds the error tree react-jsonschema-form shows beside each field', () => {
    const { errorSchema, elsewhere } = errorSchemaFrom([
      { path: '/data/blocks/0/quantity', message: 'must be > 0' },
      { path: '/data/blocks/0/quantity', message: 'must be a number' },
      { path: '/data/blocks/0/quantity', message: 'must be > 0' },
      { path: '/data/exporter/name', message: 'is required' },
      { path: '/data', message: 'Appendix I needs an import permit' },
      { path: '/formVersionId', message: 'is not a published form version' },
      { path: '/database', message: 'not under /data' },
    ]);
    expect(errorSchema).toEqual({
      __errors: ['Appendix I needs an import permit'],
      blocks: { 0: { quantity: { __errors: ['must be > 0', 'must be a number'] } } },
      exporter: { name: { __errors: ['is required'] } },
    });
    expect(elsewhere.map((problem) => problem.path)).toEqual(['/formVersionId', '/database']);
  });

  it('reads escaped pointer segments', () => {
    expect(errorSchemaFrom([{ path: '/data/a~1b/c~0d', message: 'x' }]).errorSchema).toEqual({
      'a/b': { 'c~d': { __errors: ['x'] } },
    });
  });

  it('names the control of a field as react-jsonschema-form does', () => {
    expect(fieldIdOf('/blocks/0/quantity')).toBe('root_blocks_0_quantity');
    expect(fieldIdOf('/')).toBe('root');
    expect(fieldIdOf('/name', 'preview')).toBe('preview_name');
  });
});

describe('field labels from the schema', () => {
  const schema = {
    type: 'object',
    properties: {
      blocks: {
        type: 'array',
        title: 'Specimens',
        items: { type: 'object', properties: { quantity: { type: 'number', title: 'Quantité' } } },
      },
      notes: { type: 'string' },
      pair: { type: 'array', items: [{ title: 'First' }, { title: 'Second' }] },
    },
    allOf: [{ if: {}, then: { properties: { reason: { type: 'string', title: 'Reason' } } } }],
  };

  it('joins the titles on the way, numbering array items from 1', () => {
    expect(fieldLabel(schema, '/blocks/0/quantity')).toBe('Specimens › 1 › Quantité');
    expect(fieldLabel(schema, '/pair/1')).toBe('pair › 2');
  });

  it('finds fields declared only in conditions, and keeps the name when there is no title', () => {
    expect(fieldLabel(schema, '/reason')).toBe('Reason');
    expect(fieldLabel(schema, '/notes')).toBe('notes');
    expect(fieldLabel(schema, '/unknown/x')).toBe('unknown › x');
    expect(fieldLabel(schema, '/')).toBe('');
  });
});

describe('JSON pointers', () => {
  it('splits and builds pointers with escapes', () => {
    expect(pointerSegments('/a~1b/0/c~0')).toEqual(['a/b', '0', 'c~']);
    expect(pointerSegments('/')).toEqual([]);
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('#/a')).toEqual(['a']);
    expect(pointerOf(['a/b', 0, 'c~'])).toBe('/a~1b/0/c~0');
    expect(pointerOf([])).toBe('/');
  });

  it('sorts problems by the document they are about', () => {
    const problems = [
      { path: '/schema/properties/x', message: 'a' },
      { path: '/schema', message: 'b' },
      { path: '/schemata', message: 'c' },
      { path: '/uiSchema/x', message: 'd' },
      { path: '', message: 'e' },
    ];
    expect(problemsUnder(problems, '/schema')).toEqual([
      { path: '/properties/x', message: 'a' },
      { path: '/', message: 'b' },
    ]);
    expect(problemsOutside(problems, ['/schema', '/uiSchema']).map((problem) => problem.message)).toEqual([
      'c',
      'e',
    ]);
  });
});
