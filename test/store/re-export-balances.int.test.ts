import type { Connection } from 'mongoose';
import { connectStore } from '../../store/connection';
import { importedQuantityKey, ReExportBalanceRepository } from '../../store/re-export-balances';
import { testConfig } from '../support/test-stack';

describe('re-export balances', () => {
  const config = testConfig();
  let store: Connection;
  beforeAll(async () => {
    store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  });
  afterAll(async () => {
    await store?.dropDatabase().catch(() => undefined);
    await store?.close();
  });
  const key = (documentNumber: string) =>
    importedQuantityKey({
      country: 'US',
      documentNumber,
      scientificName: 'Alligator mississippiensis',
      term: 'SKI',
    });

  it('lets re-export certificates drawing at the same moment take no more than was imported', async () => {
    const balances = new ReExportBalanceRepository(store);
    await balances.setLimit(key('24US1'), 20, 'ma');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => balances.draw(key('24US1'), `application-${index}`, 5)),
    );
    expect(answers.filter((answer) => answer.drawn)).toHaveLength(4);
    expect(answers.filter((answer) => !answer.drawn)).toEqual(
      Array.from({ length: 6 }, () => ({ drawn: false, left: 0, limit: 20 })),
    );
    expect(await balances.balance(key('24US1'))).toEqual({ limit: 20, drawn: 20 });
  });

  it('draws once per application however often it is retried, and gives a release back', async () => {
    const balances = new ReExportBalanceRepository(store);
    await balances.setLimit(key('24US2'), 10, 'ma');
    expect(await balances.draw(key('24US2'), 'application-a', 6)).toEqual({ drawn: true, left: 4 });
    expect(await balances.draw(key('24US2'), 'application-a', 6)).toEqual({ drawn: true, left: 4 });
    expect(await balances.draw(key('24US2'), 'application-b', 6)).toEqual({
      drawn: false,
      left: 4,
      limit: 10,
    });
    await balances.release(key('24US2'), 'application-a');
    expect(await balances.draw(key('24US2'), 'application-b', 6)).toEqual({ drawn: true, left: 4 });
  });

  it('gives back the unused part of a draw once, however often it is retried', async () => {
    const balances = new ReExportBalanceRepository(store);
    await balances.setLimit(key('24US4'), 10, 'ma');
    await balances.draw(key('24US4'), 'application-a', 8);
    await balances.giveBack(key('24US4'), 'application-a', 3);
    await balances.giveBack(key('24US4'), 'application-a', 3);
    expect(await balances.drawnBy(key('24US4'), 'application-a')).toBe(5);
    expect(await balances.balance(key('24US4'))).toEqual({ limit: 10, drawn: 5 });
  });

  it('keeps draws on an import not yet registered, and counts them once it is', async () => {
    const balances = new ReExportBalanceRepository(store);
    expect(await balances.draw(key('24US3'), 'application-a', 7)).toEqual({ drawn: true, left: null });
    await balances.setLimit(key('24US3'), 10, 'ma');
    expect(await balances.balance(key('24US3'))).toEqual({ limit: 10, drawn: 7 });
    expect(await balances.draw(key('24US3'), 'application-b', 4)).toEqual({
      drawn: false,
      left: 3,
      limit: 10,
    });
  });
});
