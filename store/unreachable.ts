/** The driver's errors for a database it cannot reach at the moment (down, restarting, connection cut). */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/** Socket errors of a connection the server closed (it is restarting) under a command being written. */
const CUT = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

/**
 * FerretDB on SQLite answers a write that found the database file locked by another writer for
 * longer than its busy timeout with an internal error naming SQLITE_BUSY: the same write a moment
 * later goes through.
 */
const SQLITE_BUSY = /\bSQLITE_BUSY\b|database is locked/;

/**
 * Whether an operation failed because the database could not take it at the moment (down,
 * restarting, connection cut, or busy with other writers), not because of what was asked: worth
 * trying again shortly. Known by the error's name, as the driver names its classes; a bulk write's
 * error carries the failure underneath it, which is looked at too.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const { code, errorResponse, cause } = error as {
    code?: unknown;
    errorResponse?: unknown;
    cause?: unknown;
  };
  return (
    UNREACHABLE.has(error.name) ||
    (typeof code === 'string' && CUT.has(code)) ||
    (error.name === 'MongoServerError' && SQLITE_BUSY.test(error.message)) ||
    isDatabaseUnreachable(errorResponse, depth + 1) ||
    isDatabaseUnreachable(cause, depth + 1)
  );
}
