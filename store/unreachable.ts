/** The driver's errors for a database it cannot reach at the moment (down, restarting, connection cut). */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/**
 * Whether an operation failed because the database could not be reached, not because of what was
 * asked: worth trying again shortly. Known by the error's name, as the driver names its classes.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // A connection the server closed (it is restarting) under a command being written reaches the
  // caller as the socket's own error.
  const { code } = error as { code?: unknown };
  return UNREACHABLE.has(error.name) || code === 'EPIPE' || code === 'ECONNRESET';
}
