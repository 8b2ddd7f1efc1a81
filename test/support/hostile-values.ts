/**
 * What the fuzzer puts where a well-behaved client puts a value, a path segment, a query parameter,
 * a body or a header.
 */

type Labelled = ReadonlyArray<readonly [label: string, value: string]>;

/** JSON values, as JSON text so that numbers JavaScript cannot hold (1e309) reach the server as written. */
export const HOSTILE_VALUES: Labelled = [
  ['null', 'null'],
  ['true', 'true'],
  ['zero', '0'],
  ['negative quantity', '-5'],
  ['fraction', '0.5'],
  ['overflowing number 1e309', '1e309'],
  ['negative overflow -1e309', '-1e309'],
  ['integer beyond 2^53', '9007199254740993'],
  ['"NaN"', '"NaN"'],
  ['"-Infinity"', '"-Infinity"'],
  ['empty text', '""'],
  ['control characters', '"\\u0000\\u0007\\u001b[31m\\r\\n"'],
  ['lone surrogate', '"\\ud800"'],
  ['bidi override and astral characters', '"\\u202egnp.exe \\ud83e\\udd8e 中文 é"'],
  ['30 February', '"2025-02-30"'],
  ['month 13', '"2025-13-01"'],
  ['hour 25', '"2025-01-01T25:61:00Z"'],
  ['a word for a date', '"yesterday"'],
  ['empty list', '[]'],
  ['list of null', '[null]'],
  ['empty object', '{}'],
  ['$gt operator', '{"$gt":""}'],
  ['$where operator', '{"$where":"function () { while (true) {} }"}'],
  ['$ne operator', '{"$ne":null}'],
  ['$regex operator', '{"$regex":".*"}'],
  ['__proto__ key', '{"__proto__":{"polluted":"yes"}}'],
  ['constructor.prototype key', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
  ['dotted and $-prefixed keys', '{"a.b":1,"$set":{"roles":["admin"]}}'],
  ['a list inside a list', '{"rows":[["a","b"],[]]}'],
  ['20,000 characters', JSON.stringify('x'.repeat(20_000))],
];

/**
 * Path segments, already as they stand on the request line. Undecodable ones cannot be read at all;
 * malformed ones name nothing that can exist; odd ones are well-formed ids, which a route creating by
 * id may accept.
 */
export const HOSTILE_PATH_SEGMENTS: ReadonlyArray<
  readonly [label: string, segment: string, kind: 'undecodable' | 'malformed' | 'odd']
> = [
  ['4,000 characters', 'a'.repeat(4_000), 'malformed'],
  ['NUL', '%00', 'malformed'],
  ['encoded traversal', '..%2F..%2Fetc%2Fpasswd', 'malformed'],
  ['dot-dot', '..', 'malformed'],
  ['encoded slash', '%2F', 'malformed'],
  ['unicode', encodeURIComponent('ü🦎中\u202e'), 'malformed'],
  ['$ne', '$ne', 'malformed'],
  ['operator JSON', encodeURIComponent('{"$gt":""}'), 'malformed'],
  ['CRLF header injection', '%0D%0ASet-Cookie:%20x=1', 'malformed'],
  ['bad percent-encoding', '%E0%A4%A', 'undecodable'],
  ['lone percent sign', '%', 'undecodable'],
  ['__proto__', '__proto__', 'odd'],
  ['constructor', 'constructor', 'odd'],
  ['negative number', '-1', 'odd'],
  ['1e309', '1e309', 'odd'],
];

/** Query strings; `{p}` stands for the parameter's name. */
export const HOSTILE_QUERIES: Labelled = [
  ['a list by repeated keys', '{p}=1&{p}=2'],
  ['an object by brackets', '{p}[a]=1'],
  ['an operator by brackets', '{p}[$gt]='],
  ['NUL', '{p}=%00'],
  ['4,000 characters', `{p}=${'q'.repeat(4_000)}`],
  ['NaN', '{p}=NaN'],
  ['1e309', '{p}=1e309'],
  ['Infinity', '{p}=Infinity'],
  ['negative', '{p}=-1'],
  ['30 February', '{p}=2025-02-30'],
  ['bad percent-encoding', '{p}=%E0%A4%A'],
  ['unicode', `{p}=${encodeURIComponent('ü🦎\u202e')}`],
  ['empty', '{p}='],
  ['prototype keys', '__proto__[{p}]=1&constructor[prototype][{p}]=1'],
];

export const INVALID_JSON: Labelled = [
  ['unterminated object', '{"a":'],
  ['missing value', '{"a":}'],
  ['trailing comma', '[1,]'],
  ['single quotes', "{'a':1}"],
  ['NaN literal', '{"a":NaN}'],
  ['a bare string (strict JSON takes objects and lists only)', '"text"'],
  ['trailing garbage', '{"a":1} trailing'],
  ['NUL byte', '\u0000'],
];

/** Bodies of other types, and one without a type, for routes that take JSON. */
export const WRONG_CONTENT_TYPES: ReadonlyArray<readonly [contentType: string | undefined, body: string]> = [
  ['text/plain', '{}'],
  ['application/x-www-form-urlencoded', 'documentType=export&data[a]=1'],
  [
    'multipart/form-data; boundary=x',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
  ],
  ['application/xml', '<?xml version="1.0"?><a/>'],
  [undefined, '{}'],
];

/** Idempotency-Key values outside 1-255 visible ASCII characters. */
export const HOSTILE_IDEMPOTENCY_KEYS: Labelled = [
  ['256 characters', 'k'.repeat(256)],
  ['a space', 'has space'],
  ['empty', ''],
  ['a non-ASCII character', '\u00e9'],
];
