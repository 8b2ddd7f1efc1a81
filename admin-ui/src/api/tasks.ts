import type { Call } from './client';
import type { Task, TaskDecision } from './types';

/** Which open tasks to list; the server's default page is 100, at most 200. */
export interface TaskQuery {
  step?: string;
  documentType?: string;
  /** `me`: claimed by or given to the caller; `nobody`: not yet claimed. */
  assigned?: 'me' | 'nobody';
  overdue?: boolean;
  escalated?: boolean;
  limit?: number;
  /** The `openedAt` of the last task of the previous page. */
  openedAfter?: string;
  /** With `openedAfter`: the last task's id, so tasks opened in the same millisecond are not skipped. */
  afterId?: string;
  /** Only this application's tasks. */
  applicationId?: string;
}

/** The query of a task list; none at all for every open task, as the server's own default. */
function taskQuery(filter: TaskQuery): string {
  const query = new URLSearchParams();
  for (const name of [
    'step',
    'documentType',
    'assigned',
    'openedAfter',
    'afterId',
    'applicationId',
  ] as const) {
    const value = filter[name];
    if (value) query.set(name, value);
  }
  if (filter.overdue) query.set('overdue', 'true');
  if (filter.escalated) query.set('escalated', 'true');
  if (filter.limit !== undefined) query.set('limit', String(filter.limit));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The officers' inbox: open steps their roles decide, and their decisions on them. */
export function taskEndpoints(call: Call) {
  return {
    /** Open tasks the caller's roles decide, oldest first, a page at a time. */
    listTasks: (filter: TaskQuery = {}) => call<Task[]>(`/api/tasks${taskQuery(filter)}`),
    /** 403: another role decides it; 409: no longer open; 422: a refusal without reasons. */
    decideTask: (id: string, decision: TaskDecision) =>
      call<Task>(`/api/tasks/${encodeURIComponent(id)}/decision`, { method: 'POST', body: decision }),
  };
}
