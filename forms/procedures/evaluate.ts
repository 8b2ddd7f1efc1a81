import {
  REQUIREMENT_CODES,
  REQUIREMENT_LABELS,
  type RequirementCode,
} from '../../domain/convention/requirement-codes';
import type { ConventionRequirement } from '../../domain/convention/requirements';
import {
  BASE_STEP_TITLES,
  COMPLETENESS_CHECK,
  conventionStepActor,
  FINAL_DECISION,
  mayBeMadeByRule,
} from './base-steps';
import { compileRule, truthy, type CompiledRule } from './compile-rule';
import type {
  DecisionRow,
  DecisionTable,
  OutcomeStep,
  ProcedureDefinition,
  ProcedureOutcome,
  RowResult,
} from './definition';

const isRequirementCode = (id: string): id is RequirementCode =>
  (REQUIREMENT_CODES as readonly string[]).includes(id);

const compiledRules = new WeakMap<object, CompiledRule>();

/** A row's test, compiled once per row object (published versions are kept, so once per version). */
function compiledTest(row: DecisionRow): CompiledRule {
  let compiled = compiledRules.get(row);
  if (!compiled) {
    compiled = compileRule(row.when);
    compiledRules.set(row, compiled);
  }
  return compiled;
}

/** The rows of a table that apply to the data, by its hit policy, with their ids. */
export function matchRows(table: DecisionTable, data: unknown): { results: RowResult[]; ids: string[] } {
  const results: RowResult[] = [];
  const ids: string[] = [];
  for (const row of table.rows) {
    if (!truthy(compiledTest(row)(data))) continue;
    results.push(row.then);
    ids.push(row.id);
    if (table.hitPolicy === 'first') break;
  }
  return { results, ids };
}

/** The rows' contributions merged, before the steps are laid out; the Convention guard reads them too. */
export interface RuleDecisions {
  readonly requiredEvidence: ReadonlySet<string>;
  readonly addSteps: ReadonlySet<string>;
  readonly skipSteps: ReadonlySet<string>;
  readonly automaticSteps: ReadonlySet<string>;
  readonly deadlines: ReadonlyMap<string, number>;
  readonly routing: { office?: string; officerGroup?: string };
  readonly fee: number;
  readonly autoApprove: boolean;
  readonly matchedRows: ProcedureOutcome['matchedRows'];
}

/**
 * Runs the tables in order over the form data (rules read own properties only) and merges their matched
 * rows: evidence and steps collected, fees added, the first office and group kept, later deadlines
 * overriding earlier ones, auto-approval only if some row allows it and none forbids it.
 */
export function decideRules(definition: ProcedureDefinition, data: Record<string, unknown>): RuleDecisions {
  const requiredEvidence = new Set<string>();
  const addSteps = new Set<string>();
  const skipSteps = new Set<string>();
  const automaticSteps = new Set<string>();
  const deadlines = new Map<string, number>();
  const routing: { office?: string; officerGroup?: string } = {};
  const matchedRows: ProcedureOutcome['matchedRows'] = [];
  let fee = 0;
  let approvalAllowed = false;
  let approvalForbidden = false;

  for (const table of definition.tables) {
    const matched = matchRows(table, data);
    matchedRows.push({ tableId: table.id, rowIds: matched.ids });
    for (const result of matched.results) {
      result.requiredEvidence?.forEach((kind) => requiredEvidence.add(kind));
      result.addSteps?.forEach((id) => addSteps.add(id));
      result.skipSteps?.forEach((id) => skipSteps.add(id));
      result.automaticSteps?.forEach((id) => automaticSteps.add(id));
      for (const [id, days] of Object.entries(result.deadlines ?? {})) deadlines.set(id, days);
      fee += result.fee ?? 0;
      routing.office ??= result.office;
      routing.officerGroup ??= result.officerGroup;
      if (result.autoApprove === true) approvalAllowed = true;
      if (result.autoApprove === false) approvalForbidden = true;
    }
  }
  return {
    requiredEvidence,
    addSteps,
    skipSteps,
    automaticSteps,
    deadlines,
    routing: Object.fromEntries(Object.entries(routing).filter(([, value]) => value !== undefined)),
    fee: roundMoney(fee),
    autoApprove: approvalAllowed && !approvalForbidden,
    matchedRows,
  };
}

/**
 * Works out a national procedure for one application (see {@link decideRules}) and lays out its
 * steps: the completeness check, the Convention's findings for the case, the national steps the
 * rules add, and the final decision. The Convention's steps are always there, whatever the rules
 * say; rules only add national steps or let national law make a Management Authority finding.
 */
export function evaluateProcedure(
  definition: ProcedureDefinition,
  data: Record<string, unknown>,
  conventionRequirements: readonly ConventionRequirement[],
): ProcedureOutcome {
  const decisions = decideRules(definition, data);
  const { deadlines, autoApprove } = decisions;
  const automatic = decisions.automaticSteps;
  const added = decisions.addSteps;
  const skipped = decisions.skipSteps;
  const deadlineOf = (id: string, fallback = definition.defaultDeadlineDays) => deadlines.get(id) ?? fallback;
  const steps: OutcomeStep[] = [
    {
      id: COMPLETENESS_CHECK,
      title: BASE_STEP_TITLES[COMPLETENESS_CHECK]!,
      actor: 'ma_officer',
      deadlineDays: deadlineOf(COMPLETENESS_CHECK),
      automatic: false,
    },
  ];
  const seen = new Set<string>();
  for (const requirement of conventionRequirements) {
    if (requirement.authority === 'border' || seen.has(requirement.code)) continue;
    seen.add(requirement.code);
    steps.push({
      id: requirement.code,
      title: REQUIREMENT_LABELS[requirement.code],
      actor: conventionStepActor(requirement.code),
      deadlineDays: deadlineOf(requirement.code),
      automatic: automatic.has(requirement.code) && mayBeMadeByRule(requirement.code),
      conventionArticle: requirement.article,
    });
  }
  for (const step of definition.steps) {
    if (!added.has(step.id) || skipped.has(step.id) || isRequirementCode(step.id)) continue;
    steps.push({
      id: step.id,
      title: step.title,
      actor: step.actor,
      deadlineDays: deadlineOf(step.id, step.deadlineDays),
      automatic: automatic.has(step.id),
    });
  }
  steps.push({
    id: FINAL_DECISION,
    title: BASE_STEP_TITLES[FINAL_DECISION]!,
    actor: 'ma_officer',
    deadlineDays: deadlineOf(FINAL_DECISION),
    automatic: autoApprove,
  });

  return {
    requiredEvidence: [...decisions.requiredEvidence].sort(),
    fee: { amount: decisions.fee, currency: definition.currency },
    routing: decisions.routing,
    steps,
    autoApprove,
    matchedRows: decisions.matchedRows,
  };
}

/** Fees are money: two decimals, without binary fractions creeping in from sums like 0.1 + 0.2. */
function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
