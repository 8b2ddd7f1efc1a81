type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Form data without the traces of sections someone opened and left empty: members that are
 * undefined and objects left with no member at all, at any depth. An optional part such as "Import
 * permit" is then absent rather than present and incomplete. Array items are kept where they are,
 * so the positions the server names in its problems stay right.
 */
export function pruneEmpty<T extends Json>(data: T): T {
  return pruneObject(data) as T;
}

function pruneObject(object: Json): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(object)) {
    const pruned = pruneValue(value);
    if (pruned === undefined) continue;
    if (isObject(pruned) && Object.keys(pruned).length === 0) continue;
    result[key] = pruned;
  }
  return result;
}

function pruneValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (isObject(item) ? pruneObject(item) : item));
  if (isObject(value)) return pruneObject(value);
  return value;
}
