import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { HOSTILE_VALUES } from './hostile-values';

/**
 * Request bodies that break a JSON Schema one place at a time: a sample the schema accepts, with one
 * member missing, one unknown member added, or one value replaced by a hostile one.
 */

export type JsonSchema = Record<string, unknown>;
export type JsonPath = Array<string | number>;

/** A place in a sample body and the schema that describes it. */
export interface SchemaPlace {
  path: JsonPath;
  schema: JsonSchema;
}

/** A body as JSON text, with what is hostile about it. */
export interface BodyMutation {
  label: string;
  text: string;
}

/** A value the schema accepts, as plain as possible: every property present, lists of one. */
export function sampleOf(schema: JsonSchema): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const types = ([] as unknown[]).concat(schema.type ?? (schema.properties ? 'object' : []));
  switch (types.find((type) => type !== 'null')) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, sampleOf(child)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () =>
        sampleOf((schema.items ?? {}) as JsonSchema),
      );
    case 'string':
      return sampleText(schema);
    case 'integer':
    case 'number':
      return 'exclusiveMinimum' in schema
        ? Number(schema.exclusiveMinimum) + 1
        : Math.max(Number(schema.minimum ?? 1), 1);
    default:
      return true;
  }
}

const TEXT_CANDIDATES = [
  'sample',
  'KE',
  'ABC',
  'A',
  '123456',
  'sample-id',
  '0123456789abcdef01234567',
  // A port nothing listens on: a sample URL never reaches out of the machine.
  'http://127.0.0.1:9/',
];

function sampleText(schema: JsonSchema): string {
  switch (schema.format) {
    case 'date':
      return '2025-03-14';
    case 'date-time':
      return '2025-03-14T10:00:00Z';
    case 'email':
      return 'fuzz@example.org';
    case 'uri':
      return 'http://127.0.0.1:9/';
  }
  const minimum = Number(schema.minLength ?? 0);
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const fits = (text: string) => text.length >= minimum && (!pattern || pattern.test(text));
  return TEXT_CANDIDATES.find(fits) ?? 's'.repeat(minimum);
}

/** Every place its schema describes in a sample, a few levels deep (a list by its first item). */
export function placesOf(schema: JsonSchema, path: JsonPath = []): SchemaPlace[] {
  const here = { path, schema };
  if (path.length >= 5) return [here];
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  const items = schema.items as JsonSchema | undefined;
  return [
    here,
    ...properties.flatMap(([name, child]) => placesOf(child, [...path, name])),
    ...(items ? placesOf(items, [...path, 0]) : []),
  ];
}

export const pointer = (path: JsonPath) => (path.length === 0 ? '(the whole body)' : `/${path.join('/')}`);

/** Stands in for a value until the JSON text is written, then gives way to raw JSON text. */
const MARKER = '\u0000hostile\u0000';
const MARKER_JSON = JSON.stringify(MARKER);

function valueAt(sample: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], sample);
}

function withValueAt(sample: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(sample);
  (valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path.at(-1)!] = value;
  return copy;
}

/** JSON text of the sample with `json`, raw JSON text, at `path`. */
export function bodyWith(sample: unknown, path: JsonPath, json: string): string {
  return JSON.stringify(withValueAt(sample, path, MARKER)).replace(MARKER_JSON, () => json);
}

/** Each object's required members left out one at a time, and members it does not know added. */
export function memberMutations(sample: unknown, places: SchemaPlace[]): BodyMutation[] {
  const objects = places.filter(({ schema }) => schema.properties !== undefined);
  return objects.flatMap(({ path, schema }) => {
    const members = valueAt(sample, path) as Record<string, unknown>;
    const without = (name: string) =>
      Object.fromEntries(Object.entries(members).filter(([key]) => key !== name));
    const missing = ((schema.required ?? []) as string[]).map((name) => ({
      label: `body ${pointer(path)} without required ${name}`,
      text: bodyWith(sample, path, JSON.stringify(without(name))),
    }));
    // Written as text: a __proto__ member set in JavaScript would change the prototype instead.
    const known = JSON.stringify(members).slice(1);
    const unknown = [
      ['an unknown member', '"unexpected":1'],
      ['a __proto__ member', '"__proto__":{"polluted":"yes"}'],
      ['a constructor member', '"constructor":{"prototype":{"polluted":"yes"}}'],
    ].map(([what, member]) => ({
      label: `body ${pointer(path)} with ${what}`,
      text: bodyWith(sample, path, known === '}' ? `{${member}}` : `{${member},${known}`),
    }));
    return [...missing, ...unknown];
  });
}

/** Every hostile value at one place, and the place's own sample wrapped in a list and in an object. */
export function valueMutations(sample: unknown, place: SchemaPlace): BodyMutation[] {
  const own = JSON.stringify(valueAt(sample, place.path));
  const values = [
    ...HOSTILE_VALUES,
    ['a list instead of the value', `[${own}]`],
    ['an object instead of the value', `{"value":${own}}`],
  ];
  return values.map(([label, json]) => ({
    label: `body ${pointer(place.path)} = ${label}`,
    text: bodyWith(sample, place.path, json!),
  }));
}

/** A text member grown until the whole body is just under the limit. */
export function justUnderLimit(sample: unknown, places: SchemaPlace[], limit: number): BodyMutation[] {
  const text = places.find(({ schema, path }) => schema.type === 'string' && !path.includes(0));
  if (!text) return [];
  const skeleton = Buffer.byteLength(bodyWith(sample, text.path, '""'));
  const filler = 'x'.repeat(limit - skeleton - 16);
  return [
    {
      label: `body ${pointer(text.path)} = text making the body ${skeleton + filler.length} bytes, just under the limit`,
      text: bodyWith(sample, text.path, JSON.stringify(filler)),
    },
  ];
}

const oracle = new Ajv({ allErrors: false, strict: false });
addFormats(oracle);
const validators = new WeakMap<JsonSchema, ValidateFunction>();

/** Whether the schema refuses the body, decided on the text parsed as the server parses it. */
export function schemaRefuses(schema: JsonSchema, text: string): boolean {
  let validate = validators.get(schema);
  if (!validate) {
    validate = oracle.compile(schema);
    validators.set(schema, validate);
  }
  return !validate(JSON.parse(text));
}
