import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { requestLogging } from '../../../server/http/request-logging';

/** A server with the request logging in front of one route that logs through `req.log` when asked. */
async function serve(level: pino.Level) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const app = express();
  app.use(requestLogging(logger));
  app.get('/thing', (req, res) => {
    if (req.query.log) req.log.warn('something to say');
    res.json({ id: req.id });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, lines, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe.each(['info', 'warn'] as const)('request logging at level %s', (level) => {
  it('gives each request an id, the caller’s when it is a sensible one, in the answer too', async () => {
    const { base, close } = await serve(level);
    try {
      const given = await fetch(`${base}/thing`, { headers: { 'x-request-id': 'trace-123' } });
      expect(given.headers.get('x-request-id')).toBe('trace-123');
      expect(await given.json()).toEqual({ id: 'trace-123' });
      const minted = await fetch(`${base}/thing`, { headers: { 'x-request-id': 'bad id <script>' } });
      expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await close();
    }
  });

  it('logs through req.log with the request named', async () => {
    const { base, lines, close } = await serve(level);
    try {
      await fetch(`${base}/thing?log=1`, { headers: { 'x-request-id': 'trace-456' } });
      const said = lines.find((line) => line.msg === 'something to say');
      expect(said).toMatchObject({ req: { id: 'trace-456', method: 'GET' } });
    } finally {
      await close();
    }
  });
});

it('writes one line per request at level info, and none below', async () => {
  for (const [level, expected] of [
    ['info', 1],
    ['warn', 0],
  ] as const) {
    const { base, lines, close } = await serve(level);
    try {
      await fetch(`${base}/thing`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines.filter((line) => line.msg === 'request completed')).toHaveLength(expected);
    } finally {
      await close();
    }
  }
});
