import mongoose, { type Connection } from 'mongoose';
import { watchHeartbeats } from './heartbeat-watchdog';

export interface StoreSettings {
  uri: string;
  database: string;
}

/**
 * Opens the system of record. Retries until the deadline because the database may still be
 * starting beside us; afterwards the driver reconnects by itself when the server comes back (and
 * the heartbeat watchdog reopens the connection when the driver cannot).
 */
export async function connectStore(settings: StoreSettings, startTimeoutMs = 30_000): Promise<Connection> {
  const deadline = Date.now() + startTimeoutMs;
  const options = {
    dbName: settings.database,
    serverSelectionTimeoutMS: 5_000,
    // FerretDB and MongoDB both build indexes on start; the models declare the ones they need.
    autoIndex: true,
  };
  for (;;) {
    const connection = mongoose.createConnection(settings.uri, options);
    try {
      await connection.asPromise();
      watchHeartbeats(connection, async () => {
        await connection.close();
        await connection.openUri(settings.uri, options);
      });
      return connection;
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error(
          `Cannot reach the database at ${redactUri(settings.uri)}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Succeeds when the database answers; used by /healthz. */
export async function pingStore(connection: Connection): Promise<void> {
  if (connection.readyState !== 1 || !connection.db) throw new Error('not connected');
  await connection.db.admin().ping();
}

/** Passwords in a URI must never reach a log line. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
