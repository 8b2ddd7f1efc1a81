import { ManagedProcess, waitUntilHealthy } from '../../scripts/services/managed-process';

export interface NodeChildOptions {
  env: NodeJS.ProcessEnv;
  /** Node's own flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  logFile?: string;
}

/**
 * A Node.js script as a child process with an IPC channel, the way the stack launcher starts the
 * API and the worker. The servers under load and their baselines are all started through here,
 * so none of them shares an event loop with the load generator or with each other.
 */
export function startNodeChild(name: string, entry: string, options: NodeChildOptions): ManagedProcess {
  return ManagedProcess.start(name, process.execPath, [...(options.nodeArgs ?? []), entry], {
    env: options.env,
    ipc: true,
    logFile: options.logFile,
  });
}

/** Resolves once the child says it is ready over IPC; fails with its last output if it dies or stalls. */
export async function readyWithin(child: ManagedProcess, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      child.ready(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`${child.name} was not ready after ${timeoutMs / 1000} s:\n${child.tail()}`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `url` until it answers 200. */
export function answersOk(child: ManagedProcess, url: string, timeoutMs: number): Promise<void> {
  return waitUntilHealthy(
    child,
    child.name,
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text}`);
    },
    timeoutMs,
  );
}
