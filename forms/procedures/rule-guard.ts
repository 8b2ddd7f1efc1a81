import type { DefinitionProblem } from './definition';
import { ANY_SHAPE, itemsOf, resolveField, type FieldShape } from './form-fields';

/**
 * The JSON Logic operators a procedure may use: comparisons, logic, arithmetic, strings and array
 * tests. Nothing that logs, calls methods or reaches outside the data.
 */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'and',
  'or',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'cat',
  'substr',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'merge',
  'some',
  'all',
  'none',
  'filter',
  'map',
  'reduce',
]);

/** Path segments that would reach JavaScript's object machinery instead of the form data. */
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const ARRAY_OPERATORS = new Set(['some', 'all', 'none', 'filter', 'map', 'reduce']);
const MAX_DEPTH = 32;

interface Scope {
  readonly shape: FieldShape;
  /** Inside `reduce`: `current` is an element, `accumulator` anything. */
  readonly reduceItem?: FieldShape;
}

/**
 * Checks a rule before it is saved: only allow-listed operators, only literal field paths, every path
 * a field of the form (inside `some`/`all`/… a field of the array's elements), and never a path
 * through `__proto__`, `constructor` or `prototype`. An empty list means the rule may be saved.
 */
export function checkRule(rule: unknown, form: FieldShape, at: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  visit(rule, { shape: form }, at, 0, problems);
  return problems;
}

function visit(node: unknown, scope: Scope, at: string, depth: number, problems: DefinitionProblem[]): void {
  if (depth > MAX_DEPTH) {
    problems.push({ path: at, message: `nests deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, index) => visit(item, scope, `${at}/${index}`, depth + 1, problems));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    problems.push({ path: at, message: 'an operation is an object with exactly one operator' });
    return;
  }
  const operator = keys[0]!;
  const operand = (node as Record<string, unknown>)[operator];
  const here = `${at}/${escapePointer(operator)}`;
  if (!ALLOWED_OPERATORS.has(operator)) {
    problems.push({ path: here, message: `uses "${operator}", which is not an allowed operator` });
    return;
  }
  const args = Array.isArray(operand) ? operand : [operand];
  if (operator === 'var') return checkVar(args, scope, here, problems);
  if (operator === 'missing' || operator === 'missing_some') {
    const names = operator === 'missing_some' ? args[1] : args;
    const list = Array.isArray(names) ? names : [names];
    const base = operator === 'missing_some' ? `${here}/1` : here;
    list.forEach((name, index) => checkPath(name, scope, `${base}/${index}`, problems));
    if (operator === 'missing_some') visit(args[0], scope, `${here}/0`, depth + 1, problems);
    return;
  }
  if (ARRAY_OPERATORS.has(operator)) {
    visit(args[0], scope, `${here}/0`, depth + 1, problems);
    const items = itemsOf(shapeOf(args[0], scope));
    const inner: Scope = operator === 'reduce' ? { shape: ANY_SHAPE, reduceItem: items } : { shape: items };
    visit(args[1], inner, `${here}/1`, depth + 1, problems);
    args.slice(2).forEach((arg, index) => visit(arg, scope, `${here}/${index + 2}`, depth + 1, problems));
    return;
  }
  args.forEach((arg, index) =>
    visit(arg, scope, Array.isArray(operand) ? `${here}/${index}` : here, depth + 1, problems),
  );
}

function checkVar(args: unknown[], scope: Scope, at: string, problems: DefinitionProblem[]): void {
  const path = args[0] ?? '';
  checkPath(path, scope, Array.isArray(args) && args.length > 1 ? `${at}/0` : at, problems);
  // The default value is data, but a default computed by an operation could hide a path.
  if (args.length > 1 && typeof args[1] === 'object' && args[1] !== null) {
    problems.push({ path: `${at}/1`, message: 'a default value must be a plain value' });
  }
}

function checkPath(path: unknown, scope: Scope, at: string, problems: DefinitionProblem[]): void {
  if (typeof path === 'number' && Number.isInteger(path) && path >= 0) path = String(path);
  if (typeof path !== 'string') {
    problems.push({ path: at, message: 'a field path must be written out as text, not computed' });
    return;
  }
  const segments = path.split('.');
  const forbidden = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
  if (forbidden !== undefined) {
    problems.push({ path: at, message: `may not read "${forbidden}"` });
    return;
  }
  if (resolveIn(scope, path) === undefined) {
    problems.push({ path: at, message: `"${path}" is not a field of the form` });
  }
}

function resolveIn(scope: Scope, path: string): FieldShape | undefined {
  if (scope.reduceItem !== undefined) {
    const [head, ...rest] = path.split('.');
    if (head === 'accumulator') return ANY_SHAPE;
    if (head === 'current') return resolveField(scope.reduceItem, rest.join('.'));
    return undefined;
  }
  return resolveField(scope.shape, path);
}

/** The shape of the value an expression yields, as far as it is known. */
function shapeOf(node: unknown, scope: Scope): FieldShape {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return ANY_SHAPE;
  const [operator] = Object.keys(node);
  const operand = (node as Record<string, unknown>)[operator!];
  const args = Array.isArray(operand) ? operand : [operand];
  if (operator === 'var' && typeof args[0] === 'string') return resolveIn(scope, args[0]) ?? [];
  if (operator === 'filter') return shapeOf(args[0], scope);
  return ANY_SHAPE;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
