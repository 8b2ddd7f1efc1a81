import type { RouteTable } from '../http/route-table';
import type { DecisionInput, TaskService } from '../services/tasks';

export function taskRoutes(routes: RouteTable, tasks: TaskService) {
  routes.add({
    method: 'get',
    path: '/tasks',
    access: { permission: 'tasks.work' },
    tag: 'Tasks',
    summary:
      'Open tasks the caller’s roles decide, oldest first: `[{id, type, applicationId, dueAt, overdue, ...}]`',
    responses: { 200: { description: 'The open tasks' } },
    handler: async ({ caller, res }) => {
      res.json(await tasks.list(caller));
    },
  });

  routes.add<DecisionInput>({
    method: 'post',
    path: '/tasks/:id/decision',
    access: { permission: 'tasks.work' },
    tag: 'Tasks',
    summary:
      'Decide a task: approve; reject with the reasons in the comment; or (completeness check) ask the applicant for more information, saying what in the comment',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['outcome'],
      properties: {
        outcome: { type: 'string', enum: ['approve', 'reject', 'more-information'] },
        comment: { type: 'string', maxLength: 4000 },
      },
    },
    responses: {
      200: { description: 'The task, decided' },
      403: { description: 'Another role decides this task' },
      404: { description: 'No such task' },
      409: { description: 'The task is no longer open' },
      422: { description: 'A refusal without reasons' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await tasks.decide(caller, params.id!, body));
    },
  });
}
