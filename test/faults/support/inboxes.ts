import { setTimeout as sleep } from 'node:timers/promises';
import type { ResilientApi } from './resilient-api';

export interface OpenTask {
  id: string;
  type: string;
  applicationId: string;
  openedAt: string;
  /** The bearer token of the officer whose inbox shows it. */
  token: string;
}

/**
 * The officers' inboxes, read the way their screens read them: every open task of their roles, a
 * page at a time, over and over. One reading serves all 200 applications; asking for each
 * application's tasks on its own would make the database scan its tasks 200 times as often.
 */
export class Inboxes {
  private tasks = new Map<string, OpenTask[]>();
  /** Readings begun so far; a waiter is answered by the first reading begun after it asked. */
  private begun = 0;
  private readonly waiting: { after: number; resolve: () => void }[] = [];

  constructor(
    private readonly api: ResilientApi,
    private readonly officers: string[],
  ) {}

  openTasksOf(applicationId: string): OpenTask[] {
    return this.tasks.get(applicationId) ?? [];
  }

  /** Resolves once a reading that began after this call has finished: what was done before shows. */
  fresh(): Promise<void> {
    return new Promise((resolve) => this.waiting.push({ after: this.begun, resolve }));
  }

  /** Reads the inboxes again and again, a pause between readings, until told to stop. */
  async keepReading(going: () => boolean, pauseMs: number): Promise<void> {
    while (going()) {
      const reading = ++this.begun;
      try {
        this.tasks = await this.read();
      } catch {
        // The API gave no answer for minutes; the journeys' own deadline reports what is stuck.
      }
      for (const waiter of this.waiting.splice(0)) {
        if (waiter.after < reading) waiter.resolve();
        else this.waiting.push(waiter);
      }
      await sleep(pauseMs);
    }
    for (const waiter of this.waiting.splice(0)) waiter.resolve();
  }

  private async read(): Promise<Map<string, OpenTask[]>> {
    const tasks = new Map<string, OpenTask[]>();
    for (const token of this.officers) {
      let after = '';
      for (;;) {
        const page = await this.api.call<Omit<OpenTask, 'token'>[]>(`/api/tasks?limit=200${after}`, {
          token,
        });
        if (page.status !== 200) throw new Error(`the inbox answered ${page.status}`);
        for (const task of page.body) {
          tasks.set(task.applicationId, [...(tasks.get(task.applicationId) ?? []), { ...task, token }]);
        }
        if (page.body.length < 200) break;
        const last = page.body.at(-1)!;
        after = `&openedAfter=${encodeURIComponent(last.openedAt)}&afterId=${encodeURIComponent(last.id)}`;
      }
    }
    return tasks;
  }
}
