import type { FormChange } from '../api/types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ChangeRow {
  path: string;
  kind: ChangeKind;
  before: string;
  after: string;
}

const kindOf: Record<string, ChangeKind> = {
  add: 'added',
  added: 'added',
  remove: 'removed',
  removed: 'removed',
  replace: 'changed',
  changed: 'changed',
};

/** A value as the change table shows it: JSON, short values on one line, nothing for absent ones. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  const compact = JSON.stringify(value);
  return compact.length <= 60 ? compact : JSON.stringify(value, null, 2);
}

/** The rows of a readable change table, whichever way the server spells the kind of change. */
export function changeRows(changes: readonly FormChange[]): ChangeRow[] {
  return changes.map((change) => ({
    path: change.path || '/',
    kind: kindOf[change.op ?? change.change ?? ''] ?? 'changed',
    before: showValue(change.before),
    after: showValue(change.after),
  }));
}
