import type { DateRange } from '../api/dashboards';
import type { ApplicationsByStatus } from '../api/types';
import { statusLabel } from '../documents';
import type { FigureTable, Translate } from './figure-table';
import { normalPeriod, periodsOf } from './periods';

/** Statuses in the order an application goes through them, refusals and endings after issuance. */
export const statusOrder = [
  'submitted',
  'under-review',
  'more-information-requested',
  'issued',
  'endorsed',
  'used',
  'rejected',
  'withdrawn',
  'expired',
  'cancelled',
] as const;

/**
 * One colour per status, from the Okabe–Ito and Tol palettes, which people with the common colour
 * vision deficiencies can tell apart; a status this app does not know yet is grey.
 */
const statusColours: Record<string, string> = {
  submitted: '#0072b2',
  'under-review': '#56b4e9',
  'more-information-requested': '#e69f00',
  issued: '#009e73',
  endorsed: '#117733',
  used: '#44aa99',
  rejected: '#d55e00',
  withdrawn: '#999999',
  expired: '#cc79a7',
  cancelled: '#882255',
};

export function statusColour(status: string): string {
  return statusColours[status] ?? '#6b6b6b';
}

/** One bar: the applications submitted in a period, per status, every status of the chart counted. */
export interface StatusBar {
  period: string;
  counts: Record<string, number>;
  total: number;
}

export interface StatusBars {
  /** The statuses some application has, in {@link statusOrder}; unknown ones after, by name. */
  statuses: string[];
  bars: StatusBar[];
  total: number;
}

function rank(status: string): number {
  const index = (statusOrder as readonly string[]).indexOf(status);
  return index < 0 ? statusOrder.length : index;
}

/**
 * The stacked bars of the server's answer: one per period of the range up to today (an empty
 * one where nothing was submitted), and the server's own periods besides should it name others.
 */
export function statusBars(answer: ApplicationsByStatus, range: DateRange, today: string): StatusBars {
  const counted = new Map<string, Record<string, number>>();
  for (const { period, counts } of answer.series) {
    const into = counted.get(normalPeriod(period)) ?? {};
    for (const [status, count] of Object.entries(counts)) {
      if (count) into[status] = (into[status] ?? 0) + count;
    }
    counted.set(normalPeriod(period), into);
  }
  const statuses = [...new Set([...counted.values()].flatMap((counts) => Object.keys(counts)))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const periods = [...new Set([...periodsOf(range, answer.interval, today), ...counted.keys()])].sort();
  const bars = periods.map((period) => {
    const found = counted.get(period) ?? {};
    const counts = Object.fromEntries(statuses.map((status) => [status, found[status] ?? 0]));
    return { period, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
  });
  return { statuses, bars, total: bars.reduce((sum, bar) => sum + bar.total, 0) };
}

/** Period by period, each status a column, and the period's total. */
export function statusTable(
  chart: StatusBars,
  periodName: (period: string) => string,
  t: Translate,
): FigureTable {
  return {
    columns: [
      t('dashboardPeriod'),
      ...chart.statuses.map((status) => statusLabel(status, t)),
      t('dashboardTotal'),
    ],
    rows: chart.bars.map((bar) => [
      periodName(bar.period),
      ...chart.statuses.map((status) => bar.counts[status] ?? 0),
      bar.total,
    ]),
  };
}
