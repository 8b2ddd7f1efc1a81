import type { Client, Connection } from '@temporalio/client';
import type { Connection as StoreConnection } from 'mongoose';
import { ApplicationDraftRepository } from '../store/application-drafts';
import { ApplicationRepository } from '../store/applications';
import { AuditRepository } from '../store/audit';
import { FormRepository } from '../store/forms';
import { IdempotencyRepository } from '../store/idempotency';
import { ProcedureRepository } from '../store/procedures';
import { TaskRepository } from '../store/tasks';
import { PermitRepository } from '../store/permits';
import { ReExportBalanceRepository } from '../store/re-export-balances';
import { ReExportBalanceService } from './services/re-export-balances';
import { NonDetrimentFindingRepository } from '../store/non-detriment-findings';
import { SessionRepository } from '../store/sessions';
import { SpeciesRepository } from '../store/species';
import { TradeMeasureRepository } from '../store/trade-measures';
import { UploadRepository } from '../store/uploads';
import { SystemCheckRepository } from '../store/system-checks';
import { UserRepository } from '../store/users';
import type { PangolinConfig } from './config';
import { ApplicationDraftService } from './services/application-drafts';
import { ApplicationService } from './services/applications';
import { AuditService } from './services/audit';
import { AuditTrail } from './services/audit-trail';
import { AuthService } from './services/auth';
import { EvidenceUploadService } from './services/evidence-uploads';
import { FormService, installDefaultForms } from './services/forms';
import { Lifecycles } from './services/lifecycles';
import type { PartyKeyRing } from '../activities/signing/party-keys';
import { PermitDocumentService } from './services/permit-documents';
import { PermitVerificationService } from './services/permit-verification';
import { ExchangeInbox } from './services/exchange-inbox';
import { ExportQuotaService } from './services/export-quotas';
import { DashboardService } from './services/dashboards';
import { ExportQuotaRepository, QuotaLedger } from '../store/export-quotas';
import { ExchangePeerService } from './services/exchange-peers';
import { IncomingPermitService } from './services/incoming-permits';
import { ExchangePeerRepository } from '../store/exchange-peers';
import { ReceivedMessageRepository } from '../store/exchange-messages';
import { IncomingPermitRepository } from '../store/incoming-permits';
import { ImportPermitArrivals } from './services/import-permit-arrivals';
import { TaskService } from './services/tasks';
import { PermitService } from './services/permits';
import { NonDetrimentFindingService } from './services/non-detriment-findings';
import { installDefaultProcedures, ProcedureService } from './services/procedures';
import { seedDemoAccounts } from './services/demo-seed';
import { HealthService } from './services/health';
import { seedChecklist, SpeciesService } from './services/species';
import { TradeMeasureService } from './services/trade-measures';
import { SystemCheckService } from './services/system-checks';
import { UserService } from './services/users';
import { AnnualReportService } from './services/annual-reports';
import { SeizureService } from './services/seizures';
import { SeizureRepository } from '../store/seizures';
import { TradeRecordReader } from '../store/trade-records';

export interface AppServices {
  health: HealthService;
  auth: AuthService;
  users: UserService;
  audit: AuditService;
  systemChecks: SystemCheckService;
  species: SpeciesService;
  forms: FormService;
  procedures: ProcedureService;
  tasks: TaskService;
  importPermitArrivals: ImportPermitArrivals;
  exchangePeers: ExchangePeerService;
  exportQuotas: ExportQuotaService;
  dashboards: DashboardService;
  exchangeInbox: ExchangeInbox;
  incomingPermits: IncomingPermitService;
  permitDocuments: PermitDocumentService;
  permitVerification: PermitVerificationService;
  permits: PermitService;
  reExportBalances: ReExportBalanceService;
  nonDetrimentFindings: NonDetrimentFindingService;
  applications: ApplicationService;
  applicationDrafts: ApplicationDraftService;
  uploads: EvidenceUploadService;
  tradeMeasures: TradeMeasureService;
  idempotencyKeys: IdempotencyRepository;
  annualReports: AnnualReportService;
  seizures: SeizureService;
}

/** Wires repositories and services once per API process; the same wiring serves tests. */
export function createServices(
  config: PangolinConfig,
  store: StoreConnection,
  temporal: Client,
  temporalProbe: Connection,
  signingKeys: PartyKeyRing,
): AppServices {
  const users = new UserRepository(store);
  const sessions = new SessionRepository(store);
  const auditTrail = new AuditTrail(new AuditRepository(store));
  const { rolesRequiringTotp } = config.auth;
  const species = new SpeciesService(new SpeciesRepository(store), config.checklistRecheckMs);
  const formRepository = new FormRepository(store);
  const forms = new FormService(formRepository, auditTrail);
  const procedures = new ProcedureService(
    config.party,
    new ProcedureRepository(store),
    formRepository,
    auditTrail,
  );
  const applicationDrafts = new ApplicationDraftService(new ApplicationDraftRepository(store), auditTrail);
  const permitService = new PermitService(
    new PermitRepository(store),
    new ApplicationRepository(store),
    temporal,
    config.http.publicUrl,
  );
  const importPermitArrivals = new ImportPermitArrivals(new TaskRepository(store), temporal);
  const exchangePeers = new ExchangePeerService(config.party, new ExchangePeerRepository(store), auditTrail);
  const uploads = new EvidenceUploadService(new UploadRepository(store), auditTrail);
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
      {
        forms,
        procedures,
        species,
        uploads,
        drafts: applicationDrafts,
        lifecycles: new Lifecycles(temporal, config.temporal.taskQueue),
      },
      auditTrail,
    ),
    procedures,
    tasks: new TaskService(new TaskRepository(store), temporal, uploads, auditTrail, users),
    importPermitArrivals,
    exchangePeers,
    dashboards: new DashboardService(
      new ApplicationRepository(store),
      new TaskRepository(store),
      new PermitRepository(store),
      new ExportQuotaRepository(store),
      new QuotaLedger(store),
    ),
    exportQuotas: new ExportQuotaService(
      config.party,
      new ExportQuotaRepository(store),
      new QuotaLedger(store),
      auditTrail,
    ),
    exchangeInbox: new ExchangeInbox(
      config.party,
      exchangePeers,
      new ReceivedMessageRepository(store),
      new IncomingPermitRepository(store),
      new PermitRepository(store),
      temporal,
      importPermitArrivals,
      signingKeys,
      auditTrail,
    ),
    incomingPermits: new IncomingPermitService(
      config.party,
      new IncomingPermitRepository(store),
      temporal,
      config.temporal.taskQueue,
      auditTrail,
    ),
    permits: permitService,
    permitDocuments: new PermitDocumentService(permitService, new PermitRepository(store), users, {
      publicUrl: config.http.publicUrl,
      language: config.authority.permitLanguage,
    }),
    permitVerification: new PermitVerificationService(new PermitRepository(store), signingKeys),
    reExportBalances: new ReExportBalanceService(new ReExportBalanceRepository(store), auditTrail),
    nonDetrimentFindings: new NonDetrimentFindingService(
      config.party,
      new NonDetrimentFindingRepository(store),
      auditTrail,
    ),
    applicationDrafts,
    uploads,
    tradeMeasures: new TradeMeasureService(new TradeMeasureRepository(store), species),
    idempotencyKeys: new IdempotencyRepository(store),
    annualReports: new AnnualReportService(config.party, new TradeRecordReader(store), species),
    seizures: new SeizureService(config.party, new SeizureRepository(store), auditTrail),
  };
}

/** What every API start makes sure of: the species seed list on a fresh install, demo accounts in demo mode. */
export async function prepareStore(
  config: PangolinConfig,
  store: StoreConnection,
): Promise<{
  taxaSeeded: number;
  formsInstalled: number;
  proceduresInstalled: number;
  demoAccounts: number;
}> {
  const now = new Date();
  const taxaSeeded = await seedChecklist(new SpeciesRepository(store), now);
  const audit = new AuditTrail(new AuditRepository(store));
  const formsInstalled = await installDefaultForms(new FormRepository(store), audit, now);
  // After the forms: a procedure is published only against the form whose fields it reads.
  const proceduresInstalled = await installDefaultProcedures(new ProcedureRepository(store), audit, now);
  return {
    taxaSeeded,
    formsInstalled,
    proceduresInstalled,
    demoAccounts: await prepareDemo(config, store),
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
