import { unitLabel } from '../../../domain/codes/lookups';
import { toQuantityUnit } from '../../../domain/codes/units';
import type { Language, QuotaMonitoring, QuotaUse, QuotaWarning } from '../api/types';
import type { MessageKey } from '../messages';
import type { FigureTable, Translate } from './figure-table';

/** A quota's warning, or that it has no quantity yet and nothing may be exported against it. */
export type QuotaState = QuotaWarning | 'in-preparation';

export function quotaState(warning: QuotaWarning, quota: number | null): QuotaState {
  return quota === null ? 'in-preparation' : warning;
}

/**
 * How each state shows: the colour of its bar and the words for it. Every state but plain use gets
 * a badge, so the warning never rests on colour alone.
 */
export const quotaLooks: Record<QuotaState, { colour: string; label: MessageKey; badge: boolean }> = {
  none: { colour: '#1f7a3a', label: 'dashboardWithinQuota', badge: false },
  'nearly-used': { colour: '#c27c0e', label: 'dashboardNearlyUsed', badge: true },
  'used-up': { colour: '#c0392b', label: 'dashboardUsedUp', badge: true },
  'in-preparation': { colour: '#7d8781', label: 'dashboardInPreparation', badge: true },
};

/** A quota's unit in the reader's language: specimens when it has none, an unknown code as it is. */
export function unitName(unit: string | undefined, language: Language, t: Translate): string {
  const known = toQuantityUnit(unit);
  if (known === undefined) return unit!;
  return known === null ? t('dashboardSpecimens') : unitLabel(known, language);
}

/** A whole percentage of the quota; a quota of nought is used up from the start. */
export function percentOf(part: number, quota: number | null): number | null {
  if (quota === null) return null;
  return quota === 0 ? 100 : Math.round((part / quota) * 100);
}

/** Ticks every fifth of a quota, so that the 80% warning line sits on one; more when a quota is overdrawn. */
export function percentTicks(widest: number): number[] {
  return Array.from({ length: Math.ceil(Math.max(100, widest) / 20) + 1 }, (_, index) => index * 20);
}

/** The species, and the terms, sources, purposes and unit when another quota of the year has the same. */
function quotaNames(quotas: ReadonlyArray<Pick<QuotaUse, 'scientificName'> & Partial<QuotaUse>>): string[] {
  return quotas.map((quota) => {
    const twins = quotas.filter((other) => other.scientificName === quota.scientificName).length;
    if (twins < 2) return quota.scientificName;
    const details = [quota.terms, quota.sources, quota.purposes]
      .map((codes) => (codes ?? []).join('/'))
      .concat(quota.unit ?? '')
      .filter(Boolean);
    return details.length > 0 ? `${quota.scientificName} (${details.join(', ')})` : quota.scientificName;
  });
}

/** Most used first, so that the quotas about to run out lead; those in preparation last. */
const byUse = <T extends { name: string; percent: number | null }>(a: T, b: T) =>
  (b.percent ?? -1) - (a.percent ?? -1) || a.name.localeCompare(b.name);

export interface QuotaBar {
  id: string;
  name: string;
  unit?: string;
  quota: number | null;
  used: number;
  left: number | null;
  /** The share of the quota issued permits took; null in preparation. */
  percent: number | null;
  state: QuotaState;
}

export function quotaBars(quotas: readonly QuotaUse[]): QuotaBar[] {
  const names = quotaNames(quotas);
  return quotas
    .map((quota, index) => ({
      id: quota.id,
      name: names[index]!,
      ...(quota.unit ? { unit: quota.unit } : {}),
      quota: quota.quantity,
      used: quota.used,
      left: quota.left,
      percent: percentOf(quota.used, quota.quantity),
      state: quotaState(quota.warning, quota.quantity),
    }))
    .sort(byUse);
}

export function quotaTable(
  bars: readonly QuotaBar[],
  unitOf: (unit?: string) => string,
  t: Translate,
): FigureTable {
  return {
    columns: [
      t('dashboardSpecies'),
      t('dashboardUnit'),
      t('dashboardQuota'),
      t('dashboardUsed'),
      t('dashboardLeft'),
      t('dashboardState'),
    ],
    rows: bars.map((bar) => [
      bar.name,
      unitOf(bar.unit),
      bar.quota,
      bar.used,
      bar.left,
      t(quotaLooks[bar.state].label),
    ]),
  };
}

export interface MonitoringBar {
  id: string;
  name: string;
  unit?: string;
  quota: number | null;
  reserved: number;
  exported: number;
  /** What issued permits reserved, as a share of the quota. */
  percent: number | null;
  /** What customs endorsed as exported, as a share of the quota. */
  exportedPercent: number | null;
  state: QuotaState;
}

export function monitoringBars(rows: readonly QuotaMonitoring[]): MonitoringBar[] {
  const names = quotaNames(rows);
  return rows
    .map((row, index) => ({
      id: row.quotaId,
      name: names[index]!,
      ...(row.unit ? { unit: row.unit } : {}),
      quota: row.quota,
      reserved: row.reserved,
      exported: row.exported,
      percent: percentOf(row.reserved, row.quota),
      exportedPercent: percentOf(row.exported, row.quota),
      state: quotaState(row.warning, row.quota),
    }))
    .sort(byUse);
}

export function monitoringTable(
  bars: readonly MonitoringBar[],
  unitOf: (unit?: string) => string,
  t: Translate,
): FigureTable {
  return {
    columns: [
      t('dashboardSpecies'),
      t('dashboardUnit'),
      t('dashboardQuota'),
      t('dashboardReserved'),
      t('dashboardExported'),
      t('dashboardState'),
    ],
    rows: bars.map((bar) => [
      bar.name,
      unitOf(bar.unit),
      bar.quota,
      bar.reserved,
      bar.exported,
      t(quotaLooks[bar.state].label),
    ]),
  };
}
