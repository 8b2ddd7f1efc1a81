import fs from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import type { PangolinConfig } from './config';

/**
 * Connection settings shared by the API's client and the worker, so the same build runs against
 * the embedded dev server, a self-hosted cluster (mTLS) or Temporal Cloud (API key).
 */
export interface TemporalConnectionSettings {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

export function temporalConnectionOptions(
  config: PangolinConfig,
  address: string,
): TemporalConnectionSettings {
  const { tls, apiKey } = config.temporal;
  const options: TemporalConnectionSettings = { address };
  if (tls.enabled) {
    options.tls = {
      ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
      ...(tls.serverRootCaPath ? { serverRootCACertificate: fs.readFileSync(tls.serverRootCaPath) } : {}),
      ...(tls.clientCertPath && tls.clientKeyPath
        ? {
            clientCertPair: {
              crt: fs.readFileSync(tls.clientCertPath),
              key: fs.readFileSync(tls.clientKeyPath),
            },
          }
        : {}),
    };
  }
  if (apiKey) options.apiKey = apiKey;
  return options;
}

/** The address to use: the configured cluster, or the embedded dev server. */
export function temporalAddress(config: PangolinConfig): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.embedded.port}`;
}
