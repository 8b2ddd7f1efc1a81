/**
 * The value below which `share` (0 to 1) of the sorted values fall, interpolating between the two
 * nearest ones; undefined for no values.
 */
export function percentile(sorted: readonly number[], share: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * share;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The period a moment falls in: `2026-11` by month, the ISO week `2026-W48` by week (UTC). */
export function periodOf(moment: Date, interval: 'week' | 'month'): string {
  if (interval === 'month') return moment.toISOString().slice(0, 7);
  // ISO 8601: the week with the year's first Thursday is week 1.
  const day = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Days between two moments, to a tenth. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / 86_400_000) * 10) / 10;
}
