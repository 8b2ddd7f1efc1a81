import type { QuotaUse } from '../../../admin-ui/src/api/types';
import {
  monitoringBars,
  monitoringTable,
  percentOf,
  percentTicks,
  quotaBars,
  quotaLooks,
  quotaState,
  quotaTable,
  unitName,
} from '../../../admin-ui/src/dashboard/quotas';
import { t } from './translate';

const quota = (changes: Partial<QuotaUse>): QuotaUse => ({
  id: 'q1',
  scientificName: 'Python regius',
  year: 2026,
  terms: [],
  sources: [],
  purposes: [],
  quantity: 60,
  used: 50,
  left: 10,
  warning: 'nearly-used',
  ...changes,
});

describe('export quota use', () => {
  it('takes a quota without quantity as in preparation, whatever its warning', () => {
    expect(quotaState('none', null)).toBe('in-preparation');
    expect(quotaState('nearly-used', 60)).toBe('nearly-used');
    expect(quotaState('used-up', 0)).toBe('used-up');
  });

  it('gives every state but plain use a badge, and each its own colour', () => {
    expect(quotaLooks.none.badge).toBe(false);
    expect(
      ['nearly-used', 'used-up', 'in-preparation'].every((state) => quotaLooks[state as 'used-up'].badge),
    ).toBe(true);
    expect(t(quotaLooks['nearly-used'].label)).toBe('Nearly used');
    expect(t(quotaLooks['used-up'].label)).toBe('Used up');
    expect(t(quotaLooks['in-preparation'].label)).toBe('In preparation');
    expect(new Set(Object.values(quotaLooks).map((look) => look.colour)).size).toBe(4);
  });

  it('measures use in whole percent; a quota of nought is used up at once', () => {
    expect(percentOf(50, 60)).toBe(83);
    expect(percentOf(60, 60)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(5, null)).toBeNull();
  });

  it('marks every 20% up to 100%, further when a quota was overdrawn', () => {
    expect(percentTicks(83)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(percentTicks(130)).toEqual([0, 20, 40, 60, 80, 100, 120, 140]);
  });

  it('puts the quotas nearest their end first and those in preparation last', () => {
    const bars = quotaBars([
      quota({
        id: 'a',
        scientificName: 'Kinixys belliana',
        quantity: 100,
        used: 10,
        left: 90,
        warning: 'none',
      }),
      quota({
        id: 'b',
        scientificName: 'Chamaeleo gracilis',
        quantity: null,
        used: 0,
        left: null,
        warning: 'none',
      }),
      quota({ id: 'c' }),
      quota({
        id: 'd',
        scientificName: 'Pandinus imperator',
        quantity: 5,
        used: 5,
        left: 0,
        warning: 'used-up',
      }),
    ]);
    expect(bars.map((bar) => [bar.name, bar.percent, bar.state])).toEqual([
      ['Pandinus imperator', 100, 'used-up'],
      ['Python regius', 83, 'nearly-used'],
      ['Kinixys belliana', 10, 'none'],
      ['Chamaeleo gracilis', null, 'in-preparation'],
    ]);
  });

  it('tells apart two quotas of one species by their terms, sources, purposes and unit', () => {
    const bars = quotaBars([
      quota({ id: 'live', terms: ['LIV'], sources: ['W', 'R'] }),
      quota({ id: 'skins', terms: ['SKI'], unit: 'KIL', used: 0, warning: 'none' }),
      quota({ id: 'other', scientificName: 'Kinixys belliana', terms: ['LIV'] }),
    ]);
    expect(bars.map((bar) => bar.name).sort()).toEqual([
      'Kinixys belliana',
      'Python regius (LIV, W/R)',
      'Python regius (SKI, KIL)',
    ]);
  });

  it('names the unit in the reader’s language, specimens when there is none', () => {
    expect(unitName(undefined, 'en', t)).toBe('specimens');
    expect(unitName('KIL', 'es', t)).toBe('kg');
    expect(unitName('XYZ', 'en', t)).toBe('XYZ');
  });

  it('tables each quota with its unit, size, use, what is left and its state in words', () => {
    const bars = quotaBars([
      quota({}),
      quota({
        id: 'q2',
        scientificName: 'Kinixys belliana',
        quantity: null,
        used: 0,
        left: null,
        warning: 'none',
      }),
    ]);
    expect(quotaTable(bars, (unit) => unitName(unit, 'en', t), t)).toEqual({
      columns: ['Species', 'Unit', 'Quota', 'Used', 'Left', 'State'],
      rows: [
        ['Python regius', 'specimens', 60, 50, 10, 'Nearly used'],
        ['Kinixys belliana', 'specimens', null, 0, null, 'In preparation'],
      ],
    });
  });
});

describe('exports against quotas', () => {
  const rows = [
    {
      quotaId: 'q1',
      scientificName: 'Python regius',
      quota: 60,
      reserved: 50,
      exported: 20,
      warning: 'nearly-used' as const,
    },
    {
      quotaId: 'q2',
      scientificName: 'Kinixys belliana',
      quota: 100,
      unit: 'KIL',
      reserved: 100,
      exported: 100,
      warning: 'used-up' as const,
    },
    {
      quotaId: 'q3',
      scientificName: 'Chamaeleo gracilis',
      quota: null,
      reserved: 0,
      exported: 0,
      warning: 'none' as const,
    },
  ];

  it('measures what permits reserved and what actually left as shares of the quota', () => {
    expect(monitoringBars(rows).map((bar) => [bar.id, bar.percent, bar.exportedPercent, bar.state])).toEqual([
      ['q2', 100, 100, 'used-up'],
      ['q1', 83, 33, 'nearly-used'],
      ['q3', null, null, 'in-preparation'],
    ]);
  });

  it('tables the quota, what was reserved and what was exported', () => {
    expect(monitoringTable(monitoringBars(rows), (unit) => unitName(unit, 'en', t), t)).toEqual({
      columns: ['Species', 'Unit', 'Quota', 'Reserved', 'Exported', 'State'],
      rows: [
        ['Kinixys belliana', 'kg', 100, 100, 100, 'Used up'],
        ['Python regius', 'specimens', 60, 50, 20, 'Nearly used'],
        ['Chamaeleo gracilis', 'specimens', null, 0, 0, 'In preparation'],
      ],
    });
  });
});
