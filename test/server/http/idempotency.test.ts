import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { idempotency } from '../../../server/http/idempotency';
import type { IdempotencyClaim, IdempotencyRepository } from '../../../store/idempotency';

type Kept = { scope: string; claimedAt: Date; status?: number };

/** A key store whose database is away for the first `failures` writes of an answer. */
function keysAwayFor(failures: number) {
  const kept: Kept[] = [];
  let attempts = 0;
  const write = async (entry: Kept) => {
    attempts++;
    if (attempts <= failures) throw new Error('connect ECONNREFUSED 127.0.0.1:27017');
    kept.push(entry);
  };
  const keys = {
    claim: async (): Promise<IdempotencyClaim> => ({ claimed: true }),
    complete: (scope: string, claimedAt: Date, response: { status: number }) =>
      write({ scope, claimedAt, status: response.status }),
    release: (scope: string, claimedAt: Date) => write({ scope, claimedAt }),
  };
  return { keys: keys as unknown as IdempotencyRepository, kept, attempts: () => attempts };
}

async function serve(keys: IdempotencyRepository, status: number) {
  const app = express();
  app.use(express.json());
  app.post('/api/applications', idempotency(keys, 5), (_req, res) => {
    res.status(status).json({ id: 'KE-2026-ABCDEF123456' });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/applications` };
}

/** Polls until `check` holds; gives up after many polls, so that a failing test ends and closes its server. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let poll = 0; !check(); poll++) {
    if (poll === 1_000) throw new Error(`never ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('idempotency middleware', () => {
  it.each([
    ['keeps an answer', 201, 201],
    ['frees the key of a failed request', 503, undefined],
  ])('%s once the database is back, after the answer has left', async (_what, status, keptStatus) => {
    const { keys, kept, attempts } = keysAwayFor(3);
    const { server, url } = await serve(keys, status);
    try {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-1' },
        body: JSON.stringify({ documentType: 'export' }),
      });
      expect(answer.status).toBe(status);
      await eventually(() => kept.length > 0, 'stored once the database was back');
      expect(attempts()).toBe(4);
      expect(kept).toEqual([
        {
          scope: 'anonymous|POST /api/applications|retry-1',
          claimedAt: expect.any(Date),
          status: keptStatus,
        },
      ]);
    } finally {
      server.close();
    }
  });
});
