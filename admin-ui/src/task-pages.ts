import type { Task } from './api/types';
import { oldestFirst } from './tasks';

/** How many tasks the inbox asks for at a time: enough for a morning's work, light on a phone. */
export const taskPageSize = 50;

/** The inbox's tasks loaded so far, oldest first, and whether the server may have more after them. */
export interface TaskPages<T> {
  tasks: T[];
  more: boolean;
}

type PagedTask = Pick<Task, 'id' | 'openedAt'>;

/**
 * The tasks with the next page added (the first page when nothing was loaded yet). A task sent
 * twice is listed once, as last sent: it may have been claimed or escalated in between. A page
 * shorter than asked for was the last one.
 */
export function withPage<T extends PagedTask>(
  loaded: TaskPages<T> | null,
  page: readonly T[],
  limit: number,
): TaskPages<T> {
  const byId = new Map<string, T>();
  for (const task of [...(loaded?.tasks ?? []), ...page]) byId.set(task.id, task);
  return { tasks: oldestFirst([...byId.values()]), more: page.length >= limit };
}

/**
 * Where the next page starts: after the task opened last among those loaded, its id breaking the tie
 * with tasks opened in the same millisecond (the server orders them so too).
 */
export function nextPageAfter(
  loaded: TaskPages<PagedTask>,
): { openedAfter: string; afterId: string } | undefined {
  const last = loaded.tasks.at(-1);
  return last ? { openedAfter: last.openedAt, afterId: last.id } : undefined;
}
