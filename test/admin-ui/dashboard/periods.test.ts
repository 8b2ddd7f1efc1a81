import {
  dayLabel,
  isCalendarDate,
  isoWeekOf,
  localDay,
  normalPeriod,
  periodLabel,
  periodsOf,
  rangeProblem,
  rangeScope,
  yearChoices,
  yearRange,
} from '../../../admin-ui/src/dashboard/periods';
import { t } from './translate';

describe('periods of the dashboard', () => {
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2026-11-26', '2026-W48'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-03-02', '2026-W10'],
  ])('puts %s in ISO week %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('lists every month of the range, up to today at the latest', () => {
    expect(periodsOf(yearRange(2026), 'month', '2026-04-15')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(periodsOf({ from: '2025-11-20', to: '2026-01-05' }, 'month', '2026-06-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(periodsOf(yearRange(2027), 'month', '2026-06-01')).toEqual([]);
  });

  it('lists every ISO week of the range once', () => {
    expect(periodsOf({ from: '2026-11-23', to: '2026-12-09' }, 'week', '2027-01-01')).toEqual([
      '2026-W48',
      '2026-W49',
      '2026-W50',
    ]);
    expect(periodsOf({ from: '2026-12-28', to: '2027-01-04' }, 'week', '2027-02-01')).toEqual([
      '2026-W53',
      '2027-W01',
    ]);
  });

  it('pads a week number the server wrote without its zero', () => {
    expect(normalPeriod('2026-W5')).toBe('2026-W05');
    expect(normalPeriod('2026-W48')).toBe('2026-W48');
    expect(normalPeriod('2026-11')).toBe('2026-11');
  });

  it('names periods as readers say them', () => {
    expect(periodLabel('2026-W48', 'en', t)).toBe('Week 48, 2026');
    expect(periodLabel('2026-W05', 'en', t)).toBe('Week 5, 2026');
    expect(periodLabel('2026-11', 'en', t)).toBe('Nov 2026');
    expect(periodLabel('2026-02', 'fr', t)).toMatch(/^févr\.? 2026$/);
    expect(periodLabel('later', 'en', t)).toBe('later');
    expect(dayLabel('2026-03-01', 'en')).toBe('Mar 1, 2026');
  });

  it('refuses a range that is not two real days in order', () => {
    expect(rangeProblem(yearRange(2026))).toBeUndefined();
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeUndefined();
    expect(rangeProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('reversed');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('invalid');
    expect(rangeProblem({ from: '', to: '2026-03-01' })).toBe('invalid');
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('names a whole year by the year and other ranges by both days', () => {
    expect(rangeScope(yearRange(2026))).toBe('2026');
    expect(rangeScope({ from: '2026-01-01', to: '2026-06-30' })).toBe('2026-01-01-to-2026-06-30');
  });

  it('offers next year and the ten years before this one, newest first', () => {
    const years = yearChoices(2026);
    expect(years[0]).toBe(2027);
    expect(years[1]).toBe(2026);
    expect(years.at(-1)).toBe(2016);
    expect(years).toHaveLength(12);
  });

  it('writes the reader’s own day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
