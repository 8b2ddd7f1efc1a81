import type { RouteTable } from '../http/route-table';
import type { DecisionInput, TaskService } from '../services/tasks';

const taskResponses = {
  200: { description: 'The task' },
  404: { description: 'No such task for your roles' },
  409: { description: 'Decided already, or another officer has it' },
};

export function taskRoutes(routes: RouteTable, tasks: TaskService) {
  routes.add({
    method: 'get',
    path: '/tasks',
    access: { permission: 'tasks.work' },
    tag: 'Tasks',
    summary:
      'Open tasks the caller’s roles decide, oldest first: `[{id, type, applicationId, dueAt, overdue, assignedTo, escalatedAt, ...}]`; filter by step, document type, assignment, overdue or escalated; page with `openedAfter` and `afterId` (the last task’s `openedAt` and `id`); `applicationId` for one application’s',
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        step: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' },
        documentType: { type: 'string', pattern: '^[a-z][a-z-]{1,30}$' },
        assigned: { type: 'string', enum: ['me', 'nobody'] },
        overdue: { type: 'boolean' },
        escalated: { type: 'boolean' },
        openedAfter: { type: 'string', format: 'date-time' },
        afterId: { type: 'string', maxLength: 120 },
        applicationId: { type: 'string', pattern: '^[A-Z]{2}-\\d{4}-[0-9A-F]{12}$' },
        limit: { type: 'integer', minimum: 1, maximum: 200, default: 100 },
      },
    },
    responses: { 200: { description: 'The open tasks' } },
    handler: async ({ caller, query, res }) => {
      const { openedAfter, ...filters } = query as Record<string, never> & { openedAfter?: string };
      res.json(
        await tasks.list(caller, {
          ...filters,
          ...(openedAfter ? { openedAfter: new Date(openedAfter) } : {}),
        }),
      );
    },
  });

  routes.add({
    method: 'post',
    path: '/tasks/:id/claim',
    access: { permission: 'tasks.work' },
    tag: 'Tasks',
    summary: 'Take an open task of your role: other officers see it is yours (409 when someone was first)',
    responses: taskResponses,
    handler: async ({ caller, params, res }) => {
      res.json(await tasks.claim(caller, params.id!));
    },
  });

  routes.add<{ officer: string }>({
    method: 'post',
    path: '/tasks/:id/assignment',
    access: { permission: 'tasks.work' },
    tag: 'Tasks',
    summary: 'Give an open task of your role to another officer (by e-mail)',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['officer'],
      properties: { officer: { type: 'string', format: 'email', maxLength: 254 } },
    },
    responses: taskResponses,
    handler: async ({ caller, params, body, res }) => {
      res.json(await tasks.assign(caller, params.id!, body.officer));
    },
  });

  routes.add({
    method: 'post',
    path: '/tasks/:id/release',
    access: { permission: 'tasks.work' },
    tag: 'Tasks',
    summary: 'Give a task back to every officer of its role',
    responses: taskResponses,
    handler: async ({ caller, params, res }) => {
      res.json(await tasks.release(caller, params.id!));
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
        attachments: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['fileId'],
            properties: {
              fileId: { type: 'string', pattern: '^[0-9a-f]{24}$' },
              name: { type: 'string', maxLength: 200 },
            },
          },
        },
      },
    },
    responses: {
      200: { description: 'The task, decided' },
      403: { description: 'Another role decides this task' },
      404: { description: 'No such task' },
      409: { description: 'The task is no longer open, or another officer has it' },
      422: { description: 'A refusal without reasons' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await tasks.decide(caller, params.id!, body));
    },
  });
}
