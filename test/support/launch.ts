import { spawn, type ChildProcess } from 'node:child_process';

/** A Pangolin command run as a real child process, with its output collected for assertions. */
export class Launched {
  output = '';
  readonly exited: Promise<number | null>;
  readonly child: ChildProcess;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Resolves when the output contains `text`; rejects if the process ends or time runs out. */
  async waitFor(text: string | RegExp, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let ended = false;
    void this.exited.then(() => (ended = true));
    while (!(typeof text === 'string' ? this.output.includes(text) : text.test(this.output))) {
      if (ended || Date.now() > deadline) {
        throw new Error(
          `${ended ? 'exited' : 'timed out'} before printing ${text}; output:\n${this.output.slice(-3000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
