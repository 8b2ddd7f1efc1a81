import { endorsedQuantitiesOf } from '../../../domain/documents/endorsed-blocks';

describe('endorsedQuantitiesOf', () => {
  it.each([
    [
      'every block named',
      [
        { block: 'A', quantity: 3 },
        { block: 'B', quantity: 1.5 },
      ],
      2,
      [3, 1.5],
    ],
    [
      'in any order, lower case',
      [
        { block: 'b', quantity: 2 },
        { block: 'a', quantity: 1 },
      ],
      2,
      [1, 2],
    ],
    ['a block not named left with nothing', [{ block: 'B', quantity: 4 }], 3, [0, 4, 0]],
  ])('%s', (_case, blocks, count, expected) => {
    expect(endorsedQuantitiesOf(blocks, count)).toEqual({ ok: true, quantities: expected });
  });

  it.each([
    [
      'a letter the permit does not have',
      [{ block: 'E', quantity: 1 }],
      2,
      '/blocks/0/block',
      /not a block of this permit \(A, B\)/,
    ],
    [
      'a block named twice',
      [
        { block: 'A', quantity: 1 },
        { block: 'A', quantity: 2 },
      ],
      1,
      '/blocks/1/block',
      /second time/,
    ],
  ])('refuses %s with its path', (_case, blocks, count, path, message) => {
    const answer = endorsedQuantitiesOf(blocks, count);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? [] : answer.problems).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});
