import type { DateRange } from '../api/dashboards';
import type { DashboardInterval, Language } from '../api/types';
import type { Translate } from './figure-table';

const dayMs = 86_400_000;

/** Whether the text is a real day written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const dayOf = (text: string) => new Date(`${text}T00:00:00Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The whole calendar year. */
export function yearRange(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Why the range cannot be asked for: a date that is not one, or a start after the end. */
export function rangeProblem(range: DateRange): 'invalid' | 'reversed' | undefined {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to)) return 'invalid';
  return range.from > range.to ? 'reversed' : undefined;
}

/** What a download of the range is named after: the year when it is a whole year, else both days. */
export function rangeScope(range: DateRange): string {
  const year = range.from.slice(0, 4);
  const whole = yearRange(Number(year));
  return range.from === whole.from && range.to === whole.to ? year : `${range.from}-to-${range.to}`;
}

/** The ISO 8601 week of a day, `2026-W05`: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOf(day: string): string {
  const date = dayOf(day);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * dayMs));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a day falls in. */
export function periodOf(day: string, interval: DashboardInterval): string {
  return interval === 'month' ? day.slice(0, 7) : isoWeekOf(day);
}

/** A period as the server may write it, with its week number padded: `2026-W5` is `2026-W05`. */
export function normalPeriod(period: string): string {
  const week = /^(\d{4})-W(\d{1,2})$/.exec(period);
  return week ? `${week[1]}-W${week[2]!.padStart(2, '0')}` : period;
}

/**
 * Every period from the range's first day up to its last or today, whichever comes first, so that a
 * week or month without applications shows as an empty bar rather than being left out, and days not
 * yet come get no bar at all.
 */
export function periodsOf(range: DateRange, interval: DashboardInterval, today: string): string[] {
  const last = range.to < today ? range.to : today;
  const periods: string[] = [];
  for (let day = dayOf(range.from); isoDay(day) <= last; day = new Date(day.getTime() + dayMs)) {
    const period = periodOf(isoDay(day), interval);
    if (periods.at(-1) !== period) periods.push(period);
  }
  return periods;
}

/** A period as a reader says it: `Nov 2026` in their language, or `Week 48, 2026`. */
export function periodLabel(period: string, language: Language, t: Translate): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return t('dashboardWeekOf', { week: Number(week[2]), year: week[1]! });
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The years a dashboard offers: next year's quotas may be set already, and ten years back. */
export function yearChoices(currentYear: number): number[] {
  return Array.from({ length: 12 }, (_, index) => currentYear + 1 - index);
}

/** The day it is where the reader is, YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A day as the reader writes it, `1 Mar 2026` or `1 mars 2026`. */
export function dayLabel(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
