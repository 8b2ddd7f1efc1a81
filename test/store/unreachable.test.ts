import {
  MongoBulkWriteError,
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
  type BulkWriteResult,
} from 'mongodb';
import { isDatabaseUnreachable } from '../../store/unreachable';

const noneWritten = { insertedCount: 0 } as unknown as BulkWriteResult;
// The driver builds it with the topology it gave up on; only its name and message matter here.
const selectionFailure = () => new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:1', {} as never);
const socketError = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('a failure the database gives while it cannot take the operation is told apart', () => {
  it.each<[string, unknown, boolean]>([
    ['no server to select (down, restarting)', selectionFailure(), true],
    [
      'a connection closed under a command',
      new MongoNetworkError('connection 6 to 127.0.0.1:1 closed'),
      true,
    ],
    [
      'a bulk insert whose connection was closed',
      new MongoBulkWriteError(new MongoNetworkError('connection 6 to 127.0.0.1:1 closed'), noneWritten),
      true,
    ],
    ['a bulk insert that found no server', new MongoBulkWriteError(selectionFailure(), noneWritten), true],
    ['a socket cut while writing', socketError('EPIPE'), true],
    ['a socket reset', socketError('ECONNRESET'), true],
    ['a socket refused', socketError('ECONNREFUSED'), true],
    [
      'FerretDB finding its SQLite file locked by another writer',
      new MongoServerError({
        ok: 0,
        errmsg: '[msg_insert.go:168] database is locked (5) (SQLITE_BUSY)',
        code: 1,
        codeName: 'InternalError',
      }),
      true,
    ],
    [
      'a duplicate key: what was asked is the problem',
      new MongoServerError({ ok: 0, errmsg: 'E11000 duplicate key error', code: 11000 }),
      false,
    ],
    [
      'a bulk insert stopped by a duplicate key',
      new MongoBulkWriteError(
        new MongoServerError({ ok: 0, errmsg: 'E11000 duplicate key error', code: 11000 }),
        noneWritten,
      ),
      false,
    ],
    ['an error of our own', new Error('database is locked, says a user'), false],
    ['something that is not an error', { name: 'MongoNetworkError' }, false],
  ])('%s', (_case, error, unreachable) => {
    expect(isDatabaseUnreachable(error)).toBe(unreachable);
  });
});
