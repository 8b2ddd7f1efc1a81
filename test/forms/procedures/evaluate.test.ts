import { conventionRequirements } from '../../../domain/convention/requirements';
import type { DecisionTable, ProcedureDefinition } from '../../../forms/procedures/definition';
import { evaluateProcedure, matchRows } from '../../../forms/procedures/evaluate';

const table = (hitPolicy: 'first' | 'collect'): DecisionTable => ({
  id: 'fees',
  hitPolicy,
  rows: [
    { id: 'trade', when: { '==': [{ var: 'purpose' }, 'T'] }, then: { fee: 100 } },
    { id: 'live', when: { '==': [{ var: 'live' }, true] }, then: { fee: 50 } },
    { id: 'always', when: true, then: { fee: 1 } },
  ],
});

describe('hit policies', () => {
  it.each([
    ['first', { purpose: 'T', live: true }, ['trade']],
    ['first', { purpose: 'P', live: true }, ['live']],
    ['first', { purpose: 'P', live: false }, ['always']],
    ['collect', { purpose: 'T', live: true }, ['trade', 'live', 'always']],
    ['collect', { purpose: 'P', live: false }, ['always']],
  ] as const)('%s over %j matches %j', (policy, data, ids) => {
    expect(matchRows(table(policy), data).ids).toEqual(ids);
  });
});

const procedure = (tables: DecisionTable[]): ProcedureDefinition => ({
  formId: 'export-permit',
  currency: 'KES',
  defaultDeadlineDays: 10,
  steps: [
    { id: 'veterinary-check', title: { en: 'Vet', fr: 'Vét', es: 'Vet' }, actor: 'vets', deadlineDays: 4 },
  ],
  tables,
  testCases: [],
});

const wildAppendixII = conventionRequirements({
  documentType: 'export',
  appendix: 'II',
  source: 'W',
  purpose: 'T',
  exportingCountry: 'KE',
  importingCountry: 'DE',
}).requirements;

describe('evaluateProcedure', () => {
  it('adds fees of every matched row, keeps the first routing, records matched rows', () => {
    const outcome = evaluateProcedure(
      procedure([
        table('collect'),
        {
          id: 'routing',
          hitPolicy: 'collect',
          rows: [
            { id: 'a', when: true, then: { office: 'north', officerGroup: 'desk-a' } },
            { id: 'b', when: true, then: { office: 'south', officerGroup: 'desk-b' } },
          ],
        },
      ]),
      { purpose: 'T', live: true },
      wildAppendixII,
    );
    expect(outcome.fee).toEqual({ amount: 151, currency: 'KES' });
    expect(outcome.routing).toEqual({ office: 'north', officerGroup: 'desk-a' });
    expect(outcome.matchedRows).toEqual([
      { tableId: 'fees', rowIds: ['trade', 'live', 'always'] },
      { tableId: 'routing', rowIds: ['a', 'b'] },
    ]);
  });

  it('lays out the Convention steps between completeness and decision, with national steps added', () => {
    const outcome = evaluateProcedure(
      procedure([
        {
          id: 'steps',
          hitPolicy: 'collect',
          rows: [
            {
              id: 'vet',
              when: true,
              then: { addSteps: ['veterinary-check'], deadlines: { 'sa-non-detriment': 20 } },
            },
          ],
        },
      ]),
      {},
      wildAppendixII,
    );
    expect(outcome.steps.map((step) => [step.id, step.deadlineDays, step.actor])).toEqual([
      ['completeness-check', 10, 'ma_officer'],
      ['sa-non-detriment', 20, 'sa_officer'],
      ['ma-legal-acquisition', 10, 'ma_officer'],
      ['sa-export-monitoring', 10, 'sa_officer'],
      ['veterinary-check', 4, 'vets'],
      ['final-decision', 10, 'ma_officer'],
    ]);
    expect(outcome.steps[1]!.conventionArticle).toBe('Art. IV.2(a)');
  });

  it('never drops a Convention step, and lets rules make only Management Authority findings', () => {
    const outcome = evaluateProcedure(
      procedure([
        {
          id: 'bad',
          hitPolicy: 'collect',
          rows: [
            {
              id: 'r1',
              when: true,
              then: {
                skipSteps: ['sa-non-detriment'],
                automaticSteps: ['sa-export-monitoring', 'ma-legal-acquisition'],
              },
            },
          ],
        },
      ]),
      {},
      wildAppendixII,
    );
    const byId = Object.fromEntries(outcome.steps.map((step) => [step.id, step]));
    expect(byId['sa-non-detriment']).toBeDefined();
    expect(byId['sa-export-monitoring']!.automatic).toBe(false);
    expect(byId['ma-legal-acquisition']!.automatic).toBe(true);
  });

  it.each([
    [[true], true],
    [[true, false], false],
    [[], false],
  ])('auto-approval from rows %j is %s', (flags, expected) => {
    const outcome = evaluateProcedure(
      procedure([
        {
          id: 'approval',
          hitPolicy: 'collect',
          rows: flags.map((flag, index) => ({ id: `r${index}`, when: true, then: { autoApprove: flag } })),
        },
      ]),
      {},
      [],
    );
    expect(outcome.autoApprove).toBe(expected);
    expect(outcome.steps.at(-1)).toMatchObject({ id: 'final-decision', automatic: expected });
  });

  it('keeps fees in whole cents', () => {
    const outcome = evaluateProcedure(
      procedure([
        {
          id: 'cents',
          hitPolicy: 'collect',
          rows: [
            { id: 'a', when: true, then: { fee: 0.1 } },
            { id: 'b', when: true, then: { fee: 0.2 } },
          ],
        },
      ]),
      {},
      [],
    );
    expect(outcome.fee.amount).toBe(0.3);
  });
});

describe('rules read the data, never its prototypes', () => {
  it.each(['purpose.constructor', '__proto__', 'blocks.0.constructor.name', 'purpose.length.constructor'])(
    'a rule that slipped past the save-time checks and reads %s finds nothing',
    (path) => {
      const outcome = matchRows(
        { id: 't', hitPolicy: 'first', rows: [{ id: 'r', when: { '!!': { var: path } }, then: {} }] },
        { purpose: 'T', blocks: [{}] },
      );
      expect(outcome.ids).toEqual([]);
    },
  );
});
