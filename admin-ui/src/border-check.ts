import { unitLabel } from '../../domain/codes/lookups';
import { toQuantityUnit } from '../../domain/codes/units';
import { blockLetter } from '../../domain/documents/sheets';
import type { FieldProblem } from './api/problem';
import type {
  BlockEndorsementInput,
  EndorsedBlock,
  Language,
  PermitStatus,
  PermitVerification,
  VerifiedBlock,
} from './api/types';
import type { MessageKey } from './messages';

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

/** What is wrong with a quantity typed for one block. */
export type BlockQuantityProblem = 'required' | 'invalid' | 'tooMany';

/** How each problem with a block's quantity is told; `{max}` is what the block allows. */
export const quantityProblemKeys: Record<BlockQuantityProblem, MessageKey> = {
  required: 'quantityRequired',
  invalid: 'quantityInvalid',
  tooMany: 'quantityTooMany',
};

/**
 * The quantities customs typed per block, checked against what each block allows: a number, 0 or
 * more, no more than the block's quantity. Every block is named by its letter, a block typed as 0
 * included, so what was counted is explicit. Problems are by the block's position on the permit.
 */
export function readBlockQuantities(
  typed: readonly string[],
  blocks: readonly Pick<VerifiedBlock, 'block' | 'quantity'>[],
): { blocks: EndorsedBlock[]; problems: Record<number, BlockQuantityProblem> } {
  const problems: Record<number, BlockQuantityProblem> = {};
  const counted = blocks.map((block, index) => {
    const text = typed[index] ?? '';
    const quantity = readQuantity(text);
    if (text.trim() === '') problems[index] = 'required';
    else if (quantity === undefined) problems[index] = 'invalid';
    else if (quantity > block.quantity) problems[index] = 'tooMany';
    return { block: block.block, quantity: quantity ?? 0 };
  });
  return { blocks: counted, problems };
}

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
  quantities: Record<number, BlockQuantityProblem>;
  port?: 'required' | 'tooShort' | 'tooLong';
  date?: 'required';
  billOfLading?: 'tooLong';
}

/** The longest port name and bill of lading the server takes. */
export const endorsementTextMax = 100;

/** A real day written YYYY-MM-DD, as a date field gives it and the server takes it. */
export function isCalendarDate(text: string): boolean {
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
  const read = readBlockQuantities(entry.quantities, blocks);
  const problems: EndorsementProblems = { quantities: read.problems };
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
    body: { blocks: read.blocks, port, date: entry.date, ...(billOfLading ? { billOfLading } : {}) },
    problems,
  };
}

/** The server's words about a form with a quantity per block, placed at the fields they are about. */
export type BlockFieldMessages<Field extends string> = {
  /** By the block's position on the permit. */
  quantities: Record<number, string>;
  /** What names no field: shown above the form. */
  elsewhere: FieldProblem[];
} & Partial<Record<Field, string>>;

/**
 * Places a 422's problems for a body `{blocks: [{block, quantity}], ...fields}` that names every
 * block in the permit's order: `/blocks/1/quantity` (and `/blocks/1/block`) at the second block's
 * quantity; a problem at `/blocks` whose message names a block by its letter ("block B: 13 is more
 * than the 12 permitted") at that block's; `/<field>` at that field. A quantity above the
 * authorised one may also come back without a path, naming the block by its number in the detail
 * ("Block 2: 60 is more than the 50 authorised"), and is placed at that block's field too.
 */
export function blockFieldMessages<Field extends string>(
  problems: readonly FieldProblem[],
  detail: string | undefined,
  blockCount: number,
  fields: readonly Field[],
): BlockFieldMessages<Field> {
  const placed = { quantities: {}, elsewhere: [] } as BlockFieldMessages<Field>;
  const letters = Array.from({ length: blockCount }, (_, index) => blockLetter(index)!);
  for (const problem of problems) {
    const byPosition = /^\/?blocks\/(\d+)(?:\/|$)/.exec(problem.path);
    const byLetter = /^\/?blocks$/.test(problem.path) ? /^block ([A-Z]{1,2}):/i.exec(problem.message) : null;
    const index = byPosition
      ? Number(byPosition[1])
      : byLetter
        ? letters.indexOf(byLetter[1]!.toUpperCase())
        : -1;
    const field = fields.find((name) => new RegExp(`^/?${name}$`).test(problem.path));
    if (index >= 0 && index < blockCount) {
      placed.quantities[index] ??= problem.message;
    } else if (field) {
      (placed as Partial<Record<Field, string>>)[field] ??= problem.message;
    } else {
      placed.elsewhere.push(problem);
    }
  }
  const named = /^Block (\d+):/.exec(detail?.trim() ?? '');
  const index = named ? Number(named[1]) - 1 : -1;
  if (detail && index >= 0 && index < blockCount) placed.quantities[index] ??= detail.trim();
  return placed;
}

/** The server's words about the endorsement, placed at the fields they are about. */
export type EndorsementFieldMessages = BlockFieldMessages<'port' | 'date' | 'billOfLading'>;

/** Places a 422's problems about an endorsement: see {@link blockFieldMessages}. */
export function endorsementFieldMessages(
  problems: readonly FieldProblem[],
  detail: string | undefined,
  blockCount: number,
): EndorsementFieldMessages {
  return blockFieldMessages(problems, detail, blockCount, ['port', 'date', 'billOfLading']);
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
