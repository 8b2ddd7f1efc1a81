import type { Connection } from 'mongoose';
import { ApplicationRepository } from '../store/applications';
import { AuditRepository } from '../store/audit';
import { NonDetrimentFindingRepository } from '../store/non-detriment-findings';
import { PermitRepository } from '../store/permits';
import { IncomingPermitRepository } from '../store/incoming-permits';
import { ReExportBalanceRepository } from '../store/re-export-balances';
import { TaskRepository } from '../store/tasks';
import { UserRepository } from '../store/users';
import { ExchangePeerRepository } from '../store/exchange-peers';
import { ExportQuotaRepository, QuotaLedger } from '../store/export-quotas';
import { createQuotaActivities } from './quotas';
import { createExchangeActivities } from './exchange/deliveries';
import { createLifecycleActivities, type LifecycleOptions } from './lifecycle';
import { ProcedureRepository } from '../store/procedures';
import { SystemCheckRepository } from '../store/system-checks';
import { createProcedureEvaluationActivities } from './procedure-evaluation';
import { createSystemCheckActivities } from './system-check';

/** Every activity the worker registers, bound to the store they write to. */
export function createActivities(
  store: Connection,
  workerIdentity: string,
  lifecycle: LifecycleOptions & { party: string },
) {
  return {
    ...createSystemCheckActivities(new SystemCheckRepository(store), workerIdentity),
    ...createLifecycleActivities(
      {
        applications: new ApplicationRepository(store),
        tasks: new TaskRepository(store),
        permits: new PermitRepository(store),
        audit: new AuditRepository(store),
        findings: new NonDetrimentFindingRepository(store),
        incomingPermits: new IncomingPermitRepository(store),
        reExportBalances: new ReExportBalanceRepository(store),
        users: new UserRepository(store),
        quotas: new ExportQuotaRepository(store),
        quotaLedger: new QuotaLedger(store),
      },
      lifecycle,
    ),
    ...createExchangeActivities(
      { peers: new ExchangePeerRepository(store), permits: new PermitRepository(store) },
      { party: lifecycle.party, keys: lifecycle.signing.keys },
    ),
    ...createQuotaActivities({
      applications: new ApplicationRepository(store),
      quotas: new ExportQuotaRepository(store),
      ledger: new QuotaLedger(store),
    }),
    ...createProcedureEvaluationActivities(new ApplicationRepository(store), new ProcedureRepository(store)),
  };
}
