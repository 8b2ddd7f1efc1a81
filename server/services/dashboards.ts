import { counterpartPartyOf } from '../../activities/exchange/permit-message';
import { decodeSignedPermit } from '../../activities/signing/permit-signature';
import type { LocalizedText } from '../../domain/codes/types';
import { daysBetween, percentile, periodOf } from '../../domain/dashboards/figures';
import type { PermitDocument } from '../../domain/documents/model';
import { quotaFor, quotaWarningOf, type QuotaWarning } from '../../domain/quotas/export-quota';
import type { ApplicationRepository, ApplicationStatus } from '../../store/applications';
import type { ExportQuotaRepository, QuotaLedger } from '../../store/export-quotas';
import type { PermitRepository } from '../../store/permits';
import type { TaskRepository } from '../../store/tasks';
import { requirePermission, type Caller } from '../identity/permissions';

export interface ApplicationsOverTime {
  interval: 'week' | 'month';
  series: { period: string; counts: Partial<Record<ApplicationStatus, number>> }[];
}

export interface StepProcessingTime {
  step: string;
  title: LocalizedText;
  decided: number;
  medianDays: number;
  p90Days: number;
}

export interface PermitsIssued {
  bySpecies: { scientificName: string; permits: number; quantity: number }[];
  byPartner: { country: string; permits: number }[];
}

export interface QuotaMonitoring {
  quotaId: string;
  scientificName: string;
  quota: number | null;
  unit?: string;
  /** What issued permits hold (reserved at issuance, less what came back unused). */
  reserved: number;
  /** What customs endorsed as actually exported. */
  exported: number;
  warning: QuotaWarning;
}

const yearRange = (year: number) => ({
  from: new Date(Date.UTC(year, 0, 1)),
  to: new Date(Date.UTC(year + 1, 0, 1)),
});
const documentOf = (signedPermit: string) => decodeSignedPermit(signedPermit).content as PermitDocument;

/**
 * The figures behind the dashboards, computed by reading the records one at a time: applications
 * by status over time, how long each step takes, permits by species and partner, and exports
 * against quotas (the Scientific Authority's monitoring under Art. IV.3).
 */
export class DashboardService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly tasks: TaskRepository,
    private readonly permits: PermitRepository,
    private readonly quotas: ExportQuotaRepository,
    private readonly ledger: QuotaLedger,
  ) {}

  async applicationsOverTime(
    caller: Caller,
    range: { from: Date; to: Date; interval: 'week' | 'month' },
  ): Promise<ApplicationsOverTime> {
    requirePermission(caller, 'dashboards.read');
    const periods = new Map<string, Partial<Record<ApplicationStatus, number>>>();
    for await (const { submittedAt, status } of this.applications.submittedBetween(range.from, range.to)) {
      const period = periodOf(submittedAt, range.interval);
      const counts = periods.get(period) ?? {};
      counts[status] = (counts[status] ?? 0) + 1;
      periods.set(period, counts);
    }
    return {
      interval: range.interval,
      series: [...periods.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, counts]) => ({ period, counts })),
    };
  }

  async processingTimes(caller: Caller, range: { from: Date; to: Date }): Promise<StepProcessingTime[]> {
    requirePermission(caller, 'dashboards.read');
    const steps = new Map<string, { title: LocalizedText; days: number[] }>();
    for await (const task of this.tasks.decidedBetween(range.from, range.to)) {
      const step = steps.get(task.step) ?? { title: task.title, days: [] };
      step.days.push(daysBetween(task.openedAt, task.decidedAt));
      steps.set(task.step, step);
    }
    return [...steps.entries()].map(([step, { title, days }]) => {
      const sorted = days.sort((a, b) => a - b);
      return {
        step,
        title,
        decided: sorted.length,
        medianDays: Math.round(percentile(sorted, 0.5)! * 10) / 10,
        p90Days: Math.round(percentile(sorted, 0.9)! * 10) / 10,
      };
    });
  }

  async permitsIssued(caller: Caller, year: number): Promise<PermitsIssued> {
    requirePermission(caller, 'dashboards.read');
    const species = new Map<string, { permits: number; quantity: number }>();
    const partners = new Map<string, number>();
    const { from, to } = yearRange(year);
    for await (const permit of this.permits.issuedBetween(from, to)) {
      // A replacement stands for the permit it replaced: count the consignment once.
      if (permit.replaces || !permit.signedPermit) continue;
      const document = documentOf(permit.signedPermit);
      const partner = counterpartPartyOf(document);
      if (partner) partners.set(partner, (partners.get(partner) ?? 0) + 1);
      const named = new Set<string>();
      for (const block of document.specimens) {
        const entry = species.get(block.scientificName) ?? { permits: 0, quantity: 0 };
        if (!named.has(block.scientificName)) entry.permits++;
        named.add(block.scientificName);
        entry.quantity += block.quantity;
        species.set(block.scientificName, entry);
      }
    }
    return {
      bySpecies: [...species.entries()]
        .map(([scientificName, figures]) => ({ scientificName, ...figures }))
        .sort((a, b) => b.permits - a.permits || a.scientificName.localeCompare(b.scientificName)),
      byPartner: [...partners.entries()]
        .map(([country, permits]) => ({ country, permits }))
        .sort((a, b) => b.permits - a.permits || a.country.localeCompare(b.country)),
    };
  }

  async quotaMonitoring(caller: Caller, year: number): Promise<QuotaMonitoring[]> {
    requirePermission(caller, 'dashboards.read');
    const quotas = await this.quotas.ofYear(year);
    const exported = new Map<string, number>();
    const { from, to } = yearRange(year);
    for await (const permit of this.permits.issuedBetween(from, to)) {
      if (!permit.endorsement || !permit.signedPermit) continue;
      const document = documentOf(permit.signedPermit);
      document.specimens.forEach((block, index) => {
        const quota = quotaFor(
          quotas,
          {
            scientificName: block.scientificName,
            term: block.description.term,
            source: block.source,
            purpose: document.purpose,
            ...(block.unit ? { unit: block.unit } : {}),
          },
          year,
        );
        if (quota)
          exported.set(
            quota.id,
            (exported.get(quota.id) ?? 0) + (permit.endorsement!.quantities[index] ?? 0),
          );
      });
    }
    return Promise.all(
      quotas.map(async (quota) => {
        const { drawn } = await this.ledger.balance(quota.id);
        return {
          quotaId: quota.id,
          scientificName: quota.scientificName,
          quota: quota.quantity,
          ...(quota.unit ? { unit: quota.unit } : {}),
          reserved: drawn,
          exported: exported.get(quota.id) ?? 0,
          warning: quotaWarningOf(drawn, quota.quantity),
        };
      }),
    );
  }
}
