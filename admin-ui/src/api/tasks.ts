import type { Call } from './client';
import type { Task, TaskDecision } from './types';

/** The officers' inbox: open steps their roles decide, and their decisions on them. */
export function taskEndpoints(call: Call) {
  return {
    /** Open tasks the caller's roles decide, oldest first; only those escalated to a supervisor. */
    listTasks: (filter: { escalated?: boolean } = {}) =>
      call<Task[]>(filter.escalated ? '/api/tasks?escalated=true' : '/api/tasks'),
    /** 403: another role decides it; 409: no longer open; 422: a refusal without reasons. */
    decideTask: (id: string, decision: TaskDecision) =>
      call<Task>(`/api/tasks/${encodeURIComponent(id)}/decision`, { method: 'POST', body: decision }),
  };
}
