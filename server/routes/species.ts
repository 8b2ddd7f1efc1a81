import { COUNTRIES } from '../../domain/codes/countries';
import { PURPOSE_CODES } from '../../domain/codes/purposes';
import { SOURCE_CODES } from '../../domain/codes/sources';
import type { RouteTable } from '../http/route-table';
import { rateLimiter } from '../http/security';
import type { SpeciesQuery, SpeciesService } from '../services/species';
import type { TradeMeasureQuery, TradeMeasureService } from '../services/trade-measures';

const countryCode = { type: 'string', enum: COUNTRIES.map((country) => country.code) };

export function speciesRoutes(
  routes: RouteTable,
  species: SpeciesService,
  measures: TradeMeasureService,
  publicRequestsPerMinute: number,
) {
  routes.add<unknown, SpeciesQuery>({
    method: 'get',
    path: '/species',
    access: 'public',
    tag: 'Species',
    summary:
      'Taxa whose scientific name, synonym or common name (EN/FR/ES) matches; case, accents and small typos tolerated',
    before: [rateLimiter('species', publicRequestsPerMinute)],
    query: {
      type: 'object',
      additionalProperties: false,
      required: ['q'],
      properties: {
        q: { type: 'string', minLength: 1, maxLength: 100 },
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
        kingdom: { type: 'string', enum: ['Animalia', 'Plantae'] },
      },
    },
    responses: {
      200: {
        description: 'Best matches first: exact, then prefix, then word, then near misses',
        schema: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              scientificName: { type: 'string' },
              appendix: { type: 'string' },
              kingdom: { type: 'string' },
              matchedName: { type: 'string' },
              matchType: { type: 'string' },
            },
          },
        },
      },
    },
    handler: async ({ query, res }) => {
      res.set('Cache-Control', 'public, max-age=300').json(await species.search(query));
    },
  });

  routes.add<unknown, TradeMeasureQuery>({
    method: 'get',
    path: '/trade-measures/applicable',
    access: { permission: 'trade-measures.read' },
    tag: 'Species',
    summary:
      'CITES trade suspensions, stricter domestic measures and EU decisions that apply to a trade on a date',
    query: {
      type: 'object',
      additionalProperties: false,
      required: ['taxonId', 'exportingCountry', 'importingCountry', 'date'],
      properties: {
        taxonId: { type: 'string', pattern: '^[A-Za-z0-9:_-]{1,64}$' },
        exportingCountry: countryCode,
        importingCountry: countryCode,
        originCountry: countryCode,
        source: { type: 'string', enum: [...SOURCE_CODES] },
        purpose: { type: 'string', enum: [...PURPOSE_CODES] },
        term: { type: 'string', pattern: '^[A-Z]{3}$' },
        date: { type: 'string', format: 'date' },
      },
    },
    responses: {
      200: { description: 'Each measure with the reason it applies' },
      404: { description: 'Unknown taxon' },
    },
    handler: async ({ caller, query, res }) => {
      res.json(await measures.applicable(caller, query));
    },
  });
}
