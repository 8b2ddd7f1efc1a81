import type { Connection } from 'mongoose';
import { ApplicationRepository } from '../store/applications';
import { ProcedureRepository } from '../store/procedures';
import { SystemCheckRepository } from '../store/system-checks';
import { createProcedureEvaluationActivities } from './procedure-evaluation';
import { createSystemCheckActivities } from './system-check';

/** Every activity the worker registers, bound to the store they write to. */
export function createActivities(store: Connection, workerIdentity: string) {
  return {
    ...createSystemCheckActivities(new SystemCheckRepository(store), workerIdentity),
    ...createProcedureEvaluationActivities(new ApplicationRepository(store), new ProcedureRepository(store)),
  };
}
