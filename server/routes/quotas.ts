import type { RouteTable } from '../http/route-table';
import type { ExportQuotaService, QuotaInput } from '../services/export-quotas';

const codes = (pattern: string) => ({ type: 'array', maxItems: 30, items: { type: 'string', pattern } });

/** Export quotas: set by the Management Authority or imported from Species+, and their use. */
export function quotaRoutes(routes: RouteTable, quotas: ExportQuotaService) {
  routes.add({
    method: 'get',
    path: '/quotas',
    access: { permission: 'quotas.read' },
    tag: 'Quotas',
    summary:
      'A year’s export quotas with their use: `[{id, scientificName, year, terms, sources, purposes, unit, quantity, used, left, warning}]`; warning `nearly-used` from 80%, `used-up` at 100%',
    query: {
      type: 'object',
      additionalProperties: false,
      required: ['year'],
      properties: { year: { type: 'integer', minimum: 1975, maximum: 2100 } },
    },
    responses: { 200: { description: 'The quotas' } },
    handler: async ({ caller, query, res }) => {
      res.json(await quotas.list(caller, (query as { year: number }).year));
    },
  });

  routes.add<QuotaInput>({
    method: 'post',
    path: '/quotas',
    access: { permission: 'quotas.manage' },
    tag: 'Quotas',
    summary:
      'Set (or with `id`, change) an export quota: species, year, terms, sources, purposes (none: any), unit (none: specimens), quantity (null: in preparation), basedOnNonDetrimentFinding',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['year', 'scientificName', 'quantity'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,60}$' },
        year: { type: 'integer', minimum: 1975, maximum: 2100 },
        scientificName: { type: 'string', minLength: 3, maxLength: 200 },
        population: { type: 'string', maxLength: 200 },
        terms: codes('^[A-Z]{3}$'),
        sources: codes('^[A-Z]$'),
        purposes: codes('^[A-Z]$'),
        unit: { type: 'string', pattern: '^[A-Za-z0-9]{1,10}$' },
        quantity: { type: ['number', 'null'], minimum: 0 },
        basedOnNonDetrimentFinding: { type: 'boolean', default: false },
        notes: { type: 'string', maxLength: 2000 },
      },
    },
    responses: {
      200: { description: 'The quota with its use' },
      409: { description: 'Less than permits have already taken' },
    },
    handler: async ({ caller, body, res }) => {
      res.json(await quotas.save(caller, body));
    },
  });

  routes.add<{ scientificName: string; legislation: { cites_quotas?: unknown } }>({
    method: 'post',
    path: '/quotas/species-plus',
    access: { permission: 'quotas.manage' },
    tag: 'Quotas',
    summary:
      'Import this Party’s quotas from a Species+ `cites_legislation` answer for one taxon: `{scientificName, legislation}`',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['scientificName', 'legislation'],
      properties: {
        scientificName: { type: 'string', minLength: 3, maxLength: 200 },
        legislation: { type: 'object' },
      },
    },
    responses: { 200: { description: '`{imported, skipped}`' } },
    handler: async ({ caller, body, res }) => {
      res.json(await quotas.importSpeciesPlus(caller, body));
    },
  });
}
