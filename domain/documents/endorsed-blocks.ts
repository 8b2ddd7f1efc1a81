import { blockLetter } from './sheets';

/** What customs enters per block at the border: the block's letter and the quantity that leaves. */
export interface EndorsedBlock {
  block: string;
  quantity: number;
}

export type EndorsedQuantities =
  { ok: true; quantities: number[] } | { ok: false; problems: { path: string; message: string }[] };

/**
 * Box 14 per block letter, as the quantities per block in the permit's order. A block customs does
 * not name left with nothing (0); a letter the permit does not have, or one named twice, is refused
 * with its path, so the officer sees which line to correct.
 */
export function endorsedQuantitiesOf(
  blocks: readonly EndorsedBlock[],
  blockCount: number,
): EndorsedQuantities {
  const quantities = Array.from({ length: blockCount }, () => 0);
  const letters = Array.from({ length: blockCount }, (_, index) => blockLetter(index)!);
  const named = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  blocks.forEach((entry, index) => {
    const letter = entry.block.trim().toUpperCase();
    const position = letters.indexOf(letter);
    if (position < 0) {
      problems.push({
        path: `/blocks/${index}/block`,
        message: `is not a block of this permit (${letters.join(', ')})`,
      });
    } else if (named.has(letter)) {
      problems.push({ path: `/blocks/${index}/block`, message: `names block ${letter} a second time` });
    } else {
      named.add(letter);
      quantities[position] = entry.quantity;
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, quantities };
}
