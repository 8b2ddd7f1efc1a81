import type { RouteTable } from '../http/route-table';
import type { FindingInput, NonDetrimentFindingService } from '../services/non-detriment-findings';

const codes = { type: 'array', maxItems: 300, uniqueItems: true, items: { type: 'string', maxLength: 10 } };

export function nonDetrimentFindingRoutes(routes: RouteTable, findings: NonDetrimentFindingService) {
  routes.add<FindingInput>({
    method: 'post',
    path: '/non-detriment-findings',
    access: { permission: 'findings.sign' },
    tag: 'Findings',
    summary:
      'Sign a standing non-detriment finding (Scientific Authority): species, scope (importing countries, sources, terms, purposes; a list left out covers all), validity, conditions or reasons',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['decision', 'scope', 'validFrom', 'validUntil'],
      properties: {
        decision: { type: 'string', enum: ['positive', 'negative'] },
        scope: {
          type: 'object',
          additionalProperties: false,
          required: ['scientificName'],
          properties: {
            scientificName: { type: 'string', minLength: 3, maxLength: 200 },
            countries: codes,
            sources: codes,
            terms: codes,
            purposes: codes,
          },
        },
        conditions: { type: 'string', maxLength: 4000 },
        validFrom: { type: 'string', maxLength: 10 },
        validUntil: { type: 'string', maxLength: 10 },
        evidence: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64 } },
      },
    },
    responses: {
      201: { description: 'The signed finding' },
      422: { description: 'What is wrong, by field' },
    },
    handler: async ({ caller, body, res }) => {
      res.status(201).json(await findings.sign(caller, body));
    },
  });

  routes.add({
    method: 'get',
    path: '/non-detriment-findings',
    access: { permission: 'findings.read' },
    tag: 'Findings',
    summary: 'The standing non-detriment findings, newest first',
    responses: { 200: { description: 'The findings' } },
    handler: async ({ caller, res }) => {
      res.json(await findings.list(caller));
    },
  });
}
