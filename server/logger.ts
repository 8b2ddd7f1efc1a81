import pino, { type Logger } from 'pino';
import type { PangolinConfig } from './config';

/** Structured JSON logs on stdout; secrets in known places are redacted. */
export function createLogger(config: Pick<PangolinConfig, 'logLevel' | 'party'>, component: string): Logger {
  return pino({
    level: config.logLevel,
    base: { component, party: config.party },
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'res.headers["set-cookie"]',
      '*.password',
      '*.token',
    ],
  });
}
