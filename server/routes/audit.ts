import type { RouteTable } from '../http/route-table';
import type { AuditService } from '../services/audit';

export function auditRoutes(routes: RouteTable, audit: AuditService) {
  routes.add<unknown, { limit: number; before?: number }>({
    method: 'get',
    path: '/audit',
    access: { permission: 'audit.read' },
    tag: 'Audit',
    summary: 'Audit trail entries, newest first',
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
        before: { type: 'integer', minimum: 1 },
      },
    },
    responses: {
      200: {
        description: 'A page of entries; `nextBefore` pages further back',
        schema: {
          type: 'object',
          properties: {
            entries: { type: 'array', items: { type: 'object' } },
            nextBefore: { type: ['integer', 'null'] },
          },
        },
      },
    },
    handler: async ({ caller, query, res }) => {
      res.json(await audit.list(caller, query));
    },
  });

  routes.add({
    method: 'get',
    path: '/audit/verification',
    access: { permission: 'audit.read' },
    tag: 'Audit',
    summary: 'Verify the hash chain; names the first altered or missing entry',
    responses: { 200: { description: 'The verification result' } },
    handler: async ({ caller, res }) => {
      res.json(await audit.verify(caller));
    },
  });
}
