import type { CountryCode, DocumentType } from '../../domain/codes/types';
import type { RequirementCode } from '../../domain/convention/requirement-codes';
import { mayBeMadeByRule } from './base-steps';
import { requirementsOfApplication, sampleCases } from './case-facts';
import type { DefinitionProblem, ProcedureDefinition } from './definition';
import { decideRules } from './evaluate';

type Violation = 'skips' | 'makes-by-rule';

interface Finding {
  code: RequirementCode;
  article: string;
  violation: Violation;
  example: string;
  rows: Set<string>;
  cases: number;
}

const DOCUMENT_NAMES: Partial<Record<DocumentType, string>> = {
  export: 'export',
  're-export': 're-export',
  import: 'import',
};

/**
 * The Convention guard: tries the procedure on every kind of case (each Appendix, source, purpose,
 * live or not) and on its own test cases, and reports each Convention step a rule would skip, or
 * would have a rule make where only an authority may. National rules add; they never remove.
 */
export function conventionGuard(
  definition: ProcedureDefinition,
  documentType: DocumentType,
  party: CountryCode,
): DefinitionProblem[] {
  const findings = new Map<string, Finding>();
  const cases = [
    ...sampleCases(documentType, party).map((sample) => ({
      data: sample.data,
      label: `an Appendix ${sample.appendix} ${DOCUMENT_NAMES[documentType] ?? documentType} of source ${sample.source} for purpose ${sample.purpose}${sample.live ? ', alive' : ''}`,
    })),
    ...definition.testCases.map((testCase) => ({ data: testCase.data, label: `test case ${testCase.id}` })),
  ];
  for (const { data, label } of cases) {
    const required = requirementsOfApplication(documentType, party, data);
    if (required.length === 0) continue;
    const decisions = decideRules(definition, data);
    for (const requirement of required) {
      if (requirement.authority === 'border') continue;
      const violations: Violation[] = [];
      if (decisions.skipSteps.has(requirement.code)) violations.push('skips');
      if (decisions.automaticSteps.has(requirement.code) && !mayBeMadeByRule(requirement.code)) {
        violations.push('makes-by-rule');
      }
      for (const violation of violations) {
        const key = `${requirement.code}:${violation}`;
        const finding = findings.get(key) ?? {
          code: requirement.code,
          article: requirement.article,
          violation,
          example: label,
          rows: new Set<string>(),
          cases: 0,
        };
        finding.cases++;
        for (const row of rowsNaming(definition, decisions.matchedRows, requirement.code, violation)) {
          finding.rows.add(row);
        }
        findings.set(key, finding);
      }
    }
  }
  return [...findings.values()].map((finding) => ({
    path: '/definition/tables',
    message:
      (finding.violation === 'skips'
        ? `The procedure skips the step "${finding.code}", which the Convention requires (${finding.article})`
        : `The procedure has a rule make the finding "${finding.code}" (${finding.article}), which only the authority itself can make`) +
      ` — for example for ${finding.example}${finding.cases > 1 ? ` and ${finding.cases - 1} other kinds of case` : ''}` +
      ` (rows ${[...finding.rows].join(', ')}). National rules may add steps, never remove them.`,
  }));
}

function rowsNaming(
  definition: ProcedureDefinition,
  matched: readonly { tableId: string; rowIds: string[] }[],
  code: RequirementCode,
  violation: Violation,
): string[] {
  return matched.flatMap(({ tableId, rowIds }) => {
    const table = definition.tables.find((candidate) => candidate.id === tableId);
    return rowIds
      .filter((rowId) => {
        const row = table?.rows.find((candidate) => candidate.id === rowId);
        const named = violation === 'skips' ? row?.then.skipSteps : row?.then.automaticSteps;
        return named?.includes(code) ?? false;
      })
      .map((rowId) => `${tableId}/${rowId}`);
  });
}
