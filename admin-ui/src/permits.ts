import type { JsonObject, ReplacementReason } from './api/types';
import type { MessageKey } from './messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The application statuses that mean a permit was issued for it. */
const permitStatuses = new Set(['issued', 'endorsed', 'used', 'expired', 'cancelled']);

export function hasPermit(status: string): boolean {
  return permitStatuses.has(status);
}

/**
 * Whether the application's record has caught up with its permit: it names that permit and shows
 * the same status (an application reads "issued" while its permit is "valid"). The lifecycle
 * records the application a moment after the permit, so the page reads it again until this holds.
 */
export function applicationShowsPermit(
  application: { id: string; permitId?: string; status: string },
  permit: { id: string; status: string },
): boolean {
  if ((application.permitId ?? application.id) !== permit.id) return false;
  return application.status === (permit.status === 'valid' ? 'issued' : permit.status);
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

/** The reasons a valid permit may be replaced for, in the order the officer chooses among them. */
export const replacementReasons: readonly ReplacementReason[] = ['lost', 'stolen', 'destroyed', 'other'];

const replacementReasonKeys: Record<ReplacementReason, MessageKey> = {
  lost: 'replaceReasonLost',
  stolen: 'replaceReasonStolen',
  destroyed: 'replaceReasonDestroyed',
  other: 'replaceReasonOther',
};

/** A replacement reason in the reader's language; one this app does not know shows as it is. */
export function replacementReasonLabel(reason: string, t: Translate): string {
  const key = replacementReasonKeys[reason as ReplacementReason];
  return key ? t(key) : reason;
}

/** "Lost", or "Other: the explanation" when the officer gave one. */
export function replacementReasonText(reason: string, explanation: string | undefined, t: Translate): string {
  const label = replacementReasonLabel(reason, t);
  const text = explanation?.trim();
  return text ? t('replaceReasonExplained', { reason: label, explanation: text }) : label;
}

export interface ReplacementNote {
  /** The replaced permit's number. */
  from: string;
  /** The new permit's number. */
  to: string;
  reason: string;
  explanation?: string;
}

/** The lifecycle's note on `permit-replaced`: `"<old number> → <new number> (<reason>[: explanation])"`. */
export function readReplacementNote(note: string | undefined): ReplacementNote | undefined {
  const match = /^(\S+)\s*→\s*(\S+)\s*\(([a-z-]+)(?::\s*([\s\S]*))?\)$/.exec(note?.trim() ?? '');
  if (!match) return undefined;
  const explanation = match[4]?.trim();
  return { from: match[1]!, to: match[2]!, reason: match[3]!, ...(explanation ? { explanation } : {}) };
}

export type ReplacementProblem = 'reasonRequired' | 'explanationRequired' | 'explanationTooLong';

/** What stops a replacement being sent: a reason is chosen; `other` needs an explanation; 500 characters at most. */
export function replacementProblems(reason: string, explanation: string): ReplacementProblem[] {
  const problems: ReplacementProblem[] = [];
  if (!replacementReasons.includes(reason as ReplacementReason)) problems.push('reasonRequired');
  if (reason === 'other' && !explanation.trim()) problems.push('explanationRequired');
  if (explanation.trim().length > 500) problems.push('explanationTooLong');
  return problems;
}
