type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

function typeMatches(type: unknown, data: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'boolean':
      return typeof data === 'boolean';
    case 'string':
      return typeof data === 'string';
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isInteger(data);
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isObject(data);
    default:
      return true;
  }
}

/** A local `$ref` (`#/definitions/x`) resolved in the root schema; anything else is unknown. */
function resolveRef(ref: string, root: unknown): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Whether data satisfies a JSON Schema, worked out by reading the schema rather than by compiling
 * it. ajv compiles schemas into functions, which a strict content security policy forbids; the
 * web app then uses this to decide which conditional parts of a form apply (`if`/`then`, `oneOf`,
 * `dependencies`), while the validation that counts is the server's. Formats are not checked and
 * unknown keywords are ignored, so a doubtful case counts as a match.
 */
export function schemaMatches(schema: unknown, data: unknown, root: unknown = schema, depth = 0): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false) return false;
  if (!isObject(schema) || depth > 64) return true;
  const matches = (sub: unknown, value: unknown) => schemaMatches(sub, value, root, depth + 1);

  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, root);
    if (target !== undefined && !matches(target, data)) return false;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => typeMatches(type, data))) return false;
  }
  if ('const' in schema && !deepEqual(schema.const, data)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((value) => deepEqual(value, data))) return false;

  if (Array.isArray(schema.allOf) && !schema.allOf.every((sub) => matches(sub, data))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((sub) => matches(sub, data))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((sub) => matches(sub, data)).length !== 1)
    return false;
  if ('not' in schema && matches(schema.not, data)) return false;
  if ('if' in schema) {
    const branch = matches(schema.if, data) ? schema.then : schema.else;
    if (branch !== undefined && !matches(branch, data)) return false;
  }

  if (typeof data === 'string') {
    const length = [...data].length;
    if (length < (number(schema.minLength) ?? 0)) return false;
    if (length > (number(schema.maxLength) ?? Infinity)) return false;
    if (typeof schema.pattern === 'string') {
      try {
        if (!new RegExp(schema.pattern, 'u').test(data)) return false;
      } catch {
        // A pattern this browser cannot read decides nothing.
      }
    }
  }
  if (typeof data === 'number') {
    if (data < (number(schema.minimum) ?? -Infinity)) return false;
    if (data > (number(schema.maximum) ?? Infinity)) return false;
    if (number(schema.exclusiveMinimum) !== undefined && data <= number(schema.exclusiveMinimum)!)
      return false;
    if (number(schema.exclusiveMaximum) !== undefined && data >= number(schema.exclusiveMaximum)!)
      return false;
    const step = number(schema.multipleOf);
    if (step && Math.abs(data / step - Math.round(data / step)) > 1e-8) return false;
  }
  if (Array.isArray(data)) {
    if (data.length < (number(schema.minItems) ?? 0)) return false;
    if (data.length > (number(schema.maxItems) ?? Infinity)) return false;
    const tuple = Array.isArray(schema.prefixItems)
      ? schema.prefixItems
      : Array.isArray(schema.items)
        ? schema.items
        : [];
    if (tuple.some((sub, index) => index < data.length && !matches(sub, data[index]))) return false;
    const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
    if (rest !== undefined && !data.slice(tuple.length).every((item) => matches(rest, item))) return false;
    if ('contains' in schema) {
      const count = data.filter((item) => matches(schema.contains, item)).length;
      if (count < (number(schema.minContains) ?? 1)) return false;
      if (count > (number(schema.maxContains) ?? Infinity)) return false;
    }
    if (
      schema.uniqueItems === true &&
      data.some((item, index) => data.findIndex((other) => deepEqual(other, item)) !== index)
    ) {
      return false;
    }
  }
  if (isObject(data)) {
    const keys = Object.keys(data);
    if (keys.length < (number(schema.minProperties) ?? 0)) return false;
    if (keys.length > (number(schema.maxProperties) ?? Infinity)) return false;
    if (
      Array.isArray(schema.required) &&
      !schema.required.every((key) => typeof key === 'string' && key in data)
    ) {
      return false;
    }
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [key, sub] of Object.entries(properties)) {
      if (key in data && !matches(sub, data[key])) return false;
    }
    const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
    for (const key of keys) {
      const byPattern = patterns.filter(([pattern]) => {
        try {
          return new RegExp(pattern, 'u').test(key);
        } catch {
          return false;
        }
      });
      if (byPattern.some(([, sub]) => !matches(sub, data[key]))) return false;
      if (!(key in properties) && byPattern.length === 0 && 'additionalProperties' in schema) {
        if (!matches(schema.additionalProperties, data[key])) return false;
      }
      if ('propertyNames' in schema && !matches(schema.propertyNames, key)) return false;
    }
    const dependencies = {
      ...(isObject(schema.dependencies) ? schema.dependencies : {}),
      ...(isObject(schema.dependentRequired) ? schema.dependentRequired : {}),
      ...(isObject(schema.dependentSchemas) ? schema.dependentSchemas : {}),
    };
    for (const [key, dependency] of Object.entries(dependencies)) {
      if (!(key in data)) continue;
      if (Array.isArray(dependency)) {
        if (!dependency.every((other) => typeof other === 'string' && other in data)) return false;
      } else if (!matches(dependency, data)) {
        return false;
      }
    }
  }
  return true;
}

/** Whether this page may turn text into code (ajv needs it); a strict content security policy forbids it. */
export function codeGenerationAllowed(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}
