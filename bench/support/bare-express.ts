import path from 'node:path';
import { freePort } from '../../scripts/services/managed-process';
import { answersOk, readyWithin, startNodeChild } from './node-child';

export interface BareExpress {
  /** `GET` or `POST` here: the one route of the baseline. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the baseline express server (bench/support/bare-express-main.ts) as a child process,
 * answering `answer` — the measured route's own answer, so both send the same bytes.
 */
export async function startBareExpress(answer: unknown): Promise<BareExpress> {
  const port = await freePort();
  const child = startNodeChild('bare express', path.join(__dirname, 'bare-express-main.js'), {
    // The API's NODE_ENV, so express takes the same paths in both.
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), BENCH_ANSWER: JSON.stringify(answer) },
  });
  const url = `http://127.0.0.1:${port}/answer`;
  try {
    await readyWithin(child, 30_000);
    await answersOk(child, url, 30_000);
  } catch (error) {
    child.kill();
    throw error;
  }
  return { url, close: () => child.stop(5_000) };
}
