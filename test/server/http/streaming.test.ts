import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { streamText } from '../../../server/http/streaming';

/** Lines as a cursor would give them, one at a time, noting how far it was read and whether it was closed. */
function lines(count: number, failAt?: number) {
  const state = { produced: 0, closed: false };
  const iterable: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (let n = 0; n < count; n++) {
          if (n === failAt) throw new Error('the cursor failed');
          state.produced++;
          // A cursor's batch arrives now and then; a line is not always there at once.
          if (n % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
          yield `${n},${'x'.repeat(90)}\n`;
        }
      } finally {
        state.closed = true;
      }
    },
  };
  return { iterable, state };
}

async function serve(source: AsyncIterable<string>) {
  const app = express();
  app.get('/file', async (req, res) => {
    await streamText(req, res, source, { contentType: 'text/csv', filename: 'file.csv' });
  });
  app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ detail: error.message });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/file` };
}

describe('streamText', () => {
  it('sends every line, in order, as text/csv with its file name', async () => {
    const { iterable, state } = lines(20_000);
    const { server, url } = await serve(iterable);
    try {
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe('attachment; filename="file.csv"');
      const text = await answer.text();
      const received = text.split('\n');
      expect(received.pop()).toBe('');
      expect(received).toHaveLength(20_000);
      expect(received[19_999]).toBe(`19999,${'x'.repeat(90)}`);
      expect(state).toEqual({ produced: 20_000, closed: true });
    } finally {
      server.close();
    }
  });

  it('reads no further than the client takes, and closes the source when the client goes away', async () => {
    const { iterable, state } = lines(10_000_000);
    const { server, url } = await serve(iterable);
    try {
      const controller = new AbortController();
      const answer = await fetch(url, { signal: controller.signal });
      const reader = answer.body!.getReader();
      await reader.read();
      // The client stops reading: the server waits on backpressure instead of producing on.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const whileStalled = state.produced;
      expect(whileStalled).toBeLessThan(200_000);
      controller.abort();
      await reader.cancel().catch(() => undefined);
      for (let wait = 0; wait < 50 && !state.closed; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(state.closed).toBe(true);
      expect(state.produced).toBeLessThan(whileStalled + 200_000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers a failure before the first line with an error, not a truncated file', async () => {
    const { iterable, state } = lines(10, 0);
    const { server, url } = await serve(iterable);
    try {
      const answer = await fetch(url);
      expect(answer.status).toBe(500);
      expect(await answer.json()).toEqual({ detail: 'the cursor failed' });
      expect(state.closed).toBe(true);
    } finally {
      server.close();
    }
  });

  it('cuts the connection when the source fails after the download began', async () => {
    const { iterable, state } = lines(100_000, 50_000);
    const { server, url } = await serve(iterable);
    try {
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      await expect(answer.text()).rejects.toThrow();
      expect(state).toEqual({ produced: 50_000, closed: true });
    } finally {
      server.close();
    }
  });
});
