import type { PangolinConfig } from './config';

/** The configured MongoDB URI, or the embedded FerretDB's. */
export function mongoUri(config: PangolinConfig): string {
  return config.mongo.uri ?? `mongodb://127.0.0.1:${config.mongo.embedded.port}/`;
}
