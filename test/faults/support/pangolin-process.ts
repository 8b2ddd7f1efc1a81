import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManagedProcess } from '../../../scripts/services/managed-process';
import { projectRoot } from '../../../server/project';

export type EntryPoint = 'api' | 'worker';

const entryFiles: Record<EntryPoint, string> = {
  api: path.join(projectRoot, 'dist', 'server', 'api-main.js'),
  worker: path.join(projectRoot, 'dist', 'server', 'worker-main.js'),
};

/**
 * One API or worker process, run from dist/ as a deployment runs it. It can be killed without
 * warning (SIGKILL: no draining, no goodbye) and started again with the same settings, as a
 * supervisor would. An exit nobody asked for is a crash, and is kept for the test to report.
 */
export class PangolinProcess {
  /** Exits of a ready process that were not a kill or stop of ours, with what it printed last. */
  readonly crashes: string[] = [];
  /** Starts that ended before the process was ready (a server it needs was down), the same way. */
  readonly failedStarts: string[] = [];
  private current: ManagedProcess | undefined;
  /** Stopped for good: a fault still under way must not start it again behind the test's back. */
  private retired = false;

  constructor(
    readonly name: string,
    private readonly entry: EntryPoint,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
  ) {}

  /**
   * Starts the process and waits until it reports ready. A start can fail while the servers it
   * needs are restarting (the entry points give up after a while): it is tried again until the deadline.
   */
  async start(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.retired) throw new Error(`${this.name} was stopped for good`);
      const started = ManagedProcess.start(this.name, process.execPath, [entryFiles[this.entry]], {
        env: this.env,
        logFile: path.join(this.logDir, `${this.name}.log`),
        ipc: true,
      });
      this.current = started;
      let ready = false;
      void started.exited.then(() => {
        if (this.current === started) (ready ? this.crashes : this.failedStarts).push(started.describeExit());
      });
      try {
        await started.ready();
        ready = true;
        return;
      } catch (error) {
        if (this.current === started) this.current = undefined;
        if (Date.now() > deadline) throw error;
        await sleep(1_000);
      }
    }
  }

  /** SIGKILL, as the kernel's OOM killer or a pulled plug would. */
  async kill(): Promise<void> {
    const victim = this.current;
    this.current = undefined;
    if (!victim) return;
    victim.kill();
    await victim.exited;
  }

  /** SIGTERM: the polite stop at the end of the test. */
  async stop(): Promise<void> {
    this.retired = true;
    const stopping = this.current;
    this.current = undefined;
    await stopping?.stop(10_000);
  }
}
