/**
 * Drops keys whose value is `undefined`, so optional fields of a parsed record are absent rather than
 * present and empty: records compare and serialise the same whichever importer built them.
 *
 * @param value an object literal with optional fields
 * @returns a copy without the `undefined` entries
 */
export function dropUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as T;
}

/** Type guard for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON string value with its whitespace collapsed.
 *
 * @returns the text, or `undefined` for anything that is not a string or holds only whitespace
 */
export function optionalText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}
