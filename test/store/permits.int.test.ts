import type { Connection } from 'mongoose';
import { connectStore } from '../../store/connection';
import { PermitRepository } from '../../store/permits';
import { testConfig } from '../support/test-stack';

describe('permit serials', () => {
  const config = testConfig();
  let store: Connection;
  beforeAll(async () => {
    store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  });
  afterAll(async () => {
    await store?.dropDatabase().catch(() => undefined);
    await store?.close();
  });

  it('never hands the same serial to two permits, however many are issued at the same moment', async () => {
    const permits = new PermitRepository(store);
    const serials = await Promise.all(
      Array.from({ length: 40 }, (_, index) => permits.nextSerial('KE', 2026, `application-${index}`)),
    );
    expect(new Set(serials).size).toBe(40);
    expect(Math.min(...serials)).toBe(1);
    // Another year, another Party: their own sequences.
    expect(await permits.nextSerial('KE', 2027, 'later')).toBe(1);
    expect(await permits.nextSerial('TZ', 2026, 'elsewhere')).toBe(1);
    expect(await permits.nextSerial('KE', 2026, 'next')).toBeGreaterThan(Math.max(...serials) - 1);
  });
});
