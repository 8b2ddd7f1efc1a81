import { unitLabel } from '../../domain/codes/lookups';
import { toQuantityUnit } from '../../domain/codes/units';
import type { FieldProblem } from './api/problem';
import type {
  BlockEndorsementInput,
  Language,
  PermitStatus,
  PermitVerification,
  VerifiedBlock,
} from './api/types';

/** 128 random bits in base64url, as issuance makes them and as printed under a permit's QR code. */
const VERIFICATION_TOKEN = /^[A-Za-z0-9_-]{22}$/;
/** A permit's QR code opens `<public URL>/verify/<token>`, perhaps with `?lang=` after it. */
const VERIFY_ADDRESS = /\/verify\/([A-Za-z0-9_-]{22})\/?(?:[?#].*)?$/;
/** The verification page links customs officers to `/customs?token=<token>`. */
const CUSTOMS_ADDRESS = /\/customs\/?\?(?:[^#]*&)?token=([A-Za-z0-9_-]{22})(?:[&#].*)?$/;

/**
 * The verification token in what was scanned, typed or pasted: a bare token, the address a
 * permit's QR code holds, or the border check's own address. Spaces are dropped, as people type
 * a printed code in groups. Anything else is not a permit's code.
 */
export function verificationTokenOf(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (VERIFICATION_TOKEN.test(compact)) return compact;
  return VERIFY_ADDRESS.exec(compact)?.[1] ?? CUSTOMS_ADDRESS.exec(compact)?.[1];
}

/** A quantity in its unit, `12 kg`; a bare number when it counts specimens; an unknown unit as it came. */
export function quantityText(quantity: number, unit: string | null, language: Language): string {
  const known = toQuantityUnit(unit);
  if (known === undefined) return `${quantity} ${unit}`;
  return known === null ? String(quantity) : `${quantity} ${unitLabel(known, language)}`;
}

/** How a status reads at a glance: fit to use, used already, or not to be accepted. */
export type StatusTone = 'good' | 'done' | 'bad';

const tones: Record<PermitStatus, StatusTone> = {
  valid: 'good',
  endorsed: 'done',
  used: 'done',
  expired: 'bad',
  cancelled: 'bad',
  replaced: 'bad',
};

export function statusTone(status: PermitStatus): StatusTone {
  return tones[status] ?? 'bad';
}

/**
 * Customs may endorse only a valid permit whose signature checks out, and only when the server
 * named its id (it does so for the Party's own officers).
 */
export function mayEndorse(
  view: Pick<PermitVerification, 'status' | 'authentic' | 'permitId'>,
): view is Pick<PermitVerification, 'status' | 'authentic'> & { permitId: string } {
  return view.status === 'valid' && view.authentic && Boolean(view.permitId);
}

/** The application a permit was issued on: a replacement `<id>-R2` belongs to `<id>`. */
export function applicationIdOf(permitId: string): string {
  return permitId.replace(/-R\d+$/, '');
}

/**
 * A quantity as typed on a phone: digits with at most one decimal point or comma (the decimal
 * separator of French and Spanish). Anything else (signs, exponents, several separators) is refused
 * rather than guessed at.
 */
export function readQuantity(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(',', '.'));
}

export type EndorsedQuantityProblem = 'required' | 'invalid' | 'tooMany';

/** What customs typed on the form, as typed. */
export interface EndorsementEntry {
  /** One per block, in the permit's order. */
  quantities: readonly string[];
  port: string;
  date: string;
  billOfLading: string;
}

export interface EndorsementProblems {
  /** By the block's position on the permit. */
  quantities: Record<number, EndorsedQuantityProblem>;
  port?: 'required' | 'tooShort' | 'tooLong';
  date?: 'required';
  billOfLading?: 'tooLong';
}

/** The longest port name and bill of lading the server takes. */
export const endorsementTextMax = 100;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Checks the form against the permit before anything is sent: each quantity a number, 0 or more
 * and no more than its block authorises; a port; a date. Without problems, the body of
 * `POST /api/permits/:id/endorsement`, every block named by its letter (a block that does not
 * leave is sent as 0, so what was endorsed is explicit).
 */
export function readEndorsement(
  entry: EndorsementEntry,
  blocks: readonly Pick<VerifiedBlock, 'block' | 'quantity'>[],
): { body?: BlockEndorsementInput; problems: EndorsementProblems } {
  const problems: EndorsementProblems = { quantities: {} };
  const endorsed = blocks.map((block, index) => {
    const typed = entry.quantities[index] ?? '';
    const quantity = readQuantity(typed);
    if (typed.trim() === '') problems.quantities[index] = 'required';
    else if (quantity === undefined) problems.quantities[index] = 'invalid';
    else if (quantity > block.quantity) problems.quantities[index] = 'tooMany';
    return { block: block.block, quantity: quantity ?? 0 };
  });
  const port = entry.port.trim();
  if (port === '') problems.port = 'required';
  else if (port.length < 2) problems.port = 'tooShort';
  else if (port.length > endorsementTextMax) problems.port = 'tooLong';
  if (!isCalendarDate(entry.date)) problems.date = 'required';
  const billOfLading = entry.billOfLading.trim();
  if (billOfLading.length > endorsementTextMax) problems.billOfLading = 'tooLong';

  const clean =
    Object.keys(problems.quantities).length === 0 &&
    !problems.port &&
    !problems.date &&
    !problems.billOfLading;
  if (!clean) return { problems };
  return {
    body: { blocks: endorsed, port, date: entry.date, ...(billOfLading ? { billOfLading } : {}) },
    problems,
  };
}

/** The server's words about the endorsement, placed at the fields they are about. */
export interface EndorsementFieldMessages {
  /** By the block's position on the permit. */
  quantities: Record<number, string>;
  port?: string;
  date?: string;
  billOfLading?: string;
  /** What names no field: shown above the form. */
  elsewhere: FieldProblem[];
}

/**
 * Places a 422's problems: `/blocks/1/quantity` (and `/blocks/1/block`) at the second block's
 * quantity, as the body names every block in the permit's order; `/port`, `/date` and
 * `/billOfLading` at theirs. A quantity above the authorised one comes back without a path,
 * naming the block in its detail ("Block 2: 60 is more than the 50 authorised"), and is placed at
 * that block's field too.
 */
export function endorsementFieldMessages(
  problems: readonly FieldProblem[],
  detail: string | undefined,
  blockCount: number,
): EndorsementFieldMessages {
  const placed: EndorsementFieldMessages = { quantities: {}, elsewhere: [] };
  for (const problem of problems) {
    const block = /^\/?blocks\/(\d+)(?:\/|$)/.exec(problem.path);
    const field = /^\/?(port|date|billOfLading)$/.exec(problem.path)?.[1] as
      'port' | 'date' | 'billOfLading' | undefined;
    if (block && Number(block[1]) < blockCount) {
      placed.quantities[Number(block[1])] ??= problem.message;
    } else if (field) {
      placed[field] ??= problem.message;
    } else {
      placed.elsewhere.push(problem);
    }
  }
  const named = /^Block (\d+):/.exec(detail?.trim() ?? '');
  const index = named ? Number(named[1]) - 1 : -1;
  if (detail && index >= 0 && index < blockCount) placed.quantities[index] ??= detail.trim();
  return placed;
}

/** Why the camera did not start, in the words the officer is told. */
export type CameraProblem = 'refused' | 'missing' | 'failed';

/**
 * What `getUserMedia`'s refusal means for the officer: refused (by them or the browser's
 * settings), no camera to use (none at all, none that matches, or a page not served over HTTPS),
 * or a camera that failed to start (another app holds it).
 */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return 'refused';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return 'missing';
  }
  return 'failed';
}
