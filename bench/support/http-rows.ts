import { formatNumber } from './table';
import type { TableRow } from './section';

export interface HttpRowLabels {
  /** The route and load, e.g. `GET /api/verify/:token, 200 connections`. */
  route: string;
  /** What the baseline is. */
  baseline: string;
  /** A goal per figure, said as met or missed by the caller. */
  rateNote?: string;
  p99Note?: string;
}

/** Rate, p50 and p99 of an HTTP section as three rows, each next to the baseline's. */
export function httpRows(labels: HttpRowLabels, figures: Record<string, number>): TableRow[] {
  const ms = (value: number | undefined) => `${formatNumber(value, 0)} ms`;
  const ratio = (value: number | undefined, baseline: number | undefined) =>
    value !== undefined && baseline ? Math.round((value / baseline) * 1000) / 1000 : undefined;
  const note = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('; ') || undefined;
  return [
    {
      row: `${labels.route}: answers a second`,
      value: `${formatNumber(figures.perSecond, 0)} /s`,
      baseline: `${formatNumber(figures.baselinePerSecond, 0)} /s`,
      ratio: figures.ratio,
      note: note(`baseline: ${labels.baseline}`, labels.rateNote),
    },
    {
      row: `${labels.route}: p50`,
      value: ms(figures.p50Ms),
      baseline: ms(figures.baselineP50Ms),
      ratio: ratio(figures.p50Ms, figures.baselineP50Ms),
    },
    {
      row: `${labels.route}: p99`,
      value: ms(figures.p99Ms),
      baseline: ms(figures.baselineP99Ms),
      ratio: ratio(figures.p99Ms, figures.baselineP99Ms),
      note: labels.p99Note,
    },
  ];
}
