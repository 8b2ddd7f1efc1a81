import type { FieldProblem } from '../errors';

/** Deeper than any form; MongoDB-protocol stores refuse documents nested past about 100 levels. */
export const MAX_DATA_DEPTH = 32;

/**
 * Why free-form data (form data kept as it is) cannot be stored, as field problems; none when it
 * can. MongoDB-protocol stores refuse field names that start with `$` or hold a dot or a NUL, which
 * would otherwise surface as a 500 after the request had been accepted.
 */
export function storableDataProblems(value: unknown, path: string, depth = 0): FieldProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_DATA_DEPTH) return [{ path, message: `is nested deeper than ${MAX_DATA_DEPTH} levels` }];
  if (Array.isArray(value))
    return value.flatMap((item, index) =>
      // FerretDB cannot keep a list directly inside a list.
      Array.isArray(item)
        ? [{ path: `${path}/${index}`, message: 'is a list inside a list, which cannot be stored' }]
        : storableDataProblems(item, `${path}/${index}`, depth + 1),
    );
  return Object.entries(value).flatMap(([name, member]) => {
    const memberPath = `${path}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (name.startsWith('$') || name.includes('.') || name.includes('\0')) {
      return [{ path: memberPath, message: 'is a field name that cannot be stored (no leading $, no dots)' }];
    }
    return storableDataProblems(member, memberPath, depth + 1);
  });
}
