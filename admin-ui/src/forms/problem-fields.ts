import type { ErrorSchema } from '@rjsf/utils';
import type { FieldProblem } from '../api/problem';
import { pointerSegments } from './json-pointer';

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns the server's problems about form data (`/data/blocks/0/quantity`) into the error tree
 * react-jsonschema-form shows beside each field (`extraErrors`). Problems outside `prefix` (about
 * the request, such as `/formVersionId`) are returned apart, to be shown above the form.
 */
export function errorSchemaFrom(
  problems: readonly FieldProblem[],
  prefix = '/data',
): { errorSchema: ErrorSchema; elsewhere: FieldProblem[] } {
  const errorSchema: Record<string, unknown> = {};
  const elsewhere: FieldProblem[] = [];
  for (const problem of problems) {
    const inside = problem.path === prefix || problem.path.startsWith(`${prefix}/`);
    if (!inside) {
      elsewhere.push(problem);
      continue;
    }
    let node = errorSchema;
    for (const segment of pointerSegments(problem.path.slice(prefix.length))) {
      if (!isObject(node[segment])) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    }
    const messages = Array.isArray(node.__errors) ? (node.__errors as string[]) : [];
    if (!messages.includes(problem.message)) node.__errors = [...messages, problem.message];
  }
  return { errorSchema: errorSchema as ErrorSchema, elsewhere };
}

/** The id react-jsonschema-form gives the control of a field: `/blocks/0/quantity` → `root_blocks_0_quantity`. */
export function fieldIdOf(pointer: string, idPrefix = 'root'): string {
  return [idPrefix, ...pointerSegments(pointer)].join('_');
}

/** The sub-schema that describes one member or item, looking into conditional parts too. */
function childOf(schema: Schema, segment: string): Schema | undefined {
  const properties = schema.properties;
  if (isObject(properties) && isObject(properties[segment])) return properties[segment];
  if (/^\d+$/.test(segment)) {
    if (Array.isArray(schema.items) && isObject(schema.items[Number(segment)])) {
      return schema.items[Number(segment)] as Schema;
    }
    if (isObject(schema.items)) return schema.items;
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const parts = schema[keyword];
    if (!Array.isArray(parts)) continue;
    for (const part of parts) {
      const found = isObject(part) ? childOf(part, segment) : undefined;
      if (found) return found;
    }
  }
  for (const keyword of ['then', 'else']) {
    const part = schema[keyword];
    const found = isObject(part) ? childOf(part, segment) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * How a person would name the field at a pointer, from the titles of the (localized) schema:
 * `/blocks/0/quantity` → `Specimens › 1 › Quantity`. Parts without a title keep their name.
 */
export function fieldLabel(schema: unknown, pointer: string): string {
  const labels: string[] = [];
  let node: Schema | undefined = isObject(schema) ? schema : undefined;
  for (const segment of pointerSegments(pointer)) {
    node = node ? childOf(node, segment) : undefined;
    if (/^\d+$/.test(segment)) labels.push(String(Number(segment) + 1));
    else labels.push(typeof node?.title === 'string' && node.title.trim() ? node.title : segment);
  }
  return labels.join(' › ');
}
