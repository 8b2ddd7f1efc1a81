import type { RouteTable } from '../http/route-table';
import type { SystemCheckService } from '../services/system-checks';

export function systemCheckRoutes(routes: RouteTable, systemChecks: SystemCheckService) {
  routes.add({
    method: 'post',
    path: '/system/checks',
    access: { permission: 'system.check' },
    tag: 'System',
    summary: 'Run a workflow through the worker that writes to the database, and report it',
    responses: {
      201: { description: 'The check completed; its record as the worker wrote it' },
      202: { description: 'The check is still running; read it later by checkId' },
      503: { description: 'Temporal did not accept the check, or it failed' },
    },
    handler: async ({ caller, res }) => {
      const outcome = await systemChecks.run(caller);
      if (outcome.state === 'completed') res.status(201).json(outcome.check);
      else res.status(202).json(outcome);
    },
  });

  routes.add({
    method: 'get',
    path: '/system/checks/:checkId',
    access: { permission: 'system.check' },
    tag: 'System',
    summary: 'A system check as recorded by the worker',
    responses: { 200: { description: 'The record' }, 404: { description: 'No such check' } },
    handler: async ({ caller, params, res }) => {
      res.json(await systemChecks.find(caller, params.checkId!));
    },
  });
}
