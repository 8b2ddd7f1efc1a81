import { REQUIREMENT_CODES } from '../../domain/convention/requirement-codes';
import { COMPLETENESS_CHECK, FINAL_DECISION } from './base-steps';
import type { DefinitionProblem, ProcedureDefinition } from './definition';
import { formShape } from './form-fields';
import { checkRule } from './rule-guard';

const CONVENTION_STEP_IDS: ReadonlySet<string> = new Set<string>(REQUIREMENT_CODES);
const BASE_STEP_IDS: ReadonlySet<string> = new Set([COMPLETENESS_CHECK, FINAL_DECISION]);

function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return repeated;
}

/**
 * Checks a procedure definition (already of the right shape) against the form it is bound to before
 * it may be saved: unique ids, national steps that do not pose as the Convention's, every step a
 * row names known, and every rule safe and reading only fields the form has.
 */
export function checkDefinition(
  definition: ProcedureDefinition,
  formSchema: Record<string, unknown>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const nationalIds = definition.steps.map((step) => step.id);
  definition.steps.forEach((step, index) => {
    if (CONVENTION_STEP_IDS.has(step.id) || BASE_STEP_IDS.has(step.id)) {
      problems.push({
        path: `/definition/steps/${index}/id`,
        message: `"${step.id}" is a step Pangolin always runs; a national step needs its own id`,
      });
    }
  });
  for (const id of duplicates(nationalIds)) {
    problems.push({ path: '/definition/steps', message: `the step id "${id}" is used twice` });
  }
  for (const id of duplicates(definition.tables.map((table) => table.id))) {
    problems.push({ path: '/definition/tables', message: `the table id "${id}" is used twice` });
  }
  for (const id of duplicates(definition.testCases.map((testCase) => testCase.id))) {
    problems.push({ path: '/definition/testCases', message: `the test case id "${id}" is used twice` });
  }

  const national = new Set(nationalIds);
  const anyStep = (id: string) => national.has(id) || CONVENTION_STEP_IDS.has(id) || BASE_STEP_IDS.has(id);
  const form = formShape(formSchema);
  definition.tables.forEach((table, tableIndex) => {
    const at = `/definition/tables/${tableIndex}`;
    for (const id of duplicates(table.rows.map((row) => row.id))) {
      problems.push({ path: `${at}/rows`, message: `the row id "${id}" is used twice in this table` });
    }
    table.rows.forEach((row, rowIndex) => {
      const rowAt = `${at}/rows/${rowIndex}`;
      problems.push(...checkRule(row.when, form, `${rowAt}/when`));
      const named: [keyof typeof row.then, readonly string[] | undefined, (id: string) => boolean][] = [
        ['addSteps', row.then.addSteps, (id) => national.has(id)],
        ['skipSteps', row.then.skipSteps, anyStep],
        ['automaticSteps', row.then.automaticSteps, anyStep],
        ['deadlines', Object.keys(row.then.deadlines ?? {}), anyStep],
      ];
      for (const [field, ids, known] of named) {
        for (const id of ids ?? []) {
          if (!known(id)) {
            problems.push({
              path: `${rowAt}/then/${field}`,
              message:
                field === 'addSteps'
                  ? `"${id}" is not one of the procedure's national steps`
                  : `"${id}" is not a step of this procedure`,
            });
          }
        }
      }
    });
  });
  return problems;
}
