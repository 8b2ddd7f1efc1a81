import type { QuotaUse } from '../domain/documents/model';
import { blockLetter } from '../domain/documents/sheets';
import { quotaFor, type ExportQuota, type QuotaTrade } from '../domain/quotas/export-quota';
import type { ApplicationRepository } from '../store/applications';
import type { ExportQuotaRepository, QuotaLedger } from '../store/export-quotas';

type FormData = Record<string, unknown>;
const objectAt = (value: unknown): FormData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormData) : {};
const textAt = (value: unknown) => (typeof value === 'string' ? value : '');

interface QuotaLine {
  quota: ExportQuota;
  quantity: number;
  blockIndexes: number[];
}

/** Each quota an export's blocks count against, with the blocks and their total. */
function quotaLinesOf(data: FormData, quotas: readonly ExportQuota[], year: number): Map<string, QuotaLine> {
  const lines = new Map<string, QuotaLine>();
  const blocks = Array.isArray(data.blocks) ? data.blocks.map(objectAt) : [];
  blocks.forEach((block, index) => {
    const trade: QuotaTrade = {
      scientificName: textAt(block.scientificName),
      term: textAt(objectAt(block.description).term),
      source: textAt(block.source),
      purpose: textAt(data.purpose),
      ...(textAt(block.unit) ? { unit: textAt(block.unit) } : {}),
    };
    const quota = quotaFor(quotas, trade, year);
    if (!quota) return;
    const line = lines.get(quota.id) ?? { quota, quantity: 0, blockIndexes: [] };
    line.quantity += Number(block.quantity) || 0;
    line.blockIndexes.push(index);
    lines.set(quota.id, line);
  });
  return lines;
}

const letters = (indexes: readonly number[]) => indexes.map((index) => blockLetter(index)).join('+');
const unitOf = (quota: ExportQuota) => (quota.unit ?? null) as QuotaUse['unit'];

/**
 * Export quotas at issuance: each permit reserves what it authorises against the quota of each of
 * its blocks (never more than is left, however many permits are issued at the same moment), and
 * gives back what was not exported once endorsed, cancelled or expired.
 */
export function createQuotaActivities({
  applications,
  quotas,
  ledger,
}: {
  applications: ApplicationRepository;
  quotas: ExportQuotaRepository;
  ledger: QuotaLedger;
}) {
  const linesFor = async (applicationId: string, year: number) => {
    const application = await applications.findWithoutTimeline(applicationId);
    return quotaLinesOf(application?.data ?? {}, await quotas.ofYear(year), year);
  };

  return {
    /** Reserves the export's quantities; refused with the figures when a quota has not enough left. */
    async reserveExportQuota(input: {
      applicationId: string;
    }): Promise<
      { refused: false; quotaUse: (QuotaUse | null)[]; notes: string[] } | { refused: true; reason: string }
    > {
      const year = new Date().getUTCFullYear();
      const lines = await linesFor(input.applicationId, year);
      const application = await applications.findWithoutTimeline(input.applicationId);
      const blockCount = Array.isArray(application?.data.blocks) ? application.data.blocks.length : 0;
      const quotaUse: (QuotaUse | null)[] = Array.from({ length: blockCount }, () => null);
      const notes: string[] = [];
      const taken: string[] = [];
      for (const line of lines.values()) {
        const { quota } = line;
        const refuse = async (reason: string) => {
          for (const earlier of taken) await ledger.release(earlier, input.applicationId);
          return { refused: true as const, reason };
        };
        if (quota.quantity === null) {
          return refuse(
            `${letters(line.blockIndexes)}: the ${year} quota for ${quota.scientificName} is in preparation`,
          );
        }
        // The quota's size may have been changed since its last draw: the ledger follows it.
        await ledger.setLimit(quota.id, quota.quantity, 'quota');
        const answer = await ledger.draw(quota.id, input.applicationId, line.quantity);
        if (!answer.drawn) {
          return refuse(
            `${letters(line.blockIndexes)}: ${line.quantity} asked, ${answer.left} of the ${year} quota of ${answer.limit} for ${quota.scientificName} left`,
          );
        }
        taken.push(quota.id);
        const used = quota.quantity - (answer.left ?? 0);
        for (const index of line.blockIndexes) {
          quotaUse[index] = {
            usedIncludingThisPermit: used,
            quota: quota.quantity,
            unit: unitOf(quota),
            year,
          };
        }
        notes.push(
          `${letters(line.blockIndexes)}: ${used} of ${quota.quantity} used (${quota.scientificName}, ${year})`,
        );
      }
      return { refused: false, quotaUse, notes };
    },

    /** Gives back to each quota what the permit did not take out (all of it when nothing left). */
    async returnExportQuota(input: {
      applicationId: string;
      issuedOn: string;
      endorsedQuantities?: number[];
    }): Promise<{ notes: string[] }> {
      const year = Number(input.issuedOn.slice(0, 4));
      const notes: string[] = [];
      for (const line of (await linesFor(input.applicationId, year)).values()) {
        const drawn = await ledger.drawnBy(line.quota.id, input.applicationId);
        const used = line.blockIndexes.reduce(
          (sum, index) => sum + (input.endorsedQuantities?.[index] ?? 0),
          0,
        );
        if (drawn <= used) continue;
        await ledger.giveBack(line.quota.id, input.applicationId, drawn - used);
        notes.push(
          `${letters(line.blockIndexes)}: ${drawn - used} back to the ${year} quota for ${line.quota.scientificName}`,
        );
      }
      return { notes };
    },
  };
}

/**
 * The quotas that stand in for a non-detriment finding (Res. Conf. 14.7): when every block of the
 * export falls within a quota set on the Scientific Authority's finding, with enough left, those
 * quotas settle the NDF step. Undefined otherwise.
 */
export async function quotaBasedFinding(
  data: FormData,
  quotas: ExportQuotaRepository,
  ledger: QuotaLedger,
  year: number,
): Promise<{ decision: 'positive'; findingIds: string[] } | undefined> {
  const blocks = Array.isArray(data.blocks) ? data.blocks.length : 0;
  const lines = [...quotaLinesOf(data, await quotas.ofYear(year), year).values()];
  const covered = lines.reduce((sum, line) => sum + line.blockIndexes.length, 0);
  if (blocks === 0 || covered < blocks) return undefined;
  for (const line of lines) {
    if (!line.quota.basedOnNonDetrimentFinding || line.quota.quantity === null) return undefined;
    const { drawn } = await ledger.balance(line.quota.id);
    if (drawn + line.quantity > line.quota.quantity) return undefined;
  }
  return { decision: 'positive', findingIds: lines.map((line) => `quota:${line.quota.id}`) };
}

export type QuotaActivities = ReturnType<typeof createQuotaActivities>;
