import type { Client, Connection } from '@temporalio/client';
import type { Connection as StoreConnection } from 'mongoose';
import { AuditRepository } from '../store/audit';
import { IdempotencyRepository } from '../store/idempotency';
import { SessionRepository } from '../store/sessions';
import { SystemCheckRepository } from '../store/system-checks';
import { UserRepository } from '../store/users';
import type { PangolinConfig } from './config';
import { AuditService } from './services/audit';
import { AuditTrail } from './services/audit-trail';
import { AuthService } from './services/auth';
import { seedDemoAccounts } from './services/demo-seed';
import { HealthService } from './services/health';
import { SystemCheckService } from './services/system-checks';
import { UserService } from './services/users';

export interface AppServices {
  health: HealthService;
  auth: AuthService;
  users: UserService;
  audit: AuditService;
  systemChecks: SystemCheckService;
  idempotencyKeys: IdempotencyRepository;
}

/** Wires repositories and services once per API process; the same wiring serves tests. */
export function createServices(
  config: PangolinConfig,
  store: StoreConnection,
  temporal: Client,
  temporalProbe: Connection,
): AppServices {
  const users = new UserRepository(store);
  const sessions = new SessionRepository(store);
  const auditTrail = new AuditTrail(new AuditRepository(store));
  const { rolesRequiringTotp } = config.auth;
  return {
    health: new HealthService(config.party, temporalProbe, config.temporal.namespace, store),
    auth: new AuthService(users, sessions, auditTrail, {
      party: config.party,
      sessionTtlMs: config.auth.sessionTtlMs,
      lockAfterFailures: config.auth.lockAfterFailures,
      lockDurationMs: config.auth.lockDurationMs,
      rolesRequiringTotp,
    }),
    users: new UserService(config.party, users, sessions, auditTrail, rolesRequiringTotp),
    audit: new AuditService(new AuditRepository(store)),
    systemChecks: new SystemCheckService(
      config.party,
      config.temporal.taskQueue,
      temporal,
      new SystemCheckRepository(store),
      auditTrail,
    ),
    idempotencyKeys: new IdempotencyRepository(store),
  };
}

/** Demo mode only: the accounts of the public contract, one per role. */
export async function prepareDemo(config: PangolinConfig, store: StoreConnection): Promise<number> {
  if (!config.demo) return 0;
  return seedDemoAccounts(
    new UserRepository(store),
    new AuditTrail(new AuditRepository(store)),
    config.party,
    config.demoPassword,
  );
}
