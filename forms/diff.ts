/** One difference between two versions of a form, at a JSON pointer. */
export interface FormChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/**
 * The differences between two JSON documents (a form's schema, UI schema or translations in two
 * versions), object members by name and array items by position, deepest first found.
 *
 * @param before the older document
 * @param after the newer document
 * @param path the pointer of the documents themselves (for nesting)
 */
export function diffJson(before: unknown, after: unknown, path = ''): FormChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const child = `${path}/${escapePointer(key)}`;
      if (!(key in before)) return [{ path: child, change: 'added' as const, after: after[key] }];
      if (!(key in after)) return [{ path: child, change: 'removed' as const, before: before[key] }];
      return diffJson(before[key], after[key], child);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, index) => {
      const child = `${path}/${index}`;
      if (index >= before.length) return [{ path: child, change: 'added' as const, after: after[index] }];
      if (index >= after.length) return [{ path: child, change: 'removed' as const, before: before[index] }];
      return diffJson(before[index], after[index], child);
    }).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: path || '/', change: 'changed', before, after }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
