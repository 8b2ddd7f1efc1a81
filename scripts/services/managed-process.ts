import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where the child's stdout and stderr go; they are also kept in memory for error messages. */
  logFile?: string;
  /** Echo the child's output to this process's stdout (the API and worker logs). */
  echo?: boolean;
  /** Open an IPC channel: Pangolin's own processes report readiness through it. */
  ipc?: boolean;
}

/**
 * A child process of the stack: its output is kept so that a failure can be explained, and it
 * can be stopped politely (SIGTERM) before forcefully (SIGKILL).
 */
export class ManagedProcess {
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | undefined;
  private readonly lastLines: string[] = [];

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    logFile: string | undefined,
    echo: boolean,
  ) {
    const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
    const keep = (chunk: Buffer) => {
      log?.write(chunk);
      if (echo) process.stdout.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.lastLines.push(line);
        if (this.lastLines.length > 40) this.lastLines.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        log?.end();
        resolve(this.exit);
      });
      child.once('error', (error) => {
        this.lastLines.push(String(error));
        this.exit = { code: -1, signal: null };
        log?.end();
        resolve(this.exit);
      });
    });
  }

  static start(name: string, command: string, args: string[], options: StartOptions = {}): ManagedProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    return new ManagedProcess(name, child, options.logFile, options.echo ?? false);
  }

  /** Resolves when the child sends `{ready}` over IPC; rejects if it exits first. */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'ready' in message) {
          this.child.off('message', onMessage);
          resolve();
        }
      };
      this.child.on('message', onMessage);
      void this.exited.then(() => reject(new Error(this.describeExit())));
    });
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** The last lines the process printed, for error messages. */
  tail(lines = 12): string {
    return this.lastLines.slice(-lines).join('\n');
  }

  describeExit(): string {
    if (!this.exit) return `${this.name} is running`;
    const how = this.exit.signal ? `was killed by ${this.exit.signal}` : `exited with code ${this.exit.code}`;
    const tail = this.tail();
    return `${this.name} ${how}${tail ? `; its last output:\n${tail}` : ''}`;
  }

  /** SIGTERM, then SIGKILL after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.hasExited || this.child.pid === undefined) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.hasExited) this.child.kill('SIGKILL');
  }
}

/**
 * Polls `probe` until it succeeds, failing early and clearly when the process dies or the
 * deadline passes (a service that never becomes healthy must not hang the stack).
 */
export async function waitUntilHealthy(
  process: ManagedProcess | undefined,
  what: string,
  probe: () => Promise<void>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (process?.hasExited) throw new Error(`${what} did not start: ${process.describeExit()}`);
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const tail = process?.tail();
      throw new Error(
        `${what} was not healthy after ${Math.round(timeoutMs / 1000)} s: ${errorMessage(lastError)}${tail ? `\nits last output:\n${tail}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Refuses early and by name when a port is taken, rather than letting a child fail obscurely. */
export async function assertPortFree(
  host: string,
  port: number,
  what: string,
  variable: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} (${what}) is already in use: stop the program using it or set ${variable} to another port.`
            : `Cannot listen on ${host}:${port} for ${what}: ${error.message}`,
        ),
      );
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/**
 * A port that is free now, for a server we are about to start. It is picked below Linux's
 * ephemeral range (32768 and up): a port the kernel hands out as "any free port" can be taken a
 * moment later by some outgoing connection, before our server binds it.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(host, port)) return port;
  }
  throw new Error('no free port found between 20000 and 32000');
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
