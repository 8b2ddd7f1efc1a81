import {
  blockLabel,
  blockNames,
  hasPermit,
  localIsoDate,
  mayWithdraw,
  quantityIndexOf,
  readQuantities,
} from '../../admin-ui/src/permits';

describe('permit helpers', () => {
  it('knows which statuses carry a permit and which may still be withdrawn', () => {
    for (const status of ['issued', 'endorsed', 'used', 'expired', 'cancelled']) {
      expect(hasPermit(status)).toBe(true);
      expect(mayWithdraw(status)).toBe(false);
    }
    for (const status of ['submitted', 'under-review', 'more-information-requested']) {
      expect(hasPermit(status)).toBe(false);
      expect(mayWithdraw(status)).toBe(true);
    }
    expect(hasPermit('rejected')).toBe(false);
    expect(mayWithdraw('withdrawn')).toBe(false);
  });

  it('names the blocks from the filed data', () => {
    const names = blockNames({
      blocks: [{ scientificName: ' Python regius ', unit: 'KIL' }, { quantity: 3 }, null],
    });
    expect(names).toEqual([
      { scientificName: 'Python regius', unit: 'KIL' },
      { scientificName: '' },
      { scientificName: '' },
    ]);
    expect(blockLabel(names, 0, (n) => `Block ${n}`)).toBe('Python regius');
    expect(blockLabel(names, 1, (n) => `Block ${n}`)).toBe('Block 2');
    expect(blockLabel(names, 5, (n) => `Block ${n}`)).toBe('Block 6');
    expect(blockNames({})).toEqual([]);
    expect(blockNames(undefined)).toEqual([]);
  });

  it('writes today as YYYY-MM-DD in local time', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('reads quantities per block against the authorised ones', () => {
    expect(readQuantities(['5', '2,5'], [5, 3])).toEqual({ values: [5, 2.5], problems: {} });
    expect(readQuantities(['6', '', '-1', 'x'], [5, 3, 3, 3])).toEqual({
      problems: { 0: 'tooMany', 1: 'required', 2: 'invalid', 3: 'invalid' },
    });
    expect(readQuantities(['0'], [4])).toEqual({ values: [0], problems: {} });
  });

  it('finds the block a server problem is about', () => {
    expect(quantityIndexOf('/quantities/1')).toBe(1);
    expect(quantityIndexOf('quantities/0')).toBe(0);
    expect(quantityIndexOf('/port')).toBeUndefined();
  });
});
