/**
 * JSON pointers (RFC 6901) as the API names places in documents: `/blocks/0/quantity`. An empty
 * pointer or `/` names the whole document.
 */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.length === 0
    ? '/'
    : segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * The problems whose path lies under `prefix` (e.g. `/schema`), with the prefix taken off, so a
 * problem at `/schema/properties/x` becomes one at `/properties/x` of the schema itself.
 */
export function problemsUnder<P extends { path: string }>(problems: readonly P[], prefix: string): P[] {
  return problems.flatMap((problem) => {
    if (problem.path === prefix) return [{ ...problem, path: '/' }];
    if (problem.path.startsWith(`${prefix}/`))
      return [{ ...problem, path: problem.path.slice(prefix.length) }];
    return [];
  });
}

/** The problems under none of the prefixes: they are about the request as a whole. */
export function problemsOutside<P extends { path: string }>(
  problems: readonly P[],
  prefixes: readonly string[],
): P[] {
  return problems.filter(
    (problem) => !prefixes.some((prefix) => problem.path === prefix || problem.path.startsWith(`${prefix}/`)),
  );
}
