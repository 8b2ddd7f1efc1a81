import type { RouteTable } from '../http/route-table';
import type { PermitService } from '../services/permits';

export function permitRoutes(routes: RouteTable, permits: PermitService) {
  routes.add({
    method: 'get',
    path: '/permits/:id',
    access: 'signed-in',
    tag: 'Permits',
    summary:
      'An issued permit: `{id, number, status, documentType, validFrom, validUntil, ...}` (its holder and the Party’s officers)',
    responses: { 200: { description: 'The permit' }, 404: { description: 'No such permit, or not yours' } },
    handler: async ({ caller, params, res }) => {
      res.json(await permits.get(caller, params.id!));
    },
  });
}
