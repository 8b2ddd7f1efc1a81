import { conventionGuard } from '../../../forms/procedures/convention-guard';
import type { DecisionTable, ProcedureDefinition } from '../../../forms/procedures/definition';

const withTable = (table: DecisionTable): ProcedureDefinition => ({
  formId: 'export-permit',
  currency: 'KES',
  defaultDeadlineDays: 10,
  steps: [
    { id: 'veterinary-check', title: { en: 'Vet', fr: 'Vét', es: 'Vet' }, actor: 'vets', deadlineDays: 4 },
  ],
  tables: [table],
  testCases: [],
});

const appendixIIWild = {
  and: [
    { some: [{ var: 'blocks' }, { '==': [{ var: 'appendix' }, 'II'] }] },
    { some: [{ var: 'blocks' }, { '==': [{ var: 'source' }, 'W'] }] },
  ],
};

describe('the Convention guard', () => {
  it('refuses a procedure removing the NDF step for Appendix-II wild exports, naming the row and a case', () => {
    const problems = conventionGuard(
      withTable({
        id: 'shortcuts',
        hitPolicy: 'first',
        rows: [{ id: 'no-ndf', when: appendixIIWild, then: { skipSteps: ['sa-non-detriment'] } }],
      }),
      'export',
      'KE',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /skips the step "sa-non-detriment", which the Convention requires \(Art\. IV\.2\(a\)\) — for example for an Appendix II export of source W for purpose \w.*\(rows shortcuts\/no-ndf\)/,
    );
  });

  it('refuses a rule making a Scientific Authority finding, or the Appendix-I import permit', () => {
    const problems = conventionGuard(
      withTable({
        id: 'automatic',
        hitPolicy: 'collect',
        rows: [
          { id: 'ndf', when: true, then: { automaticSteps: ['sa-non-detriment'] } },
          { id: 'import-permit', when: true, then: { automaticSteps: ['ma-import-permit-granted'] } },
        ],
      }),
      'export',
      'KE',
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('make the finding "sa-non-detriment"'),
      expect.stringContaining('make the finding "ma-import-permit-granted"'),
    ]);
  });

  it.each([
    ['adding a national step', { addSteps: ['veterinary-check'] }],
    ['skipping a national step', { skipSteps: ['veterinary-check'] }],
    ['a legal acquisition finding by rule', { automaticSteps: ['ma-legal-acquisition'] }],
    ['auto-approval', { autoApprove: true }],
    [
      'skipping the NDF where the Convention asks none (imports are not this form)',
      { skipSteps: ['sa-import-not-detrimental'] },
    ],
  ])('accepts %s', (_name, then) => {
    expect(
      conventionGuard(
        withTable({ id: 't', hitPolicy: 'first', rows: [{ id: 'r', when: true, then }] }),
        'export',
        'KE',
      ),
    ).toEqual([]);
  });

  it('also tries the procedure on its own test cases', () => {
    const definition: ProcedureDefinition = {
      ...withTable({
        id: 'odd',
        hitPolicy: 'first',
        rows: [
          {
            id: 'named-exporter',
            when: { '==': [{ var: 'exporter.name' }, 'Friend'] },
            then: { skipSteps: ['ma-legal-acquisition'] },
          },
        ],
      }),
      testCases: [
        {
          id: 'friend',
          data: {
            exporter: { name: 'Friend' },
            importer: { address: { country: 'DE' } },
            purpose: 'T',
            blocks: [{ appendix: 'II', source: 'W', description: { term: 'SKI' } }],
          },
          expect: {},
        },
      ],
    };
    expect(conventionGuard(definition, 'export', 'KE')[0]!.message).toContain(
      'for example for test case friend',
    );
  });
});
