type Schema = Record<string, unknown>;

/** Stands for data whose shape is not known (the result of `map`, a literal): any path is allowed. */
export const ANY_SHAPE: unique symbol = Symbol('any shape');

/** A place in a form's JSON Schema, or {@link ANY_SHAPE}. */
export type FieldShape = readonly Schema[] | typeof ANY_SHAPE;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every subschema that can describe the same value: conditional branches and combinations count,
 * because a field declared only under `then` is still a field of the form.
 */
function alternatives(schema: Schema): Schema[] {
  const found: Schema[] = [schema];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const part of list) if (isSchema(part)) found.push(...alternatives(part));
  }
  for (const key of ['then', 'else']) {
    const part = schema[key];
    if (isSchema(part)) found.push(...alternatives(part));
  }
  const dependencies = schema.dependencies;
  if (isSchema(dependencies)) {
    for (const part of Object.values(dependencies)) if (isSchema(part)) found.push(...alternatives(part));
  }
  return found;
}

function step(shape: readonly Schema[], segment: string): Schema[] {
  const next: Schema[] = [];
  for (const schema of shape.flatMap(alternatives)) {
    const properties = schema.properties;
    if (isSchema(properties) && Object.hasOwn(properties, segment) && isSchema(properties[segment])) {
      next.push(properties[segment]);
    }
    if (/^(0|[1-9]\d{0,3})$/.test(segment) && isSchema(schema.items)) next.push(schema.items);
  }
  return next;
}

/** Whether any alternative at this place is an array; `length` is readable there. */
function isArrayShape(shape: readonly Schema[]): boolean {
  return shape.flatMap(alternatives).some((schema) => schema.type === 'array' || isSchema(schema.items));
}

/**
 * The place a dotted JSON Logic path (`blocks.0.source`) names in a form, or undefined when the
 * form has no such field. The empty path is the place itself.
 */
export function resolveField(shape: FieldShape, path: string): FieldShape | undefined {
  if (shape === ANY_SHAPE || path === '') return shape;
  let current: readonly Schema[] = shape;
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    if (segment === 'length' && index === segments.length - 1 && isArrayShape(current)) return ANY_SHAPE;
    current = step(current, segment);
    if (current.length === 0) return undefined;
  }
  return current;
}

/** The shape of one element of the array at this place (the scope inside `some`, `all`, `filter`…). */
export function itemsOf(shape: FieldShape): FieldShape {
  if (shape === ANY_SHAPE) return ANY_SHAPE;
  const items = shape
    .flatMap(alternatives)
    .flatMap((schema) => (isSchema(schema.items) ? [schema.items] : []));
  return items;
}

/** The whole form as a place to resolve paths from. */
export function formShape(schema: Record<string, unknown>): FieldShape {
  return [schema];
}
