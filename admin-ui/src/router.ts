/**
 * Path patterns are slash-separated segments; a segment starting with `:` captures that part of
 * the path under its name, e.g. `/users/:id`.
 */
export type Params = Record<string, string>;

function segments(path: string): string[] {
  return path
    .split(/[?#]/)[0]!
    .split('/')
    .filter((segment) => segment !== '');
}

/** The captured parameters when `pathname` fits `pattern`, otherwise null. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const wanted = segments(pattern);
  const actual = segments(pathname);
  if (wanted.length !== actual.length) return null;
  const params: Params = {};
  for (let index = 0; index < wanted.length; index += 1) {
    const expected = wanted[index]!;
    const given = actual[index]!;
    if (expected.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(given);
      } catch {
        return null;
      }
      params[expected.slice(1)] = value;
    } else if (expected !== given) {
      return null;
    }
  }
  return params;
}

export interface RouteMatch<T> {
  route: T;
  params: Params;
}

/**
 * The route for `pathname`. When several fit, the one with the fewest captured segments wins,
 * so `/users/new` beats `/users/:id` whatever order the table lists them in.
 */
export function resolveRoute<T extends { path: string }>(
  routes: readonly T[],
  pathname: string,
): RouteMatch<T> | null {
  let best: RouteMatch<T> | null = null;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params && (!best || Object.keys(params).length < Object.keys(best.params).length)) {
      best = { route, params };
    }
  }
  return best;
}

/** Fills a pattern's parameters in, encoding each value. */
export function buildPath(pattern: string, params: Params = {}): string {
  const built = segments(pattern).map((segment) => {
    if (!segment.startsWith(':')) return segment;
    const value = params[segment.slice(1)];
    if (value === undefined) throw new Error(`no value for ${segment} in ${pattern}`);
    return encodeURIComponent(value);
  });
  return `/${built.join('/')}`;
}

/**
 * Whether a click on a link should be handled by the app rather than the browser: a plain
 * primary-button click on a same-origin link without a target.
 */
export function isAppNavigation(click: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target?: string | null;
}): boolean {
  return (
    click.button === 0 &&
    !click.defaultPrevented &&
    !click.metaKey &&
    !click.ctrlKey &&
    !click.shiftKey &&
    !click.altKey &&
    (!click.target || click.target === '_self')
  );
}
