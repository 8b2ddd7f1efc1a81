import { loadSigningKeys } from './party-signing';
import http from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { connectStore } from '../store/connection';
import { createApp } from './app';
import { createServices, prepareStore } from './composition';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { mongoUri } from './mongo-uri';
import { runMain } from './run-main';
import { temporalProbeConnection } from './services/health';
import { temporalAddress, temporalConnectionOptions } from './temporal-connection';

/** Entry point of an API process: stateless, so any number can run behind a load balancer. */
runMain('api', async () => {
  const config = loadConfig();
  const logger = createLogger(config, 'api');
  const store = await connectStore({ uri: mongoUri(config), database: config.mongo.database });
  // Lazy: the API starts (and /healthz says 503) even while Temporal is still coming up.
  const connectionOptions = temporalConnectionOptions(config, temporalAddress(config));
  const connection = Connection.lazy(connectionOptions);
  const probeConnection = temporalProbeConnection(connectionOptions);
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const prepared = await prepareStore(config, store);
  if (Object.values(prepared).some((count) => count > 0)) logger.info(prepared, 'store prepared');
  const app = createApp(
    config,
    createServices(config, store, temporal, probeConnection, await loadSigningKeys(config)),
    logger,
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${config.http.port} on ${config.http.host} is already in use: set PORT to another port.`,
            )
          : error,
      ),
    );
    server.listen(config.http.port, config.http.host, resolve);
  });
  logger.info({ url: config.http.publicUrl, demo: config.demo }, 'api ready');
  process.send?.({ ready: 'api' });

  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  server.closeAllConnections();
  await Promise.all([connection.close(), probeConnection.close()]);
  await store.close();
  logger.info('api stopped');
});
