import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDb, type RunningFerretDb } from '../../scripts/services/ferretdb';
import { freePort } from '../../scripts/services/managed-process';
import { startTemporalDevServer, type RunningTemporal } from '../../scripts/services/temporal-dev-server';

/**
 * A Temporal dev server and a FerretDB of a test's own, for tests that stop and restart them;
 * the shared servers of the global setup must stay up for the other suites.
 */
export class OwnServices {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pangolin-own-'));
  temporal: RunningTemporal | undefined;
  ferretdb: RunningFerretDb | undefined;
  private temporalPort = 0;
  private ferretDbPort = 0;

  async start(): Promise<void> {
    this.temporalPort ||= await freePort();
    this.ferretDbPort ||= await freePort();
    [this.temporal, this.ferretdb] = await Promise.all([this.startTemporal(), this.startFerretDb()]);
  }

  /** Stops one of the servers, leaves it down a while, and starts it again on its port with its data. */
  async restart(service: 'temporal' | 'ferretdb', downMs: number): Promise<void> {
    if (service === 'temporal') {
      await this.temporal?.process.stop(10_000);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      this.temporal = await this.startTemporal();
    } else {
      await this.ferretdb?.process.stop(10_000);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      this.ferretdb = await this.startFerretDb();
    }
  }

  private startTemporal(): Promise<RunningTemporal> {
    return startTemporalDevServer({
      port: this.temporalPort,
      dbFile: path.join(this.dir, 'temporal.db'),
      logFile: path.join(this.dir, 'temporal.log'),
    });
  }

  private startFerretDb(): Promise<RunningFerretDb> {
    return startFerretDb({
      port: this.ferretDbPort,
      dataDir: path.join(this.dir, 'ferretdb'),
      logFile: path.join(this.dir, 'ferretdb.log'),
    });
  }

  async stop(): Promise<void> {
    await Promise.all([this.temporal?.process.stop(10_000), this.ferretdb?.process.stop(10_000)]);
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
