import { Connection, type ConnectionOptions } from '@temporalio/client';
import type { Connection as StoreConnection } from 'mongoose';
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
    /** A connection without gRPC retries (see temporalProbeConnection), so a probe fails fast. */
    private readonly temporal: Connection,
    private readonly namespace: string,
    private readonly store: StoreConnection,
    private readonly probeTimeoutMs = 2_000,
  ) {}

  async check(): Promise<HealthReport> {
    const [temporal, database] = await Promise.all([
      this.probe(() =>
        this.temporal.withDeadline(Date.now() + this.probeTimeoutMs, () =>
          this.temporal.workflowService.describeNamespace({ namespace: this.namespace }),
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

/**
 * The client's default connection retries unavailable servers for a long time, which is right
 * for starting workflows and wrong for a health probe that must answer within seconds.
 */
export function temporalProbeConnection(options: ConnectionOptions): Connection {
  return Connection.lazy({ ...options, interceptors: [] });
}
