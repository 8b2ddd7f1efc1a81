import type { Connection } from 'mongoose';
import { SystemCheckRepository } from '../store/system-checks';
import { createSystemCheckActivities } from './system-check';

/** Every activity the worker registers, bound to the store they write to. */
export function createActivities(store: Connection, workerIdentity: string) {
  return {
    ...createSystemCheckActivities(new SystemCheckRepository(store), workerIdentity),
  };
}
