import type { IsoDate } from '../codes/types';

/**
 * A Party's export quota for one species (or population) and year (Res. Conf. 14.7): at most
 * `quantity` may be exported, of the terms, sources and purposes named (none named: any). A quota
 * "in preparation" has no quantity yet, and nothing is exported against it until it has.
 */
export interface ExportQuota {
  id: string;
  party: string;
  year: number;
  scientificName: string;
  /** The population or region when the quota is for part of the species' range. */
  population?: string;
  terms: string[];
  sources: string[];
  purposes: string[];
  /** The unit counted; absent: specimens. */
  unit?: string;
  /** Null while in preparation. */
  quantity: number | null;
  /** Set on a Scientific Authority's non-detriment finding: exports within it need no NDF of their own. */
  basedOnNonDetrimentFinding: boolean;
  notes?: string;
  source: 'management-authority' | 'species+';
  publishedOn?: IsoDate;
}

/** One block of an export, as a quota is matched against it. */
export interface QuotaTrade {
  scientificName: string;
  term: string;
  source: string;
  purpose: string;
  unit?: string;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const within = (codes: readonly string[], code: string) => codes.length === 0 || codes.includes(code);
const unitOf = (unit: string | undefined | null) => (unit ? unit : 'specimens');

/**
 * The quota a block of an export counts against that year: the first for the species whose terms,
 * sources, purposes and unit admit the block. Undefined when no quota applies.
 */
export function quotaFor(
  quotas: readonly ExportQuota[],
  trade: QuotaTrade,
  year: number,
): ExportQuota | undefined {
  return quotas.find(
    (quota) =>
      quota.year === year &&
      sameName(quota.scientificName, trade.scientificName) &&
      within(quota.terms, trade.term) &&
      within(quota.sources, trade.source) &&
      within(quota.purposes, trade.purpose) &&
      unitOf(quota.unit) === unitOf(trade.unit),
  );
}

/** How close a quota is to being used up: a warning from 80%, exhausted at 100%. */
export type QuotaWarning = 'none' | 'nearly-used' | 'used-up';

/** The warning for `used` of `quota`; a zero quota is used up from the start. */
export function quotaWarningOf(used: number, quota: number | null): QuotaWarning {
  if (quota === null) return 'none';
  if (used >= quota) return 'used-up';
  return used >= quota * 0.8 ? 'nearly-used' : 'none';
}
