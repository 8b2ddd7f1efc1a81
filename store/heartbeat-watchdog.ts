import type { Connection } from 'mongoose';

/** Far longer than a heartbeat takes, even an awaited one (heartbeat interval plus connect timeout). */
const STUCK_AFTER_MS = 45_000;
const LOOK_EVERY_MS = 5_000;

/**
 * Reopens the connection when the driver's server monitor has stopped for good. The MongoDB driver
 * (7.8) can lose it when the database restarts: a heartbeat sent on a connection the server has
 * just closed never completes, no heartbeat follows it, and every operation then fails server
 * selection until the process is restarted. A heartbeat begun long ago and never finished is
 * taken as that; reopening gives the connection a new client, and its models carry on.
 */
export function watchHeartbeats(connection: Connection, reopen: () => Promise<void>): void {
  let begunAt: number | undefined;
  let watched: ReturnType<Connection['getClient']> | undefined;
  const begun = () => (begunAt ??= Date.now());
  const ended = () => (begunAt = undefined);
  const watch = () => {
    const client = connection.getClient();
    if (client === watched) return;
    watched = client;
    begunAt = undefined;
    client.on('serverHeartbeatStarted', begun);
    client.on('serverHeartbeatSucceeded', ended);
    client.on('serverHeartbeatFailed', ended);
  };
  let reopening = false;
  // A reopening that failed (the database still down) leaves a client that will never try again.
  let reopenFailed = false;
  const timer = setInterval(() => {
    watch();
    const stuck = begunAt !== undefined && Date.now() - begunAt >= STUCK_AFTER_MS;
    if (reopening || !(stuck || reopenFailed)) return;
    reopening = true;
    reopen()
      .then(
        () => (reopenFailed = false),
        () => (reopenFailed = true),
      )
      .finally(() => {
        reopening = false;
        watch();
      });
  }, LOOK_EVERY_MS);
  timer.unref();
  watch();
  // Closed by its owner (the process is stopping), not by a reopening: nothing more to watch.
  connection.on('close', () => {
    if (!reopening) clearInterval(timer);
  });
}
