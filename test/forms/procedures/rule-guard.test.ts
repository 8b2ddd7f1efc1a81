import { DEFAULT_FORMS } from '../../../forms/defaults';
import { formShape } from '../../../forms/procedures/form-fields';
import { checkRule } from '../../../forms/procedures/rule-guard';

const exportForm = formShape(DEFAULT_FORMS.find((form) => form.id === 'export-permit')!.content.schema);
const check = (rule: unknown) => checkRule(rule, exportForm, '/when');

describe('rules that may be saved', () => {
  it.each([
    ['a top-level field', { '==': [{ var: 'purpose' }, 'T'] }],
    ['a nested field', { '==': [{ var: 'importer.address.country' }, 'DE'] }],
    ['a block by index', { '==': [{ var: 'blocks.0.appendix' }, 'I'] }],
    ['the number of blocks', { '>': [{ var: 'blocks.length' }, 3] }],
    ['an element field inside some', { some: [{ var: 'blocks' }, { '==': [{ var: 'source' }, 'W'] }] }],
    ['a nested element field', { all: [{ var: 'blocks' }, { '==': [{ var: 'description.term' }, 'LIV'] }] }],
    ['a field declared only under then', { '!!': [{ var: 'importPermit.permitNumber' }] }],
    ['a var with a default', { '==': [{ var: ['purpose', 'T'] }, 'T'] }],
    ['missing with field names', { missing: ['purpose', 'live'] }],
    [
      'reduce over elements',
      { reduce: [{ var: 'blocks' }, { '+': [{ var: 'current.quantity' }, { var: 'accumulator' }] }, 0] },
    ],
    ['literals', true],
  ])('%s', (_name, rule) => {
    expect(check(rule)).toEqual([]);
  });
});

describe('rules refused at save, with the path of the problem', () => {
  it.each([
    ['__proto__', { var: '__proto__' }, '/when/var', 'may not read "__proto__"'],
    [
      'constructor deep in a path',
      { '==': [{ var: 'importer.constructor.name' }, 'x'] },
      '/when/==/0/var',
      'may not read "constructor"',
    ],
    [
      'prototype inside some',
      { some: [{ var: 'blocks' }, { var: 'prototype' }] },
      '/when/some/1/var',
      'may not read "prototype"',
    ],
    [
      'a field the form lacks',
      { '==': [{ var: 'fee' }, 1] },
      '/when/==/0/var',
      '"fee" is not a field of the form',
    ],
    [
      'an element field the blocks lack',
      { some: [{ var: 'blocks' }, { var: 'price' }] },
      '/when/some/1/var',
      '"price" is not a field of the form',
    ],
    [
      'a top-level field inside some',
      { some: [{ var: 'blocks' }, { var: 'purpose' }] },
      '/when/some/1/var',
      '"purpose" is not a field of the form',
    ],
    [
      'a computed path',
      { var: { cat: ['__pro', 'to__'] } },
      '/when/var',
      'a field path must be written out as text, not computed',
    ],
    ['an operator not allowed', { log: 'x' }, '/when/log', 'uses "log", which is not an allowed operator'],
    [
      'a method call',
      { method: [{ var: 'purpose' }, 'toString'] },
      '/when/method',
      'uses "method", which is not an allowed operator',
    ],
    [
      'two operators in one object',
      { '==': [1, 1], '!=': [1, 2] },
      '/when',
      'an operation is an object with exactly one operator',
    ],
    [
      'a missing field',
      { missing: ['purpose', 'colour'] },
      '/when/missing/1',
      '"colour" is not a field of the form',
    ],
  ])('%s', (_name, rule, path, message) => {
    expect(check(rule)).toContainEqual({ path, message });
  });

  it('refuses rules nested beyond any sensible depth', () => {
    let rule: unknown = { var: 'purpose' };
    for (let i = 0; i < 40; i++) rule = { '!': [rule] };
    expect(check(rule).map((problem) => problem.message)).toContain('nests deeper than 32 levels');
  });
});
