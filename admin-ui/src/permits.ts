import type { JsonObject } from './api/types';

/** The application statuses that mean a permit was issued for it. */
const permitStatuses = new Set(['issued', 'endorsed', 'used', 'expired', 'cancelled']);

export function hasPermit(status: string): boolean {
  return permitStatuses.has(status);
}

/** The applicant may still withdraw: the application is not decided yet. */
export function mayWithdraw(status: string): boolean {
  return status === 'submitted' || status === 'under-review' || status === 'more-information-requested';
}

export interface BlockName {
  scientificName: string;
  unit?: string;
}

/** The specimen blocks of the filed data, in order: what each authorised quantity is of. */
export function blockNames(data: JsonObject | undefined): BlockName[] {
  const blocks = data?.blocks;
  if (!Array.isArray(blocks)) return [];
  return blocks.map((block: unknown) => {
    const fields = block && typeof block === 'object' ? (block as Record<string, unknown>) : {};
    const name = typeof fields.scientificName === 'string' ? fields.scientificName.trim() : '';
    const unit = typeof fields.unit === 'string' && fields.unit.trim() ? fields.unit.trim() : undefined;
    return { scientificName: name, ...(unit ? { unit } : {}) };
  });
}

/** How the reader names block `index` (0-based): its scientific name, else "Block N". */
export function blockLabel(
  names: readonly BlockName[],
  index: number,
  fallback: (n: number) => string,
): string {
  return names[index]?.scientificName || fallback(index + 1);
}

/** Today's date as the date field wants it (YYYY-MM-DD), in the officer's own time zone. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type QuantityProblem = 'required' | 'invalid' | 'tooMany';

/**
 * The quantities typed per block, checked against what the permit authorises: a number each, not
 * negative, not above the authorised one. Problems are per block, by index; none means `values` is set.
 */
export function readQuantities(
  typed: readonly string[],
  authorised: readonly number[],
): { values?: number[]; problems: Record<number, QuantityProblem> } {
  const problems: Record<number, QuantityProblem> = {};
  const values = authorised.map((limit, index) => {
    const text = (typed[index] ?? '').trim().replace(',', '.');
    if (text === '') {
      problems[index] = 'required';
      return 0;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      problems[index] = 'invalid';
      return 0;
    }
    if (value > limit) problems[index] = 'tooMany';
    return value;
  });
  return Object.keys(problems).length > 0 ? { problems } : { values, problems };
}

/** The index of the block a server problem points at: `/quantities/1` → 1. */
export function quantityIndexOf(path: string): number | undefined {
  const match = /^\/?quantities\/(\d+)/.exec(path);
  return match ? Number(match[1]) : undefined;
}
