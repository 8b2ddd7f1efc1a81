import type { Client, Connection } from '@temporalio/client';
import type { Connection as StoreConnection } from 'mongoose';
import { ApplicationRepository } from '../store/applications';
import { AuditRepository } from '../store/audit';
import { FormRepository } from '../store/forms';
import { IdempotencyRepository } from '../store/idempotency';
import { SessionRepository } from '../store/sessions';
import { SpeciesRepository } from '../store/species';
import { TradeMeasureRepository } from '../store/trade-measures';
import { SystemCheckRepository } from '../store/system-checks';
import { UserRepository } from '../store/users';
import type { PangolinConfig } from './config';
import { ApplicationService } from './services/applications';
import { AuditService } from './services/audit';
import { AuditTrail } from './services/audit-trail';
import { AuthService } from './services/auth';
import { FormService, installDefaultForms } from './services/forms';
import { seedDemoAccounts } from './services/demo-seed';
import { HealthService } from './services/health';
import { seedChecklist, SpeciesService } from './services/species';
import { TradeMeasureService } from './services/trade-measures';
import { SystemCheckService } from './services/system-checks';
import { UserService } from './services/users';

export interface AppServices {
  health: HealthService;
  auth: AuthService;
  users: UserService;
  audit: AuditService;
  systemChecks: SystemCheckService;
  species: SpeciesService;
  forms: FormService;
  applications: ApplicationService;
  tradeMeasures: TradeMeasureService;
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
  const species = new SpeciesService(new SpeciesRepository(store), config.checklistRecheckMs);
  const forms = new FormService(new FormRepository(store), auditTrail);
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
    species,
    forms,
    applications: new ApplicationService(
      config.party,
      new ApplicationRepository(store),
      forms,
      species,
      auditTrail,
    ),
    tradeMeasures: new TradeMeasureService(new TradeMeasureRepository(store), species),
    idempotencyKeys: new IdempotencyRepository(store),
  };
}

/** What every API start makes sure of: the species seed list on a fresh install, demo accounts in demo mode. */
export async function prepareStore(
  config: PangolinConfig,
  store: StoreConnection,
): Promise<{ taxaSeeded: number; formsInstalled: number; demoAccounts: number }> {
  const now = new Date();
  const taxaSeeded = await seedChecklist(new SpeciesRepository(store), now);
  const formsInstalled = await installDefaultForms(
    new FormRepository(store),
    new AuditTrail(new AuditRepository(store)),
    now,
  );
  return { taxaSeeded, formsInstalled, demoAccounts: await prepareDemo(config, store) };
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
