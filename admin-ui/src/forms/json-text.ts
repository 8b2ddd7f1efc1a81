/** The result of reading what someone typed into a JSON editor. */
export type ParsedJson<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads a JSON text that must hold an object (a schema, a UI schema, form data...). */
export function parseJsonObject<T extends object = Record<string, unknown>>(text: string): ParsedJson<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'not an object' };
  }
  return { ok: true, value: value as T };
}

/** How the editors show a document: two-space indented JSON. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}
