import type { FormTranslations, Language } from '../api/types';

/** Keywords whose values are data, not schemas: their `title` members must stay as they are. */
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

/** Schema keywords that carry text for people. */
const TEXT_KEYWORDS = ['title', 'description'];

/** UI schema options that carry text for people. */
const UI_TEXT_KEYWORDS = ['ui:title', 'ui:description', 'ui:help', 'ui:placeholder'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of a form's JSON Schema with every title and description in `language`, looked up by
 * its English text in the form's translations; text without a translation stays in English. Enum
 * labels written as `oneOf: [{const, title}]` are titles too, so they are translated as well.
 */
export function localizeSchema<T>(
  schema: T,
  translations: FormTranslations | undefined,
  language: Language,
): T {
  const table = translations?.[language];
  if (!table || Object.keys(table).length === 0) return structuredClone(schema);
  return translate(schema, table, TEXT_KEYWORDS) as T;
}

/** The same for a UI schema: `ui:title`, `ui:description`, `ui:help`, `ui:placeholder`, `ui:enumNames`. */
export function localizeUiSchema<T>(
  uiSchema: T,
  translations: FormTranslations | undefined,
  language: Language,
): T {
  const table = translations?.[language];
  if (!table || Object.keys(table).length === 0) return structuredClone(uiSchema);
  return translate(uiSchema, table, UI_TEXT_KEYWORDS, 'ui:enumNames') as T;
}

function translate(
  node: unknown,
  table: Record<string, string>,
  textKeywords: readonly string[],
  listKeyword?: string,
): unknown {
  if (Array.isArray(node)) return node.map((item) => translate(item, table, textKeywords, listKeyword));
  if (!isObject(node)) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && textKeywords.includes(key)) {
      copy[key] = lookUp(table, value);
    } else if (key === listKeyword && Array.isArray(value)) {
      copy[key] = value.map((item) => (typeof item === 'string' ? lookUp(table, item) : item));
    } else if (DATA_KEYWORDS.has(key)) {
      copy[key] = structuredClone(value);
    } else {
      copy[key] = translate(value, table, textKeywords, listKeyword);
    }
  }
  return copy;
}

function lookUp(table: Record<string, string>, english: string): string {
  const translated = Object.hasOwn(table, english) ? table[english] : undefined;
  return typeof translated === 'string' && translated.trim() !== '' ? translated : english;
}
