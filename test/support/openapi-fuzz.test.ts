import { apiRouteTable } from '../../server/app';
import type { AppServices } from '../../server/composition';
import { loadConfig } from '../../server/config';
import { buildOpenApi } from '../../server/http/openapi';
import { hostileRequests, operationsOf, type OpenApiDocument } from './openapi-fuzz';
import { sampleOf, schemaRefuses } from './schema-mutations';
import { seededRandom } from './seeded-random';

const document = buildOpenApi(
  apiRouteTable(loadConfig({ NODE_ENV: 'test' }), {} as AppServices),
  'KE',
) as unknown as OpenApiDocument;
const options = { seed: 7, bodyLimitBytes: 1_048_576, maxBodyCases: 40, maxPathCases: 12, maxQueryCases: 12 };

describe('the OpenAPI fuzzer', () => {
  it('draws the same numbers from the same seed, and others from another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('generates the same requests from the same seed', () => {
    const [operation] = operationsOf(document).filter((candidate) => candidate.name === 'POST /api/seizures');
    const labels = (seed: number) =>
      hostileRequests(operation!, { ...options, seed }).map((hostile) => hostile.label);
    expect(labels(7)).toEqual(labels(7));
    expect(labels(7)).not.toEqual(labels(8));
  });

  // Path, header and anonymous cases carry the sample body: if the schema refused it, they would
  // be refused for their body and never test what they are about.
  it('builds a sample every request body schema of the API accepts', () => {
    const refused = operationsOf(document)
      .filter((operation) => operation.bodySchema)
      .filter((operation) =>
        schemaRefuses(operation.bodySchema!, JSON.stringify(sampleOf(operation.bodySchema!))),
      )
      .map((operation) => operation.name);
    expect(refused).toEqual([]);
  });

  it('breaks each body schema in ways the schema itself refuses, within the cap', () => {
    for (const operation of operationsOf(document).filter((candidate) => candidate.bodySchema)) {
      const bodies = hostileRequests(operation, options).filter((hostile) => hostile.part === 'body');
      expect(bodies.length).toBeLessThanOrEqual(options.maxBodyCases);
      expect(bodies.filter((hostile) => hostile.expect === 'refusal').length).toBeGreaterThan(
        bodies.length / 2,
      );
    }
  });
});
