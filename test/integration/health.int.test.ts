import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from '@temporalio/client';
import express from 'express';
import { healthRoutes } from '../../server/routes/health';
import { HealthService, temporalProbeConnection } from '../../server/services/health';
import { freePort } from '../../scripts/services/managed-process';
import { connectStore } from '../../store/connection';
import { OwnServices } from '../support/own-services';

async function healthOf(probe: Connection, store: Awaited<ReturnType<typeof connectStore>>) {
  const app = express().use(healthRoutes(new HealthService('KE', probe, 'default', store, 1_000)));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('/healthz probes each dependency for real', () => {
  const services = new OwnServices();
  afterAll(() => services.dispose());

  it('is 200 while both answer, and 503 naming the one that stopped', async () => {
    await services.start();
    const store = await connectStore({ uri: services.ferretdb!.uri, database: 'pangolin-health' });
    const connection = temporalProbeConnection({ address: services.temporal!.address });
    try {
      expect(await healthOf(connection, store)).toMatchObject({
        status: 200,
        body: { status: 'ok', temporal: 'ok', database: 'ok' },
      });

      await services.ferretdb!.process.stop();
      expect(await healthOf(connection, store)).toMatchObject({
        status: 503,
        body: { status: 'degraded', temporal: 'ok', database: 'down' },
      });

      await services.temporal!.process.stop();
      expect(await healthOf(connection, store)).toMatchObject({
        status: 503,
        body: { status: 'degraded', temporal: 'down', database: 'down' },
      });
    } finally {
      await connection.close().catch(() => undefined);
      await store.close(true).catch(() => undefined);
    }
  });

  it('is 503 when Temporal was never reachable', async () => {
    const connection = temporalProbeConnection({ address: `127.0.0.1:${await freePort()}` });
    const store = await connectStore({ uri: process.env.MONGODB_URI!, database: 'pangolin-health' });
    try {
      expect(await healthOf(connection, store)).toMatchObject({
        status: 503,
        body: { temporal: 'down', database: 'ok' },
      });
    } finally {
      await store.close();
    }
  });
});
