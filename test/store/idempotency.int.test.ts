import type { Connection } from 'mongoose';
import { connectStore } from '../../store/connection';
import { CLAIM_LEASE_MS, IdempotencyRepository } from '../../store/idempotency';
import { testConfig } from '../support/test-stack';

describe('idempotency keys', () => {
  const config = testConfig();
  let store: Connection;
  beforeAll(async () => {
    store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  });
  afterAll(async () => {
    await store?.dropDatabase().catch(() => undefined);
    await store?.close();
  });

  it('keeps a claim in progress to its request for the whole lease', async () => {
    const keys = new IdempotencyRepository(store);
    const start = new Date('2026-11-30T10:00:00Z');
    expect(await keys.claim('u1|POST /api/applications|k1', 'digest', start)).toEqual({ claimed: true });
    const retry = await keys.claim(
      'u1|POST /api/applications|k1',
      'digest',
      new Date(start.getTime() + CLAIM_LEASE_MS - 1_000),
    );
    expect(retry).toMatchObject({ claimed: false, existing: { state: 'in-progress' } });
  });

  it('lets one retry take over a claim whose process died, never two', async () => {
    const keys = new IdempotencyRepository(store);
    const start = new Date('2026-11-30T11:00:00Z');
    await keys.claim('u1|POST /api/applications|k2', 'digest', start);
    const later = new Date(start.getTime() + CLAIM_LEASE_MS + 1_000);
    const retries = await Promise.all(
      Array.from({ length: 6 }, () => keys.claim('u1|POST /api/applications|k2', 'digest', later)),
    );
    expect(retries.filter((retry) => retry.claimed)).toHaveLength(1);
  });

  it('answers a finished request with its answer, however late the retry', async () => {
    const keys = new IdempotencyRepository(store);
    const start = new Date('2026-11-30T12:00:00Z');
    await keys.claim('u1|POST /api/applications|k3', 'digest', start);
    await keys.complete('u1|POST /api/applications|k3', start, {
      status: 201,
      contentType: 'application/json',
      body: '{}',
    });
    const retry = await keys.claim(
      'u1|POST /api/applications|k3',
      'digest',
      new Date(start.getTime() + 86_400_000),
    );
    expect(retry).toMatchObject({ claimed: false, existing: { state: 'done', status: 201 } });
  });

  it('never lets a request whose claim lapsed keep its answer over, or free, the claim of the retry that took over', async () => {
    const keys = new IdempotencyRepository(store);
    const scope = 'u1|POST /api/applications|k4';
    const first = new Date('2026-11-30T13:00:00Z');
    await keys.claim(scope, 'digest', first);
    const takeover = new Date(first.getTime() + CLAIM_LEASE_MS + 1_000);
    expect(await keys.claim(scope, 'digest', takeover)).toEqual({ claimed: true });

    // The first request was only slow, not dead: it finishes late.
    await keys.release(scope, first);
    await keys.complete(scope, first, { status: 503, contentType: 'application/json', body: '{}' });
    const meanwhile = await keys.claim(scope, 'digest', new Date(takeover.getTime() + 1_000));
    expect(meanwhile).toMatchObject({ claimed: false, existing: { state: 'in-progress' } });

    await keys.complete(scope, takeover, { status: 201, contentType: 'application/json', body: '{"id":1}' });
    const later = await keys.claim(scope, 'digest', new Date(takeover.getTime() + 2_000));
    expect(later).toMatchObject({
      claimed: false,
      existing: { state: 'done', status: 201, body: '{"id":1}' },
    });
  });

  it('frees a key for a retry when its request failed', async () => {
    const keys = new IdempotencyRepository(store);
    const scope = 'u1|POST /api/applications|k5';
    const start = new Date('2026-11-30T14:00:00Z');
    await keys.claim(scope, 'digest', start);
    await keys.release(scope, start);
    expect(await keys.claim(scope, 'digest', new Date(start.getTime() + 1_000))).toEqual({ claimed: true });
  });
});
