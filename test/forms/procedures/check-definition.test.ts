import { DEFAULT_FORMS } from '../../../forms/defaults';
import { checkDefinition } from '../../../forms/procedures/check-definition';
import type { ProcedureDefinition } from '../../../forms/procedures/definition';

const schema = DEFAULT_FORMS.find((form) => form.id === 'export-permit')!.content.schema;
const base: ProcedureDefinition = {
  formId: 'export-permit',
  currency: 'KES',
  defaultDeadlineDays: 10,
  steps: [
    { id: 'veterinary-check', title: { en: 'Vet', fr: 'Vét', es: 'Vet' }, actor: 'vets', deadlineDays: 4 },
  ],
  tables: [],
  testCases: [],
};

describe('checkDefinition', () => {
  it.each<[string, Partial<ProcedureDefinition>, { path: string; message: string }]>([
    [
      'a national step posing as a Convention step',
      {
        steps: [
          { id: 'sa-non-detriment', title: { en: 'x', fr: 'x', es: 'x' }, actor: 'a', deadlineDays: 1 },
        ],
      },
      {
        path: '/definition/steps/0/id',
        message: '"sa-non-detriment" is a step Pangolin always runs; a national step needs its own id',
      },
    ],
    [
      'two tables with one id',
      {
        tables: [
          { id: 'fees', hitPolicy: 'first', rows: [] },
          { id: 'fees', hitPolicy: 'first', rows: [] },
        ],
      },
      { path: '/definition/tables', message: 'the table id "fees" is used twice' },
    ],
    [
      'a row adding a step the procedure lacks',
      {
        tables: [
          {
            id: 't',
            hitPolicy: 'first',
            rows: [{ id: 'r', when: true, then: { addSteps: ['quarantine'] } }],
          },
        ],
      },
      {
        path: '/definition/tables/0/rows/0/then/addSteps',
        message: '"quarantine" is not one of the procedure\'s national steps',
      },
    ],
    [
      'a deadline for an unknown step',
      {
        tables: [
          {
            id: 't',
            hitPolicy: 'first',
            rows: [{ id: 'r', when: true, then: { deadlines: { inspection: 3 } } }],
          },
        ],
      },
      {
        path: '/definition/tables/0/rows/0/then/deadlines',
        message: '"inspection" is not a step of this procedure',
      },
    ],
    [
      'a rule reading __proto__',
      {
        tables: [{ id: 't', hitPolicy: 'first', rows: [{ id: 'r', when: { var: '__proto__' }, then: {} }] }],
      },
      { path: '/definition/tables/0/rows/0/when/var', message: 'may not read "__proto__"' },
    ],
    [
      'two rows with one id',
      {
        tables: [
          {
            id: 't',
            hitPolicy: 'collect',
            rows: [
              { id: 'r', when: true, then: {} },
              { id: 'r', when: false, then: {} },
            ],
          },
        ],
      },
      { path: '/definition/tables/0/rows', message: 'the row id "r" is used twice in this table' },
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(checkDefinition({ ...base, ...change }, schema)).toContainEqual(problem);
  });

  it('accepts deadlines and skips for Convention and base steps', () => {
    const definition: ProcedureDefinition = {
      ...base,
      tables: [
        {
          id: 't',
          hitPolicy: 'first',
          rows: [
            {
              id: 'r',
              when: true,
              then: {
                deadlines: { 'final-decision': 3, 'sa-non-detriment': 30 },
                addSteps: ['veterinary-check'],
              },
            },
          ],
        },
      ],
    };
    expect(checkDefinition(definition, schema)).toEqual([]);
  });
});
