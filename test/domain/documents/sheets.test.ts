import {
  MAIN_SHEET_BLOCKS,
  blockIndex,
  blockLetter,
  findBlock,
  layoutSheets,
} from '../../../domain/documents';

describe('block letters', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [3, 'D'],
    [4, 'E'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('block %i is %s', (index, letter) => {
    expect(blockLetter(index)).toBe(letter);
    expect(blockIndex(letter)).toBe(index);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('there is no block %p', (index) => {
    expect(blockLetter(index)).toBeUndefined();
  });

  it.each(['', 'a', 'A1', ' A', 'Ä', 'A-B'])('%p is not a block letter', (letter) => {
    expect(blockIndex(letter)).toBeUndefined();
  });

  it('gives every position a distinct letter that reads back to it', () => {
    const letters = Array.from({ length: 2000 }, (_, index) => blockLetter(index));
    expect(new Set(letters).size).toBe(2000);
    letters.forEach((letter, index) => expect(blockIndex(letter ?? '')).toBe(index));
  });
});

describe('sheet layout', () => {
  const blocks = (count: number): string[] =>
    Array.from({ length: count }, (_, index) => `species ${index + 1}`);
  const letters = (sheet: readonly { letter: string }[]): string =>
    sheet.map((block) => block.letter).join('');

  it('puts four blocks on the form', () => {
    expect(MAIN_SHEET_BLOCKS).toBe(4);
  });

  it.each([
    // blocks, main sheet, continuation sheets
    [0, '', []],
    [1, 'A', []],
    [4, 'ABCD', []],
    [5, 'ABCD', ['E']],
    [8, 'ABCD', ['EFGH']],
    [9, 'ABCD', ['EFGH', 'I']],
    [13, 'ABCD', ['EFGH', 'IJKL', 'M']],
  ])('lays out %i blocks as %p + %p', (count, main, continuation) => {
    const layout = layoutSheets(blocks(count));
    expect(letters(layout.mainSheet)).toBe(main);
    expect(layout.continuationSheets.map(letters)).toEqual(continuation);
  });

  it('keeps each block with its letter and position, in order', () => {
    const layout = layoutSheets(blocks(6));
    const all = [...layout.mainSheet, ...layout.continuationSheets.flat()];
    expect(all.map(({ letter, index, block }) => [letter, index, block])).toEqual(
      blocks(6).map((block, index) => [blockLetter(index), index, block]),
    );
  });

  it.each([
    [10, 30, [10, 10, 6]],
    [1, 7, [1, 1, 1]],
    [0, 6, [1, 1]],
    [2.9, 7, [2, 1]],
  ])('fills continuation sheets of %p blocks: %i blocks give sheets of %p', (perSheet, count, sizes) => {
    const layout = layoutSheets(blocks(count), perSheet);
    expect(layout.mainSheet).toHaveLength(Math.min(count, 4));
    expect(layout.continuationSheets.map((sheet) => sheet.length)).toEqual(sizes);
  });

  it('finds a block by its letter on any sheet', () => {
    expect(findBlock(blocks(6), 'A')).toBe('species 1');
    expect(findBlock(blocks(6), 'F')).toBe('species 6');
    expect(findBlock(blocks(6), 'G')).toBeUndefined();
    expect(findBlock(blocks(6), 'a')).toBeUndefined();
  });
});
