import zlib from 'node:zlib';
import {
  HOSTILE_IDEMPOTENCY_KEYS,
  HOSTILE_PATH_SEGMENTS,
  HOSTILE_QUERIES,
  HOSTILE_VALUES,
  INVALID_JSON,
  WRONG_CONTENT_TYPES,
} from './hostile-values';
import {
  bodyWith,
  justUnderLimit,
  memberMutations,
  placesOf,
  pointer,
  sampleOf,
  schemaRefuses,
  valueMutations,
  type JsonSchema,
} from './schema-mutations';
import { hashOf, seededRandom, shuffled } from './seeded-random';

/**
 * Hostile requests generated from the API's own OpenAPI document: unreadable bodies, bodies that
 * break the operation's schema one place at a time, malformed path segments and query parameters,
 * wrong content types and encodings, and some of these without a token. One seed always gives the
 * same requests, so a failing case can be sent again.
 */

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  'x-pangolin-access'?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One operation of the document, as the fuzzer reads it. */
export interface FuzzOperation {
  /** `METHOD /path/{param}`, as the document spells it. */
  name: string;
  method: string;
  path: string;
  /** `public`, `signed-in` or `permission:<name>` (the document's `x-pangolin-access`). */
  access: string;
  pathParameters: string[];
  queryParameters: string[];
  headerParameters: string[];
  bodySchema?: JsonSchema;
}

export interface HostileRequest {
  operation: string;
  /** Which part of the request is hostile; `access` is a hostile request sent without a token. */
  part: 'reading' | 'body' | 'content-type' | 'path' | 'query' | 'header' | 'access';
  /** What is hostile about it, e.g. `body /blocks/0/quantity = overflowing number 1e309`. */
  label: string;
  method: string;
  /** Path and query exactly as they stand on the request line. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent without a token even when the operation needs one. */
  anonymous: boolean;
  /**
   * - `refusal`: the request breaks the contract; it must get a 4xx problem document and change nothing.
   * - `no-server-error`: odd, but it may be served (a read with a strange query, a body the schema
   *   admits, an odd but well-formed id); anything but a 5xx will do.
   */
  expect: 'refusal' | 'no-server-error';
  /** The status the contract names for this case: 413 for an oversized body, 401 without a token... */
  status?: number;
  /** The handler may run and keep what it accepts. */
  mayStore: boolean;
}

export interface FuzzOptions {
  seed: number;
  /** The API's JSON body limit, in bytes. */
  bodyLimitBytes: number;
  /** At most this many body mutations, path segment and query parameter cases per operation. */
  maxBodyCases: number;
  maxPathCases: number;
  maxQueryCases: number;
}

export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const named = (place: OpenApiParameter['in']) =>
        (operation.parameters ?? []).filter((parameter) => parameter.in === place).map(({ name }) => name);
      return {
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        access: operation['x-pangolin-access'] ?? 'public',
        pathParameters: named('path'),
        queryParameters: named('query'),
        headerParameters: named('header'),
        bodySchema: operation.requestBody?.content['application/json']?.schema,
      };
    }),
  );
}

/** What every path parameter is when another part of the request is the hostile one. */
const SAMPLE_ID = '0123456789abcdef01234567';
const JSON_TYPE = { 'content-type': 'application/json' };
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** What the cases of one operation share: where they go, and the sample that fills what is not hostile. */
interface Setting {
  operation: FuzzOperation;
  options: FuzzOptions;
  random: () => number;
  samplePath: string;
  sampleBody?: unknown;
  /** The sample body and its Content-Type, for cases whose hostile part is elsewhere. */
  sampleParts: { headers: Record<string, string>; body?: Buffer };
  request(
    label: string,
    parts: Partial<HostileRequest> & Pick<HostileRequest, 'expect' | 'part'>,
  ): HostileRequest;
}

/** Every hostile request for one operation. */
export function hostileRequests(operation: FuzzOperation, options: FuzzOptions): HostileRequest[] {
  const samplePath = operation.path.replace(/\{\w+\}/g, SAMPLE_ID);
  const sampleBody = operation.bodySchema ? sampleOf(operation.bodySchema) : undefined;
  const setting: Setting = {
    operation,
    options,
    // One seed per operation, so that a new operation leaves the others' cases as they were.
    random: seededRandom(options.seed ^ hashOf(operation.name)),
    samplePath,
    sampleBody,
    sampleParts:
      sampleBody === undefined
        ? { headers: {} }
        : { headers: JSON_TYPE, body: utf8(JSON.stringify(sampleBody)) },
    request: (label, parts) => ({
      operation: operation.name,
      label,
      method: operation.method,
      target: samplePath,
      headers: {},
      anonymous: operation.access === 'public',
      mayStore: false,
      ...parts,
    }),
  };
  const bodies = bodyCases(setting);
  const paths = pathCases(setting);
  return [
    ...unreadableCases(setting),
    ...deepInsideCases(setting),
    ...bodies,
    ...contentTypeCases(setting),
    ...paths,
    ...queryCases(setting),
    ...headerCases(setting),
    ...anonymousCases(setting, [...bodies, ...paths]),
  ];
}

let gzipBomb: Buffer | undefined;
/** A few kilobytes on the wire, 20 MB once inflated. */
function inflatingBeyondLimit(): Buffer {
  gzipBomb ??= zlib.gzipSync(`{"a":"${'0'.repeat(20_000_000)}"}`);
  return gzipBomb;
}

/** Refused while the body is read, before routing: every operation gets these. */
function unreadableCases({ request, options }: Setting): HostileRequest[] {
  const reading = (label: string, status: number, headers: Record<string, string>, body: Buffer) =>
    request(label, { part: 'reading', expect: 'refusal', status, headers, body });
  const gzip = { ...JSON_TYPE, 'content-encoding': 'gzip' };
  return [
    ...INVALID_JSON.map(([label, text]) => reading(`invalid JSON: ${label}`, 400, JSON_TYPE, utf8(text))),
    ...[10_000, 100_000].flatMap((levels) => [
      reading(`${levels} levels of [`, 400, JSON_TYPE, utf8(`${'['.repeat(levels)}${']'.repeat(levels)}`)),
      reading(
        `${levels} levels of {"a":`,
        400,
        JSON_TYPE,
        utf8(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`),
      ),
    ]),
    reading(
      'a body one byte over the limit',
      413,
      JSON_TYPE,
      utf8(`{"a":"${'x'.repeat(options.bodyLimitBytes - 7)}"}`),
    ),
    reading('a gzip body inflating far beyond the limit', 413, gzip, inflatingBeyondLimit()),
    reading('a gzip body that is not gzip', 400, gzip, utf8('{"a":1}')),
    reading('an unknown Content-Encoding', 415, { ...JSON_TYPE, 'content-encoding': 'compress' }, utf8('{}')),
    reading(
      'JSON in latin1',
      415,
      { 'content-type': 'application/json; charset=latin1' },
      Buffer.from('{"a":"\u00e9"}', 'latin1'),
    ),
    reading(
      'JSON in UTF-16',
      415,
      { 'content-type': 'application/json; charset=utf-16le' },
      Buffer.from('{"a":1}', 'utf16le'),
    ),
    reading(
      'bytes that are not UTF-8',
      400,
      JSON_TYPE,
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    ),
  ];
}

/**
 * Deep nesting where the schema takes any object, so that only the body reader stands in its way;
 * the Idempotency-Key has a POST digest the body, which walks all of it.
 */
function deepInsideCases({ operation, sampleBody, request }: Setting): HostileRequest[] {
  const free = operation.bodySchema
    ? placesOf(operation.bodySchema).find(({ schema }) => schema.type === 'object' && !schema.properties)
    : undefined;
  if (!free) return [];
  const levels = 100_000;
  return [
    request(`${levels} levels of {"a": inside ${pointer(free.path)}, with an Idempotency-Key`, {
      part: 'reading',
      expect: 'refusal',
      status: 400,
      headers: { ...JSON_TYPE, 'idempotency-key': 'deep-inside' },
      body: utf8(bodyWith(sampleBody, free.path, `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`)),
    }),
  ];
}

/** Takes from each list in turn, so that a cap still reaches every place of the schema. */
function interleaved<T>(lists: T[][]): T[] {
  const result: T[] = [];
  for (let round = 0; lists.some((list) => round < list.length); round += 1)
    for (const list of lists) if (round < list.length) result.push(list[round]!);
  return result;
}

/**
 * The schema broken one place at a time. Whether the schema refuses a case is decided by the schema
 * itself; the few it admits reach the handler, which serves or refuses them (and may store them).
 */
function bodyCases({ operation, options, random, sampleBody, request }: Setting): HostileRequest[] {
  const schema = operation.bodySchema;
  if (!schema) return [];
  const places = placesOf(schema);
  const wholeBodies = HOSTILE_VALUES.map(([label, text]) => ({ label: `body = ${label}`, text }));
  const mutations = [
    { label: 'body = the sample in a list', text: `[${JSON.stringify(sampleBody)}]` },
    ...justUnderLimit(sampleBody, places, options.bodyLimitBytes),
    ...shuffled(memberMutations(sampleBody, places), random).slice(0, Math.ceil(options.maxBodyCases / 4)),
    ...shuffled(wholeBodies, random).slice(0, 6),
    ...interleaved(places.map((place) => shuffled(valueMutations(sampleBody, place), random))),
  ].slice(0, options.maxBodyCases);
  return mutations.map(({ label, text }) => {
    const refused = schemaRefuses(schema, text);
    return request(label, {
      part: 'body',
      expect: refused ? 'refusal' : 'no-server-error',
      // Strict JSON takes only an object or a list as the whole body.
      ...(/^[[{]/.test(text) ? {} : { status: 400 }),
      mayStore: !refused,
      headers: JSON_TYPE,
      body: utf8(text),
    });
  });
}

function contentTypeCases({ operation, request }: Setting): HostileRequest[] {
  if (!operation.bodySchema) return [];
  return WRONG_CONTENT_TYPES.map(([contentType, body]) =>
    request(`a body sent as ${contentType ?? 'no Content-Type'}`, {
      part: 'content-type',
      expect: 'refusal',
      status: 415,
      headers: contentType ? { 'content-type': contentType } : {},
      body: utf8(body),
    }),
  );
}

/** One path segment hostile at a time; the body, if any, is the sample, so that the handler sees the id. */
function pathCases({ operation, options, random, sampleParts, request }: Setting): HostileRequest[] {
  const cases = operation.pathParameters.flatMap((parameter) =>
    HOSTILE_PATH_SEGMENTS.map(([label, segment, kind]) =>
      request(`path ${parameter} = ${label}`, {
        part: 'path',
        expect: kind === 'odd' ? 'no-server-error' : 'refusal',
        mayStore: kind === 'odd',
        ...(kind === 'undecodable' ? { status: 400 } : {}),
        ...sampleParts,
        target: operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
          name === parameter ? segment : SAMPLE_ID,
        ),
      }),
    ),
  );
  return shuffled(cases, random).slice(0, options.maxPathCases);
}

function queryCases({ operation, options, random, samplePath, request }: Setting): HostileRequest[] {
  const cases = operation.queryParameters.flatMap((parameter) =>
    HOSTILE_QUERIES.map(([label, query]) =>
      request(`query ${parameter}: ${label}`, {
        part: 'query',
        // An odd query may still be answered, as long as it is not with a 5xx; only a read stores nothing.
        expect: 'no-server-error',
        mayStore: operation.method !== 'GET',
        target: `${samplePath}?${query.replaceAll('{p}', parameter)}`,
      }),
    ),
  );
  return shuffled(cases, random).slice(0, options.maxQueryCases);
}

function headerCases({ operation, sampleParts, request }: Setting): HostileRequest[] {
  if (!operation.headerParameters.includes('Idempotency-Key')) return [];
  return HOSTILE_IDEMPOTENCY_KEYS.map(([label, value]) =>
    request(`Idempotency-Key with ${label}`, {
      part: 'header',
      expect: 'refusal',
      status: 422,
      ...sampleParts,
      headers: { ...sampleParts.headers, 'idempotency-key': value },
    }),
  );
}

/** Without a token the access check answers before anything looks at what the request holds. */
function anonymousCases({ operation, random, sampleParts, request }: Setting, hostile: HostileRequest[]) {
  if (operation.access === 'public') return [];
  const withoutToken = (label: string, parts: Partial<HostileRequest>) =>
    request(`${label}, without a token`, {
      ...parts,
      part: 'access',
      expect: 'refusal',
      status: 401,
      mayStore: false,
      anonymous: true,
    });
  const readable = hostile.filter((candidate) => candidate.status === undefined);
  return [
    withoutToken('the sample request', sampleParts),
    ...shuffled(readable, random)
      .slice(0, 2)
      .map((other) => withoutToken(other.label, other)),
  ];
}
