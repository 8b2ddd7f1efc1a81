import type { CountryCode, DocumentType } from '../../domain/codes/types';
import { requirementsOfApplication } from './case-facts';
import type { ExpectedOutcome, ProcedureDefinition, ProcedureOutcome } from './definition';
import { evaluateProcedure } from './evaluate';

/** Where a test case's outcome differs from what it expects. */
export interface OutcomeDifference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface TestCaseResult {
  readonly id: string;
  readonly description?: string;
  readonly passed: boolean;
  readonly expected: ExpectedOutcome;
  readonly actual: ProcedureOutcome;
  readonly differences: OutcomeDifference[];
}

const sorted = (list: readonly string[]) => [...list].sort();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** The parts of an outcome a test case can state, in the form it states them. */
function comparable(outcome: ProcedureOutcome) {
  return {
    requiredEvidence: outcome.requiredEvidence,
    fee: outcome.fee.amount,
    office: outcome.routing.office,
    officerGroup: outcome.routing.officerGroup,
    steps: outcome.steps.map((step) => step.id),
    automaticSteps: outcome.steps.filter((step) => step.automatic).map((step) => step.id),
    autoApprove: outcome.autoApprove,
    deadlines: Object.fromEntries(outcome.steps.map((step) => [step.id, step.deadlineDays])),
    matchedRows: Object.fromEntries(outcome.matchedRows.map((table) => [table.tableId, table.rowIds])),
  };
}

/**
 * Compares an outcome with what a test case expects; only the keys it states count, lists of ids
 * compare in any order (rows within a table in their order), deadlines only for the steps named.
 */
export function compareOutcome(expected: ExpectedOutcome, outcome: ProcedureOutcome): OutcomeDifference[] {
  const actual = comparable(outcome);
  const differences: OutcomeDifference[] = [];
  const differ = (path: string, want: unknown, got: unknown) =>
    differences.push({ path, expected: want, actual: got ?? null });

  for (const key of ['requiredEvidence', 'steps', 'automaticSteps'] as const) {
    const want = expected[key];
    if (want !== undefined && !sameSet(want, actual[key])) differ(`/${key}`, want, actual[key]);
  }
  for (const key of ['fee', 'office', 'officerGroup', 'autoApprove'] as const) {
    const want = expected[key];
    if (want !== undefined && want !== actual[key]) differ(`/${key}`, want, actual[key]);
  }
  for (const [step, days] of Object.entries(expected.deadlines ?? {})) {
    if (actual.deadlines[step] !== days) differ(`/deadlines/${step}`, days, actual.deadlines[step]);
  }
  for (const [table, rows] of Object.entries(expected.matchedRows ?? {})) {
    const got = actual.matchedRows[table];
    if (JSON.stringify(got) !== JSON.stringify(rows)) differ(`/matchedRows/${table}`, rows, got);
  }
  return differences;
}

/** Runs every test case of a procedure; it may be published only when all pass. */
export function runTestCases(
  definition: ProcedureDefinition,
  documentType: DocumentType,
  party: CountryCode,
): TestCaseResult[] {
  return definition.testCases.map((testCase) => {
    const actual = evaluateProcedure(
      definition,
      testCase.data,
      requirementsOfApplication(documentType, party, testCase.data),
    );
    const differences = compareOutcome(testCase.expect, actual);
    return {
      id: testCase.id,
      ...(testCase.description !== undefined ? { description: testCase.description } : {}),
      passed: differences.length === 0,
      expected: testCase.expect,
      actual,
      differences,
    };
  });
}
