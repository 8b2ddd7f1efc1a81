/** Number of specimen blocks (A–D) the standard form holds; further blocks go on continuation sheets. */
export const MAIN_SHEET_BLOCKS = 4;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The letter of the block at a zero-based position: 0 is A, 3 is D, 4 is E (the first block of the first
 * continuation sheet), 25 is Z, 26 is AA, 27 is AB. `undefined` for a negative or fractional position.
 */
export function blockLetter(index: number): string | undefined {
  if (!Number.isSafeInteger(index) || index < 0) return undefined;
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = LETTERS.charAt((rest - 1) % 26) + letters;
  }
  return letters;
}

/** The zero-based position of an upper-case block letter (A is 0, AA is 26); `undefined` if not one. */
export function blockIndex(letter: string): number | undefined {
  if (!/^[A-Z]+$/.test(letter)) return undefined;
  let position = 0;
  for (const char of letter) position = position * 26 + (LETTERS.indexOf(char) + 1);
  return position - 1;
}

/** A specimen block with its letter and zero-based position in the document. */
export interface LetteredBlock<B> {
  readonly letter: string;
  readonly index: number;
  readonly block: B;
}

/** Where the blocks of a document are printed: A–D on the form, the rest on continuation sheets. */
export interface SheetLayout<B> {
  /** At most {@link MAIN_SHEET_BLOCKS} blocks, lettered A–D. */
  readonly mainSheet: readonly LetteredBlock<B>[];
  /** Continuation sheets in order, each a non-empty list of blocks, lettering going on from E. */
  readonly continuationSheets: readonly (readonly LetteredBlock<B>[])[];
}

/** The blocks with their letters, in order. */
export function letterBlocks<B>(blocks: readonly B[]): LetteredBlock<B>[] {
  return blocks.map((block, index) => ({ letter: blockLetter(index) ?? '', index, block }));
}

/**
 * Splits a document's specimen blocks into the main sheet (A–D) and continuation sheets of
 * `blocksPerContinuationSheet` blocks each (default 4, the form's own layout; a value below 1 counts
 * as 1). Letters run on across sheets, so an endorsement or a message can name any block by letter.
 */
export function layoutSheets<B>(
  blocks: readonly B[],
  blocksPerContinuationSheet: number = MAIN_SHEET_BLOCKS,
): SheetLayout<B> {
  const lettered = letterBlocks(blocks);
  const perSheet = Math.max(1, Math.floor(blocksPerContinuationSheet));
  const rest = lettered.slice(MAIN_SHEET_BLOCKS);
  const continuationSheets: LetteredBlock<B>[][] = [];
  for (let start = 0; start < rest.length; start += perSheet) {
    continuationSheets.push(rest.slice(start, start + perSheet));
  }
  return { mainSheet: lettered.slice(0, MAIN_SHEET_BLOCKS), continuationSheets };
}

/** The block with this letter in a list of blocks, or `undefined` if there is none. */
export function findBlock<B>(blocks: readonly B[], letter: string): B | undefined {
  const index = blockIndex(letter);
  return index === undefined ? undefined : blocks[index];
}
