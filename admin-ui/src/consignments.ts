import { blockLetter } from '../../domain/documents/sheets';
import type { FieldProblem } from './api/problem';
import type { CountedBlocks, IncomingBlock, IncomingPermit, Role } from './api/types';
import {
  blockFieldMessages,
  isCalendarDate,
  readBlockQuantities,
  type BlockFieldMessages,
  type BlockQuantityProblem,
} from './border-check';
import type { MessageKey } from './messages';
import { mayDo } from './navigation';

/** How an incoming permit's status reads for the consignment it covers. */
export const consignmentStatusKeys: Record<IncomingPermit['status'], MessageKey> = {
  valid: 'consignmentStatusValid',
  used: 'consignmentStatusUsed',
  cancelled: 'consignmentStatusCancelled',
  replaced: 'consignmentStatusReplaced',
  expired: 'consignmentStatusExpired',
};

/** One block of an incoming permit, with its letter and what was counted of it on each side. */
export interface CountedBlock extends IncomingBlock {
  block: string;
  /** What the exporting Party's customs endorsed as having left. */
  exported?: number;
  /** What customs here confirmed arrived. */
  arrived?: number;
}

function countOf(counted: CountedBlocks | undefined, letter: string): number | undefined {
  return counted?.blocks.find((entry) => entry.block.toUpperCase() === letter)?.quantity;
}

/** The permit's blocks, lettered in its order (A first), with what left and what arrived when known. */
export function countedBlocks(permit: IncomingPermit): CountedBlock[] {
  return permit.blocks.map((block, index) => {
    const letter = blockLetter(index)!;
    const exported = countOf(permit.exportEndorsement, letter);
    const arrived = countOf(permit.importConfirmation, letter);
    return {
      ...block,
      block: letter,
      ...(exported !== undefined ? { exported } : {}),
      ...(arrived !== undefined ? { arrived } : {}),
    };
  });
}

/** Only customs confirm arrivals, and only under a permit still valid. */
export function mayConfirmArrival(permit: Pick<IncomingPermit, 'status'>, roles: readonly Role[]): boolean {
  return permit.status === 'valid' && mayDo(roles, 'confirmArrivals');
}

/**
 * What the confirmation form starts with, per block: what the exporter's customs endorsed as having
 * left, which is what should arrive; the permitted quantity when the export was not endorsed.
 */
export function expectedQuantities(blocks: readonly CountedBlock[]): string[] {
  return blocks.map((block) => String(block.exported ?? block.quantity));
}

/** What customs typed, as typed. */
export interface ArrivalEntry {
  /** One per block, in the permit's order. */
  quantities: readonly string[];
  date: string;
}

export interface ArrivalProblems {
  /** By the block's position on the permit. */
  quantities: Record<number, BlockQuantityProblem>;
  date?: 'required';
}

/**
 * Checks the confirmation before it is sent, as the border check does an endorsement: each quantity
 * a number, 0 or more and no more than the permit allows; a real date. Without problems, the body
 * of `POST /api/exchange/incoming/:id/confirmation`, every block named by its letter.
 */
export function readArrival(
  entry: ArrivalEntry,
  blocks: readonly CountedBlock[],
): { body?: CountedBlocks; problems: ArrivalProblems } {
  const read = readBlockQuantities(entry.quantities, blocks);
  const problems: ArrivalProblems = { quantities: read.problems };
  if (!isCalendarDate(entry.date)) problems.date = 'required';
  if (Object.keys(problems.quantities).length > 0 || problems.date) return { problems };
  return { body: { blocks: read.blocks, date: entry.date }, problems };
}

/** The server's 422 problems about a confirmation, at the block or the date they name. */
export function arrivalFieldMessages(
  problems: readonly FieldProblem[],
  detail: string | undefined,
  blockCount: number,
): BlockFieldMessages<'date'> {
  return blockFieldMessages(problems, detail, blockCount, ['date']);
}

/** The list with one permit as the server answered it now, in its place. */
export function withIncomingPermit(
  permits: readonly IncomingPermit[],
  answered: IncomingPermit,
): IncomingPermit[] {
  return permits.map((permit) => (permit.id === answered.id ? answered : permit));
}
