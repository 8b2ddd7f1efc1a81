import type { RouteTable } from '../http/route-table';
import type { DashboardService } from '../services/dashboards';

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
const period = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    interval: { type: 'string', enum: ['week', 'month'], default: 'month' },
  },
};
const year = {
  type: 'object',
  additionalProperties: false,
  properties: { year: { type: 'integer', minimum: 1975, maximum: 2100 } },
};

/** A period from the query: from its first day to the end of its last, a year back by default. */
function rangeOf(query: { from?: string; to?: string }, now: Date) {
  const to = query.to ? dayAfter(query.to) : now;
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(to.getTime() - 365 * 86_400_000);
  return { from, to };
}

/** The figures the web app's dashboards draw. */
export function dashboardRoutes(
  routes: RouteTable,
  dashboards: DashboardService,
  now: () => Date = () => new Date(),
) {
  routes.add<unknown, { from?: string; to?: string; interval: 'week' | 'month' }>({
    method: 'get',
    path: '/dashboard/applications',
    access: { permission: 'dashboards.read' },
    tag: 'Dashboards',
    summary:
      'Applications submitted per week or month, by the status they have now: `{interval, series: [{period, counts}]}`',
    query: period,
    responses: { 200: { description: 'The series' } },
    handler: async ({ caller, query, res }) => {
      res.json(
        await dashboards.applicationsOverTime(caller, { ...rangeOf(query, now()), interval: query.interval }),
      );
    },
  });

  routes.add<unknown, { from?: string; to?: string }>({
    method: 'get',
    path: '/dashboard/processing-times',
    access: { permission: 'dashboards.read' },
    tag: 'Dashboards',
    summary:
      'How long each step took from its task opening to the decision: `[{step, title, decided, medianDays, p90Days}]`',
    query: period,
    responses: { 200: { description: 'Per step' } },
    handler: async ({ caller, query, res }) => {
      res.json(await dashboards.processingTimes(caller, rangeOf(query, now())));
    },
  });

  routes.add<unknown, { year?: number }>({
    method: 'get',
    path: '/dashboard/permits',
    access: { permission: 'dashboards.read' },
    tag: 'Dashboards',
    summary: 'Permits issued in a year by species and by partner country: `{bySpecies, byPartner}`',
    query: year,
    responses: { 200: { description: 'The counts' } },
    handler: async ({ caller, query, res }) => {
      res.json(await dashboards.permitsIssued(caller, query.year ?? now().getUTCFullYear()));
    },
  });

  routes.add<unknown, { year?: number }>({
    method: 'get',
    path: '/dashboard/quota-monitoring',
    access: { permission: 'dashboards.read' },
    tag: 'Dashboards',
    summary:
      'Exports against quotas (Art. IV.3): `[{quotaId, scientificName, quota, unit, reserved, exported, warning}]`, exported as endorsed by customs',
    query: year,
    responses: { 200: { description: 'Per quota' } },
    handler: async ({ caller, query, res }) => {
      res.json(await dashboards.quotaMonitoring(caller, query.year ?? now().getUTCFullYear()));
    },
  });
}
