import path from 'node:path';
import { countryName } from '../domain/codes/lookups';
import { isRole, type Role } from '../domain/roles';
import { projectRoot } from './project';

/**
 * Every setting of Pangolin, read once from environment variables. A wrong value stops the
 * process at start with the variable's name, instead of failing later in the middle of a permit.
 */
export interface PangolinConfig {
  /** ISO 3166-1 alpha-2 code of the Party this deployment serves. */
  party: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** Demo accounts and banner; never in production. */
  demo: boolean;
  demoPassword: string;
  http: { host: string; port: number; publicUrl: string };
  dataDir: string;
  /**
   * The Management Authority as its permits name it (Box 6, Box 13), and the language its permit
   * documents are printed in.
   */
  authority: {
    name: string;
    streetLines: string[];
    city: string | undefined;
    /** Where permits are issued (Box 13): the city, else the country. */
    place: string;
    permitLanguage: 'en' | 'fr' | 'es';
  };
  /** Where the Party's signing keys live when `PANGOLIN_SIGNING_KEYS` does not give them. */
  signingKeysDir: string;
  auth: {
    /** Roles whose holders must set up TOTP before doing anything (officers, in production). */
    rolesRequiringTotp: Role[];
    sessionTtlMs: number;
    lockAfterFailures: number;
    lockDurationMs: number;
    loginAttemptsPerMinute: number;
  };
  /** Requests a minute per address on public endpoints. */
  publicRequestsPerMinute: number;
  /** Who gets a task whose deadline passed, per deciding role (an officer's e-mail); unnamed roles' tasks are flagged only. */
  supervisors: Partial<Record<Role, string>>;
  /** How often an API process looks for a newly imported checklist. */
  checklistRecheckMs: number;
  /** Prometheus exporter of a worker process; its URL is added to the API's /metrics when set. */
  workerMetrics: { port: number | undefined; url: string | undefined };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  temporal: {
    /** host:port; absent means the embedded stack starts its own dev server. */
    address: string | undefined;
    namespace: string;
    taskQueue: string;
    tls: {
      enabled: boolean;
      clientCertPath?: string;
      clientKeyPath?: string;
      serverRootCaPath?: string;
      serverName?: string;
    };
    apiKey: string | undefined;
    /** Shown to admins in the web app when set (the embedded stack sets it). */
    uiUrl: string | undefined;
    embedded: { port: number; uiPort: number };
  };
  mongo: {
    /** Absent means the embedded stack starts its own FerretDB. */
    uri: string | undefined;
    /** Database name used when the URI names none. */
    database: string;
    embedded: { port: number };
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws ConfigError naming every wrong variable. */
export function loadConfig(env: Env = process.env): PangolinConfig {
  const problems: string[] = [];
  const text = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? fallback : value.trim();
  };
  const optional = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const port = (name: string, fallback: number): number => {
    const raw = optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
      problems.push(`${name}=${raw} is not a TCP port (1-65535)`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = optional(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name}=${raw} must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = optional(name);
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name}=${raw} must be true or false`);
    return fallback;
  };

  const positive = (name: string, fallback: number, max: number): number => {
    const raw = optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max) {
      problems.push(`${name}=${raw} must be a whole number from 1 to ${max}`);
      return fallback;
    }
    return value;
  };

  const party = text('PANGOLIN_PARTY', 'KE').toUpperCase();
  if (!/^[A-Z]{2}$/.test(party))
    problems.push(`PANGOLIN_PARTY=${party} must be an ISO 3166-1 alpha-2 code such as KE`);

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const demoRequested = flag('PANGOLIN_DEMO', nodeEnv !== 'production');
  if (demoRequested && nodeEnv === 'production')
    problems.push('PANGOLIN_DEMO=true is not allowed when NODE_ENV=production');

  const host = text('HOST', '127.0.0.1');
  const httpPort = port('PORT', 3000);
  const publicUrl = text(
    'PANGOLIN_PUBLIC_URL',
    `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${httpPort}`,
  );
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl))
    problems.push(`PANGOLIN_PUBLIC_URL=${publicUrl} must be an http(s) URL`);

  const temporalAddress = optional('TEMPORAL_ADDRESS');
  if (temporalAddress !== undefined && !/^[^\s:/]+:\d+$/.test(temporalAddress)) {
    problems.push(`TEMPORAL_ADDRESS=${temporalAddress} must be host:port, such as 127.0.0.1:7233`);
  }
  const clientCertPath = optional('TEMPORAL_TLS_CERT_PATH');
  const clientKeyPath = optional('TEMPORAL_TLS_KEY_PATH');
  if ((clientCertPath === undefined) !== (clientKeyPath === undefined)) {
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together');
  }
  const apiKey = optional('TEMPORAL_API_KEY');
  const tlsEnabled = flag('TEMPORAL_TLS', clientCertPath !== undefined || apiKey !== undefined);

  const mongoUri = optional('MONGODB_URI');
  if (mongoUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongoUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }
  const database = text('MONGODB_DATABASE', `pangolin-${party.toLowerCase()}`);
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(database))
    problems.push(`MONGODB_DATABASE=${database} must be 1-63 letters, digits, - or _`);

  const rolesRequiringTotp = (optional('PANGOLIN_REQUIRE_TOTP_FOR') ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '');
  for (const role of rolesRequiringTotp) {
    if (!isRole(role)) problems.push(`PANGOLIN_REQUIRE_TOTP_FOR names an unknown role: ${role}`);
  }
  // PANGOLIN_SUPERVISORS=ma_officer=head.ma@example.org,sa_officer=head.sa@example.org
  const supervisors: Partial<Record<Role, string>> = {};
  for (const entry of (optional('PANGOLIN_SUPERVISORS') ?? '').split(',').filter((item) => item.trim())) {
    const [role, email] = entry.split('=').map((part) => part.trim());
    if (!isRole(role) || !email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
      problems.push(
        `PANGOLIN_SUPERVISORS entry "${entry}" must be role=e-mail, e.g. ma_officer=head@example.org`,
      );
    } else supervisors[role] = email.toLowerCase();
  }
  const countryEnglishName = countryName(party, 'en') ?? party;
  const authorityCity = optional('PANGOLIN_AUTHORITY_CITY');
  const dataDir = path.resolve(projectRoot, text('PANGOLIN_DATA_DIR', '.data'));
  const workerMetricsUrl = optional('PANGOLIN_WORKER_METRICS_URL');
  if (workerMetricsUrl !== undefined && !/^https?:\/\/\S+$/.test(workerMetricsUrl)) {
    problems.push(`PANGOLIN_WORKER_METRICS_URL=${workerMetricsUrl} must be an http(s) URL`);
  }

  const config: PangolinConfig = {
    party,
    nodeEnv,
    demo: demoRequested && nodeEnv !== 'production',
    demoPassword: text('PANGOLIN_DEMO_PASSWORD', 'pangolin-demo'),
    http: { host, port: httpPort, publicUrl: publicUrl.replace(/\/$/, '') },
    dataDir,
    authority: {
      name: text('PANGOLIN_AUTHORITY_NAME', `CITES Management Authority of ${countryEnglishName}`),
      // PANGOLIN_AUTHORITY_ADDRESS="Wildlife House;Langata Road": the lines before the city.
      streetLines: (optional('PANGOLIN_AUTHORITY_ADDRESS') ?? '')
        .split(';')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      city: authorityCity,
      place: authorityCity ?? countryEnglishName,
      permitLanguage: oneOf('PANGOLIN_PERMIT_LANGUAGE', ['en', 'fr', 'es'] as const, 'en'),
    },
    signingKeysDir: path.resolve(dataDir, text('PANGOLIN_SIGNING_KEYS_DIR', 'keys')),
    auth: {
      rolesRequiringTotp: rolesRequiringTotp.filter(isRole),
      sessionTtlMs: positive('PANGOLIN_SESSION_HOURS', 12, 24 * 30) * 3_600_000,
      lockAfterFailures: positive('PANGOLIN_LOCK_AFTER_FAILURES', 5, 100),
      lockDurationMs: positive('PANGOLIN_LOCK_MINUTES', 15, 24 * 60) * 60_000,
      loginAttemptsPerMinute: positive('PANGOLIN_LOGIN_ATTEMPTS_PER_MINUTE', 10, 100_000),
    },
    publicRequestsPerMinute: positive('PANGOLIN_PUBLIC_REQUESTS_PER_MINUTE', 600, 1_000_000),
    supervisors,
    checklistRecheckMs: positive('PANGOLIN_CHECKLIST_RECHECK_SECONDS', 30, 86_400) * 1_000,
    workerMetrics: {
      port: optional('PANGOLIN_WORKER_METRICS_PORT') ? port('PANGOLIN_WORKER_METRICS_PORT', 9464) : undefined,
      url: workerMetricsUrl,
    },
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const, 'info'),
    temporal: {
      address: temporalAddress,
      namespace: text('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: text('TEMPORAL_TASK_QUEUE', `pangolin-${party.toLowerCase()}`),
      tls: {
        enabled: tlsEnabled,
        clientCertPath,
        clientKeyPath,
        serverRootCaPath: optional('TEMPORAL_TLS_CA_PATH'),
        serverName: optional('TEMPORAL_TLS_SERVER_NAME'),
      },
      apiKey,
      uiUrl: optional('PANGOLIN_TEMPORAL_UI_URL'),
      embedded: { port: port('TEMPORAL_PORT', 7233), uiPort: port('TEMPORAL_UI_PORT', 8233) },
    },
    mongo: {
      uri: mongoUri,
      database,
      embedded: { port: port('PANGOLIN_DB_PORT', 27017) },
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
