import type { LocalizedText } from '../../domain/codes/types';

/** A JSON Logic expression as stored: plain JSON, checked by {@link checkRule} before it is saved. */
export type JsonLogicRule = boolean | number | string | null | JsonLogicRule[] | { [op: string]: unknown };

/** A step a Party adds to its procedure on top of the Convention's, such as a veterinary check. */
export interface NationalStep {
  /** Kebab-case, e.g. `veterinary-check`; never one of the Convention's requirement codes. */
  readonly id: string;
  readonly title: LocalizedText;
  /** The role or officer group that acts on it. */
  readonly actor: string;
  readonly deadlineDays: number;
}

/** What a matched row contributes to the outcome. */
export interface RowResult {
  /** Kinds of evidence the applicant must attach (e.g. `veterinary-certificate`). */
  readonly requiredEvidence?: readonly string[];
  /** Added to the fee, in the procedure's currency. */
  readonly fee?: number;
  readonly office?: string;
  readonly officerGroup?: string;
  /** National steps (by id) this case goes through. */
  readonly addSteps?: readonly string[];
  /** National steps this case does without; Convention steps can never be skipped. */
  readonly skipSteps?: readonly string[];
  /** Management Authority findings the national law lets a rule make, e.g. legal acquisition from a registered farm. */
  readonly automaticSteps?: readonly string[];
  /** Days allowed per step id, overriding the default. */
  readonly deadlines?: Readonly<Record<string, number>>;
  /** Whether the final decision may be taken automatically once every finding is made. */
  readonly autoApprove?: boolean;
}

export interface DecisionRow {
  readonly id: string;
  readonly when: JsonLogicRule;
  readonly then: RowResult;
}

/**
 * A decision table: `first` takes the first row whose test holds, `collect` every such row. The ids
 * of the rows that matched are kept with the outcome, so each decision can be explained.
 */
export interface DecisionTable {
  readonly id: string;
  readonly title?: string;
  readonly hitPolicy: 'first' | 'collect';
  readonly rows: readonly DecisionRow[];
}

/** What a test case expects; only the keys given are compared. */
export interface ExpectedOutcome {
  readonly requiredEvidence?: readonly string[];
  readonly fee?: number;
  readonly office?: string;
  readonly officerGroup?: string;
  /** Ids of every step the case goes through, in any order. */
  readonly steps?: readonly string[];
  readonly automaticSteps?: readonly string[];
  readonly autoApprove?: boolean;
  readonly deadlines?: Readonly<Record<string, number>>;
  readonly matchedRows?: Readonly<Record<string, readonly string[]>>;
}

export interface ProcedureTestCase {
  readonly id: string;
  readonly description?: string;
  /** Form data as an applicant would submit it. */
  readonly data: Record<string, unknown>;
  readonly expect: ExpectedOutcome;
}

/** A national procedure for one document type: its rules, its extra steps and the cases that prove them. */
export interface ProcedureDefinition {
  /** The national form whose fields the rules may read. */
  readonly formId: string;
  /** ISO 4217, e.g. `KES`. */
  readonly currency: string;
  /** Days allowed for a step no rule gives a deadline. */
  readonly defaultDeadlineDays: number;
  readonly steps: readonly NationalStep[];
  readonly tables: readonly DecisionTable[];
  readonly testCases: readonly ProcedureTestCase[];
}

/** One step of a case, in the order it is worked. */
export interface OutcomeStep {
  readonly id: string;
  readonly title: LocalizedText;
  readonly actor: string;
  readonly deadlineDays: number;
  /** Made by a rule of national law rather than by an officer. */
  readonly automatic: boolean;
  /** For the Convention's own steps, the provision requiring it. */
  readonly conventionArticle?: string;
}

/** What the procedure decided for one application; stored with it and recorded in the workflow history. */
export interface ProcedureOutcome {
  readonly requiredEvidence: string[];
  readonly fee: { amount: number; currency: string };
  readonly routing: { office?: string; officerGroup?: string };
  readonly steps: OutcomeStep[];
  readonly autoApprove: boolean;
  readonly matchedRows: { tableId: string; rowIds: string[] }[];
}

/** A problem with a definition, at its JSON pointer. */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}
