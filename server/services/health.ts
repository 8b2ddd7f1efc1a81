import type { Client } from '@temporalio/client';
import type { Connection } from 'mongoose';
import { pingStore } from '../../store/connection';
import { pangolinVersion } from '../project';

export type DependencyStatus = 'ok' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  party: string;
  temporal: DependencyStatus;
  database: DependencyStatus;
  version: string;
}

/** Probes each dependency for real, in parallel, each bounded so /healthz answers promptly. */
export class HealthService {
  constructor(
    private readonly party: string,
    private readonly temporal: Client,
    private readonly store: Connection,
    private readonly probeTimeoutMs = 2_000,
  ) {}

  async check(): Promise<HealthReport> {
    const [temporal, database] = await Promise.all([
      this.probe(() =>
        this.temporal.connection.withDeadline(Date.now() + this.probeTimeoutMs, () =>
          this.temporal.workflowService.describeNamespace({ namespace: this.temporal.options.namespace }),
        ),
      ),
      this.probe(() => pingStore(this.store)),
    ]);
    return {
      status: temporal === 'ok' && database === 'ok' ? 'ok' : 'degraded',
      party: this.party,
      temporal,
      database,
      version: pangolinVersion,
    };
  }

  private async probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), this.probeTimeoutMs);
    });
    try {
      await Promise.race([check(), timeout]);
      return 'ok';
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
