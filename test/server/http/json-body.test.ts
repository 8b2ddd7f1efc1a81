import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../../server/app';
import type { AppServices } from '../../../server/composition';
import { loadConfig } from '../../../server/config';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../server/http/json-body';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('the nesting of JSON text', () => {
  it.each([
    ['a flat object', '{"a":1,"b":[1,2]}', 2, false],
    ['exactly the limit', nested(3), 3, false],
    ['one level past it', nested(4), 3, true],
    ['objects and lists mixed', '{"a":[{"b":[1]}]}', 3, true],
    ['brackets inside a string', '{"a":"[[[[{{{{"}', 1, false],
    ['an escaped quote inside a string', '{"a":"\\"[[[["}', 1, false],
    ['an escaped backslash ending a string', '{"a":"\\\\","b":[[1]]}', 2, true],
    ['multi-byte characters', '{"中文🦎":["é"]}', 2, false],
  ])('%s', (_case, text, limit, deeper) => {
    expect(nestsDeeperThan(utf8(text), limit)).toBe(deeper);
  });

  it('stops at the first level past the limit, however deep the text goes', () => {
    expect(nestsDeeperThan(utf8(`${'{"a":'.repeat(500_000)}1`), MAX_JSON_DEPTH)).toBe(true);
  });
});

// Fake services: these requests are all refused before any service is called.
const auth = { authenticate: async () => ({ kind: 'anonymous' }) };

describe('reading request bodies', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const app = createApp(
      loadConfig({ NODE_ENV: 'test' }),
      { auth } as unknown as AppServices,
      pino({ level: 'silent' }),
    );
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each([
    [
      'JSON nested as deep as allowed',
      'application/json',
      {},
      utf8(`{"email":${nested(MAX_JSON_DEPTH - 1)}}`),
      422,
    ],
    [
      'JSON nested one level deeper',
      'application/json',
      {},
      utf8(`{"email":${nested(MAX_JSON_DEPTH)}}`),
      400,
    ],
    ['100,000 levels of [', 'application/json', {}, utf8(nested(100_000)), 400],
    [
      'bytes that are not UTF-8',
      'application/json',
      {},
      Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      400,
    ],
    ['JSON in latin1', 'application/json; charset=latin1', {}, Buffer.from('{"a":"é"}', 'latin1'), 415],
    ['JSON in UTF-16', 'application/json; charset=utf-16le', {}, Buffer.from('{"a":1}', 'utf16le'), 415],
    ['gzip that is not gzip', 'application/json', { 'content-encoding': 'gzip' }, utf8('{"a":1}'), 400],
    [
      'gzip inflating past the limit',
      'application/json',
      { 'content-encoding': 'gzip' },
      zlib.gzipSync(`{"a":"${'0'.repeat(2_000_000)}"}`),
      413,
    ],
    ['an unknown Content-Encoding', 'application/json', { 'content-encoding': 'compress' }, utf8('{}'), 415],
    ['a form instead of JSON', 'application/x-www-form-urlencoded', {}, utf8('email=a'), 415],
  ])('answers %s with a problem document', async (_case, type, headers, body, status) => {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': type, ...headers },
      body,
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status, detail: expect.any(String) });
  });

  it('answers a path it cannot decode with 400, not 500', async () => {
    const response = await fetch(`${base}/api/users/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      detail: 'The path is not valid percent-encoding.',
    });
  });
});
