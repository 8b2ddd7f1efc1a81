import {
  statusBars,
  statusColour,
  statusOrder,
  statusTable,
} from '../../../admin-ui/src/dashboard/applications';
import { yearRange } from '../../../admin-ui/src/dashboard/periods';
import { t } from './translate';

const answer = {
  interval: 'month' as const,
  series: [
    { period: '2026-03', counts: { rejected: 1, issued: 2 } },
    { period: '2026-01', counts: { submitted: 1, 'under-review': 0 } },
  ],
};

describe('applications by status', () => {
  it('gives every period of the range up to today a bar, an empty one where nothing was submitted', () => {
    const chart = statusBars(answer, yearRange(2026), '2026-04-10');
    expect(chart.bars.map((bar) => bar.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(chart.bars[1]).toEqual({
      period: '2026-02',
      counts: { submitted: 0, issued: 0, rejected: 0 },
      total: 0,
    });
    expect(chart.bars[2]).toEqual({
      period: '2026-03',
      counts: { submitted: 0, issued: 2, rejected: 1 },
      total: 3,
    });
    expect(chart.total).toBe(4);
  });

  it('stacks only the statuses some application has, in the order of the lifecycle, unknown ones last', () => {
    const chart = statusBars(
      {
        interval: 'month',
        series: [
          { period: '2026-01', counts: { withdrawn: 1, archived: 2, submitted: 3, 'under-review': 0 } },
        ],
      },
      yearRange(2026),
      '2026-01-31',
    );
    expect(chart.statuses).toEqual(['submitted', 'withdrawn', 'archived']);
    expect(statusOrder.indexOf('issued')).toBeLessThan(statusOrder.indexOf('rejected'));
  });

  it('keeps the server’s own periods and merges weeks written without their zero', () => {
    const chart = statusBars(
      {
        interval: 'week',
        series: [
          { period: '2026-W5', counts: { submitted: 1 } },
          { period: '2026-W05', counts: { submitted: 2 } },
        ],
      },
      { from: '2026-01-26', to: '2026-02-08' },
      '2026-12-31',
    );
    expect(chart.bars).toEqual([
      { period: '2026-W05', counts: { submitted: 3 }, total: 3 },
      { period: '2026-W06', counts: { submitted: 0 }, total: 0 },
    ]);
  });

  it('counts nothing when no application was submitted', () => {
    const chart = statusBars({ interval: 'month', series: [] }, yearRange(2026), '2026-02-01');
    expect(chart).toEqual({
      statuses: [],
      bars: [
        { period: '2026-01', counts: {}, total: 0 },
        { period: '2026-02', counts: {}, total: 0 },
      ],
      total: 0,
    });
  });

  it('tables each period with a column per status, named as the app names statuses, and its total', () => {
    const chart = statusBars(answer, { from: '2026-01-01', to: '2026-03-31' }, '2026-12-31');
    expect(statusTable(chart, (period) => `P ${period}`, t)).toEqual({
      columns: ['Period', 'Submitted', 'Issued', 'Refused', 'All statuses'],
      rows: [
        ['P 2026-01', 1, 0, 0, 1],
        ['P 2026-02', 0, 0, 0, 0],
        ['P 2026-03', 0, 2, 1, 3],
      ],
    });
  });

  it('gives each known status its own colour and unknown ones grey', () => {
    const colours = statusOrder.map(statusColour);
    expect(new Set(colours).size).toBe(statusOrder.length);
    expect(statusColour('archived')).toBe('#6b6b6b');
  });
});
