import type { JsonLogicRule } from './definition';

/** A rule turned into a function of the form data. */
export type CompiledRule = (data: unknown) => unknown;

/** JSON Logic's truth: an empty list is false, everything else as in JavaScript. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/**
 * Reads a dotted path through own properties only: whatever a rule names, it can never reach an
 * object's prototype (`constructor`, `__proto__`), even on plain data with prototypes.
 */
function readPath(data: unknown, path: string, notFound: unknown): unknown {
  return path === '' ? data : readSegments(data, path.split('.'), notFound);
}

function readSegments(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || current === undefined) return notFound;
    if (typeof current !== 'object' && typeof current !== 'string') return notFound;
    if (!Object.hasOwn(current as object, segment)) return notFound;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return notFound;
  }
  return current;
}

const isOperation = (node: unknown): node is Record<string, unknown> =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;

const containsOperation = (node: unknown): boolean =>
  isOperation(node) || (Array.isArray(node) && node.some(containsOperation));

const number = (value: unknown) => parseFloat(value as string);

type Values = unknown[];
const PLAIN_OPERATORS: Readonly<Record<string, (values: Values, data: unknown) => unknown>> = {
  // Loose equality is JSON Logic's own meaning of "==", kept so rules behave as documented.
  // eslint-disable-next-line eqeqeq
  '==': ([a, b]) => a == b,
  '===': ([a, b]) => a === b,
  // eslint-disable-next-line eqeqeq
  '!=': ([a, b]) => a != b,
  '!==': ([a, b]) => a !== b,
  '>': ([a, b]) => (a as number) > (b as number),
  '>=': ([a, b]) => (a as number) >= (b as number),
  '<': ([a, b, c]) =>
    c === undefined
      ? (a as number) < (b as number)
      : (a as number) < (b as number) && (b as number) < (c as number),
  '<=': ([a, b, c]) =>
    c === undefined
      ? (a as number) <= (b as number)
      : (a as number) <= (b as number) && (b as number) <= (c as number),
  '!!': ([a]) => truthy(a),
  '!': ([a]) => !truthy(a),
  '%': ([a, b]) => (a as number) % (b as number),
  in: ([a, b]) =>
    (typeof b === 'string' || Array.isArray(b)) &&
    (b as { indexOf(item: unknown): number }).indexOf(a) !== -1,
  cat: (values) => values.join(''),
  substr: ([source, start, end]) => {
    const text = String(source);
    if ((end as number) < 0) {
      const tail = text.substr(start as number);
      return tail.substr(0, tail.length + (end as number));
    }
    return text.substr(start as number, end as number);
  },
  '+': (values) => values.reduce<number>((sum, value) => number(sum) + number(value), 0),
  '*': (values) =>
    values.length === 0 ? undefined : values.map(number).reduce((product, value) => product * value),
  '-': ([a, b]) => (b === undefined ? -(a as number) : (a as number) - (b as number)),
  '/': ([a, b]) => (a as number) / (b as number),
  min: (values) => Math.min(...(values as number[])),
  max: (values) => Math.max(...(values as number[])),
  merge: (values) => values.reduce<unknown[]>((merged, value) => merged.concat(value), []),
  var: ([path, fallback], data) =>
    path === undefined || path === null
      ? data
      : readPath(data, String(path), fallback === undefined ? null : fallback),
  missing: (values, data) => {
    const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    return keys.filter((key) => {
      const value = readPath(data, String(key), null);
      return value === null || value === '';
    });
  },
  missing_some: ([needed, keys], data) => {
    const missing = PLAIN_OPERATORS.missing!([keys], data) as unknown[];
    return (keys as unknown[]).length - missing.length >= (needed as number) ? [] : missing;
  },
};

/**
 * Compiles a checked rule (see `checkRule`) into a function with the meaning json-logic-js gives it,
 * once per published procedure instead of interpreting the JSON for every application; and with
 * field paths read through own properties only. Unknown operators throw here, at compile time.
 */
export function compileRule(rule: JsonLogicRule | unknown): CompiledRule {
  if (Array.isArray(rule)) {
    // A list of plain values (`["C", "D"]` in an `in`) is a constant; only lists with operations are computed.
    if (!rule.some(containsOperation)) return () => rule;
    const items = rule.map(compileRule);
    return (data) => items.map((item) => item(data));
  }
  if (!isOperation(rule)) return () => rule;
  const [operator] = Object.keys(rule) as [string];
  const operand = rule[operator];
  const literals = Array.isArray(operand) ? operand : [operand];
  // The usual case, a field named in the rule: its path is split once, here.
  if (
    operator === 'var' &&
    typeof literals[0] === 'string' &&
    literals[0] !== '' &&
    !isOperation(literals[1])
  ) {
    const segments = literals[0].split('.');
    const fallback = literals[1] === undefined ? null : literals[1];
    return (data) => readSegments(data, segments, fallback);
  }
  const args = literals.map(compileRule);

  switch (operator) {
    case 'if':
    case '?:':
      return (data) => {
        let index = 0;
        for (; index < args.length - 1; index += 2) {
          if (truthy(args[index]!(data))) return args[index + 1]!(data);
        }
        return index === args.length - 1 ? args[index]!(data) : null;
      };
    case 'and':
      return (data) => {
        let current: unknown;
        for (const arg of args) {
          current = arg(data);
          if (!truthy(current)) return current;
        }
        return current;
      };
    case 'or':
      return (data) => {
        let current: unknown;
        for (const arg of args) {
          current = arg(data);
          if (truthy(current)) return current;
        }
        return current;
      };
    case 'filter':
    case 'map':
    case 'all':
    case 'none':
    case 'some': {
      const [list, test] = args as [CompiledRule, CompiledRule];
      return (data) => {
        const items = list(data);
        if (!Array.isArray(items))
          return operator === 'none' ? true : operator === 'filter' || operator === 'map' ? [] : false;
        if (operator === 'filter') return items.filter((item) => truthy(test(item)));
        if (operator === 'map') return items.map((item) => test(item));
        if (items.length === 0) return operator === 'none';
        if (operator === 'all') return items.every((item) => truthy(test(item)));
        if (operator === 'some') return items.some((item) => truthy(test(item)));
        return !items.some((item) => truthy(test(item)));
      };
    }
    case 'reduce': {
      const [list, step, start] = args as [CompiledRule, CompiledRule, CompiledRule | undefined];
      return (data) => {
        const items = list(data);
        const initial = start ? start(data) : null;
        if (!Array.isArray(items)) return initial;
        return items.reduce(
          (accumulator: unknown, current: unknown) => step({ current, accumulator }),
          initial,
        );
      };
    }
  }
  const apply = Object.hasOwn(PLAIN_OPERATORS, operator) ? PLAIN_OPERATORS[operator]! : undefined;
  if (!apply) throw new Error(`Unrecognized operation ${operator}`);
  if (args.length === 1) {
    const [only] = args as [CompiledRule];
    return (data) => apply([only(data)], data);
  }
  if (args.length === 2) {
    const [first, second] = args as [CompiledRule, CompiledRule];
    return (data) => apply([first(data), second(data)], data);
  }
  return (data) =>
    apply(
      args.map((arg) => arg(data)),
      data,
    );
}
