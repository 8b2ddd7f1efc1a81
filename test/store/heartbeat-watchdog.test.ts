import { EventEmitter } from 'node:events';
import type { Connection } from 'mongoose';
import { watchHeartbeats } from '../../store/heartbeat-watchdog';

/** A mongoose connection as the watchdog sees it: its client's heartbeat events, and its own close. */
function fakeConnection() {
  const connection = new EventEmitter() as EventEmitter & { client: EventEmitter };
  connection.client = new EventEmitter();
  Object.assign(connection, { getClient: () => connection.client });
  return connection;
}

describe('the heartbeat watchdog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reopens the connection when a heartbeat never ends, and watches the new client', async () => {
    const connection = fakeConnection();
    const reopen = jest.fn(async () => {
      connection.client = new EventEmitter();
    });
    watchHeartbeats(connection as unknown as Connection, reopen);
    connection.client.emit('serverHeartbeatStarted');
    await jest.advanceTimersByTimeAsync(40_000);
    expect(reopen).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(reopen).toHaveBeenCalledTimes(1);

    connection.client.emit('serverHeartbeatStarted');
    connection.client.emit('serverHeartbeatSucceeded');
    await jest.advanceTimersByTimeAsync(120_000);
    expect(reopen).toHaveBeenCalledTimes(1);
  });

  it('tries again while the database cannot be reopened', async () => {
    const connection = fakeConnection();
    let attempts = 0;
    const reopen = jest.fn(async () => {
      if (++attempts < 3) throw new Error('connect ECONNREFUSED');
      connection.client = new EventEmitter();
    });
    watchHeartbeats(connection as unknown as Connection, reopen);
    connection.client.emit('serverHeartbeatStarted');
    await jest.advanceTimersByTimeAsync(120_000);
    expect(reopen).toHaveBeenCalledTimes(3);
  });

  it('leaves heartbeats that end, failed or not, alone', async () => {
    const connection = fakeConnection();
    const reopen = jest.fn(async () => undefined);
    watchHeartbeats(connection as unknown as Connection, reopen);
    for (let beat = 0; beat < 20; beat++) {
      connection.client.emit('serverHeartbeatStarted');
      await jest.advanceTimersByTimeAsync(5_000);
      connection.client.emit(beat % 2 ? 'serverHeartbeatFailed' : 'serverHeartbeatSucceeded');
      await jest.advanceTimersByTimeAsync(5_000);
    }
    expect(reopen).not.toHaveBeenCalled();
  });

  it('stops watching once its owner closes the connection', async () => {
    const connection = fakeConnection();
    const reopen = jest.fn(async () => undefined);
    watchHeartbeats(connection as unknown as Connection, reopen);
    connection.client.emit('serverHeartbeatStarted');
    connection.emit('close');
    await jest.advanceTimersByTimeAsync(120_000);
    expect(reopen).not.toHaveBeenCalled();
  });
});
