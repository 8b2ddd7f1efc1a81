import { randomBytes } from 'node:crypto';
import { isPurposeCode, isSourceCode, isTermCode, isCountryCode } from '../../domain/codes/lookups';
import { isIsoDate } from '../../domain/validity';
import type {
  FindingScope,
  NonDetrimentFindingRecord,
  NonDetrimentFindingRepository,
} from '../../store/non-detriment-findings';
import { invalid, type FieldProblem } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

export interface FindingInput {
  decision: 'positive' | 'negative';
  scope: FindingScope;
  conditions?: string;
  validFrom: string;
  validUntil: string;
  evidence?: string[];
}

const codeChecks: [keyof FindingScope, (value: unknown) => boolean, string][] = [
  ['countries', isCountryCode, 'is not an ISO country code'],
  ['sources', isSourceCode, 'is not a CITES source code'],
  ['terms', isTermCode, 'is not a CITES term code'],
  ['purposes', isPurposeCode, 'is not a CITES purpose code'],
];

/**
 * Standing non-detriment findings: a Scientific Authority officer signs one for a species and the
 * trade its scope describes, for a period; lifecycles then settle the NDF step of every
 * application it covers without a new task, and the permit records which finding it relied on.
 */
export class NonDetrimentFindingService {
  constructor(
    private readonly party: string,
    private readonly findings: NonDetrimentFindingRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sign(caller: Caller, input: FindingInput): Promise<NonDetrimentFindingRecord> {
    const officer = requirePermission(caller, 'findings.sign');
    const problems: FieldProblem[] = [];
    for (const [field, known, message] of codeChecks) {
      (input.scope[field] as string[] | undefined)?.forEach((code, index) => {
        if (!known(code)) problems.push({ path: `/scope/${field}/${index}`, message });
      });
    }
    if (!isIsoDate(input.validFrom))
      problems.push({ path: '/validFrom', message: 'is not a date (YYYY-MM-DD)' });
    if (!isIsoDate(input.validUntil))
      problems.push({ path: '/validUntil', message: 'is not a date (YYYY-MM-DD)' });
    else if (input.validUntil < input.validFrom) {
      problems.push({ path: '/validUntil', message: 'is before the start of validity' });
    }
    if (input.decision === 'negative' && !input.conditions?.trim()) {
      problems.push({ path: '/conditions', message: 'must give the reasons of a negative finding' });
    }
    if (problems.length > 0) throw invalid('The finding cannot be signed as it is.', problems);
    const finding: NonDetrimentFindingRecord = {
      id: `NDF-${this.party}-${randomBytes(5).toString('hex').toUpperCase()}`,
      party: this.party,
      decision: input.decision,
      scope: input.scope,
      ...(input.conditions?.trim() ? { conditions: input.conditions.trim() } : {}),
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      evidence: input.evidence ?? [],
      signedBy: officer.userId,
      signedAt: this.now(),
    };
    await this.findings.create(finding);
    await this.audit.record(caller, {
      action: 'non-detriment-finding.signed',
      objectType: 'non-detriment-finding',
      objectId: finding.id,
      after: finding,
    });
    return finding;
  }

  async list(caller: Caller): Promise<NonDetrimentFindingRecord[]> {
    requirePermission(caller, 'findings.read');
    return this.findings.list(200);
  }
}
