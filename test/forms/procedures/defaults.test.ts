import { DEFAULT_FORMS } from '../../../forms/defaults';
import { DEFAULT_PROCEDURES } from '../../../forms/defaults/procedures';
import { checkDefinition } from '../../../forms/procedures/check-definition';
import { conventionGuard } from '../../../forms/procedures/convention-guard';
import { runTestCases } from '../../../forms/procedures/test-cases';

describe.each(DEFAULT_PROCEDURES.map((procedure) => [procedure.id, procedure] as const))(
  'the default procedure %s',
  (_id, procedure) => {
    const form = DEFAULT_FORMS.find((candidate) => candidate.id === procedure.definition.formId)!;

    it('is bound to a default form of its document type', () => {
      expect(form.documentType).toBe(procedure.documentType);
    });

    it('reads only fields its form has and names only steps it knows', () => {
      expect(checkDefinition(procedure.definition, form.content.schema)).toEqual([]);
    });

    it('passes the Convention guard', () => {
      expect(conventionGuard(procedure.definition, procedure.documentType, 'KE')).toEqual([]);
    });

    it('passes every one of its test cases', () => {
      const results = runTestCases(procedure.definition, procedure.documentType, 'KE');
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((result) => !result.passed).map((r) => [r.id, r.differences])).toEqual([]);
    });
  },
);

describe('test case comparison', () => {
  it('reports each difference at its path', () => {
    const procedure = DEFAULT_PROCEDURES[0]!;
    const broken = {
      ...procedure.definition,
      testCases: [
        {
          ...procedure.definition.testCases[0]!,
          expect: { fee: 1, steps: ['final-decision'], autoApprove: true },
        },
      ],
    };
    const [result] = runTestCases(broken, procedure.documentType, 'KE');
    expect(result!.passed).toBe(false);
    expect(result!.differences.map((difference) => difference.path)).toEqual([
      '/steps',
      '/fee',
      '/autoApprove',
    ]);
    expect(result!.differences[1]).toEqual({ path: '/fee', expected: 1, actual: 5000 });
  });
});
