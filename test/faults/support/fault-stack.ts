import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../../../scripts/services/managed-process';
import { OwnServices } from '../../support/own-services';
import { PangolinProcess } from './pangolin-process';

/**
 * One Party's deployment as production runs it, on servers of its own: a Temporal dev server and
 * FerretDB keeping their data on disk (so they can be stopped and started again), and several API
 * and worker processes sharing the load, each of which can be killed.
 */
export class FaultStack {
  readonly services = new OwnServices();
  readonly apis: PangolinProcess[] = [];
  readonly workers: PangolinProcess[] = [];
  readonly apiUrls: string[] = [];
  readonly database = `pangolin-faults-${randomUUID().slice(0, 8)}`;

  /** Where the processes' logs and the servers' data are. */
  get dir(): string {
    return this.services.dir;
  }

  async start(counts: { apis: number; workers: number }): Promise<void> {
    await this.services.start();
    const settings = {
      ...process.env,
      NODE_ENV: 'test',
      PANGOLIN_PARTY: 'KE',
      TEMPORAL_ADDRESS: this.services.temporal!.address,
      TEMPORAL_TASK_QUEUE: 'pangolin-faults-ke',
      MONGODB_URI: this.services.ferretdb!.uri,
      MONGODB_DATABASE: this.database,
      PANGOLIN_DATA_DIR: this.dir,
      PANGOLIN_SIGNING_KEYS_DIR: path.join(this.dir, 'keys'),
      PANGOLIN_DEMO: 'true',
      PANGOLIN_LOGIN_ATTEMPTS_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    };
    for (let index = 1; index <= counts.apis; index++) {
      const port = await freePort();
      this.apiUrls.push(`http://127.0.0.1:${port}`);
      this.apis.push(
        new PangolinProcess(`api-${index}`, 'api', { ...settings, PORT: String(port) }, this.dir),
      );
    }
    for (let index = 1; index <= counts.workers; index++) {
      this.workers.push(new PangolinProcess(`worker-${index}`, 'worker', settings, this.dir));
    }
    // The first API prepares the store (forms, procedures, demo accounts) and makes the signing key
    // before the others start: a first start of several processes at once is not what this is about.
    await this.apis[0]!.start();
    await Promise.all([...this.apis.slice(1), ...this.workers].map((process) => process.start()));
  }

  /** Exits nobody asked for, and starts that failed, of every process: `name: what it said`. */
  exits(): { crashes: string[]; failedStarts: string[] } {
    const all = [...this.apis, ...this.workers];
    return {
      crashes: all.flatMap((process) => process.crashes.map((exit) => `${process.name}: ${exit}`)),
      failedStarts: all.flatMap((process) => process.failedStarts.map((exit) => `${process.name}: ${exit}`)),
    };
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.workers].map((process) => process.stop()));
    await this.services.stop();
  }

  async dispose(): Promise<void> {
    await this.stop();
    await this.services.dispose();
  }
}
