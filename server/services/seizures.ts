import { randomUUID } from 'node:crypto';
import {
  checkSeizure,
  illegalTradeCsvHeader,
  illegalTradeCsvLine,
  type Seizure,
  type SeizureFollowUp,
  type SeizureInput,
} from '../../domain/illegal-trade';
import type { ValidationIssue } from '../../domain/validation/issues';
import type { SeizureRepository } from '../../store/seizures';
import { invalid, notFound } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

/** A report file: its name and its lines, read from the database as they are written. */
export interface IllegalTradeReportFile {
  filename: string;
  lines: AsyncIterable<string>;
}

const SEIZURE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function refused(issues: readonly ValidationIssue[]) {
  return invalid(
    'Check the seizure record.',
    issues.map((found) => ({ path: found.path, message: found.message.en })),
  );
}

/** Drops absent and empty optional fields, so that a stored record holds only what was said. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  ) as T;
}

/**
 * Seizures of specimens in illegal trade, recorded by customs and the Management Authority, and the
 * annual illegal trade report made from them (Res. Conf. 11.17 (Rev. CoP18) para. 3). Every record and
 * follow-up is audited.
 */
export class SeizureService {
  constructor(
    private readonly party: string,
    private readonly seizures: SeizureRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(caller: Caller, input: SeizureInput): Promise<Seizure> {
    const officer = requirePermission(caller, 'seizures.record');
    const at = this.now();
    const issues = checkSeizure(input, at.toISOString().slice(0, 10));
    if (issues.length > 0) throw refused(issues);
    const seizure: Seizure = {
      ...compact({ ...input, unit: input.unit || undefined }),
      scientificName: input.scientificName.trim(),
      id: randomUUID(),
      party: this.party,
      recordedBy: officer.email,
      recordedAt: at,
    };
    await this.seizures.create(seizure);
    await this.audit.record(caller, {
      action: 'seizure.recorded',
      objectType: 'seizure',
      objectId: seizure.id,
      after: seizure,
    });
    return seizure;
  }

  /** The legal follow-up and disposal, once known; what is given replaces what was recorded. */
  async followUp(caller: Caller, id: string, change: SeizureFollowUp): Promise<Seizure> {
    requirePermission(caller, 'seizures.record');
    const before = SEIZURE_ID.test(id) ? await this.seizures.find(id) : undefined;
    if (!before) throw notFound(`Seizure ${id}`);
    const at = this.now();
    await this.seizures.followUp(id, change, at);
    const after = { ...before, ...change, updatedAt: at };
    await this.audit.record(caller, {
      action: 'seizure.followed-up',
      objectType: 'seizure',
      objectId: id,
      before: { legalAction: before.legalAction, disposal: before.disposal, notes: before.notes },
      after: change,
    });
    return after;
  }

  /** The seizures of a year, newest first. */
  async list(caller: Caller, query: { year: number; limit?: number }): Promise<Seizure[]> {
    requirePermission(caller, 'seizures.read');
    return this.seizures.inYear(query.year, query.limit ?? 500);
  }

  /** The annual illegal trade report of a year: one line per seizure record, streamed from the database. */
  async report(caller: Caller, year: number): Promise<IllegalTradeReportFile> {
    requirePermission(caller, 'reports.read');
    const thisYear = this.now().getUTCFullYear();
    if (year > thisYear) {
      throw invalid(`There is no report for ${year} yet: the year has not begun.`, [
        { path: '/year', message: `must be ${thisYear} or earlier` },
      ]);
    }
    const seizures = this.seizures.ofYear(year);
    return {
      filename: `illegal-trade-report-${this.party}-${year}.csv`,
      lines: (async function* () {
        yield illegalTradeCsvHeader();
        for await (const seizure of seizures) yield illegalTradeCsvLine(seizure);
      })(),
    };
  }
}
