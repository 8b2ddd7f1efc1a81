import { createApiClient } from '../../admin-ui/src/api/client';
import type { IncomingPermit } from '../../admin-ui/src/api/types';
import {
  arrivalFieldMessages,
  consignmentStatusKeys,
  countedBlocks,
  expectedQuantities,
  mayConfirmArrival,
  readArrival,
  withIncomingPermit,
} from '../../admin-ui/src/consignments';
import { messages } from '../../admin-ui/src/messages';

const permit = (changes: Partial<IncomingPermit> = {}): IncomingPermit => ({
  id: 'KE:KE26000001-E',
  number: 'KE26000001-E',
  fromParty: 'KE',
  documentType: 'export',
  status: 'valid',
  validUntil: '2027-05-31',
  exporterCountry: 'KE',
  importerCountry: 'DE',
  blocks: [
    { scientificName: 'Python regius', quantity: 50 },
    { scientificName: 'Crocodylus niloticus', quantity: 12.5, unit: 'KIL' },
  ],
  verifiedAt: '2026-11-28T09:00:00.000Z',
  ...changes,
});

describe('an expected consignment', () => {
  it('letters the blocks in the permit’s order, with what left and what arrived when known', () => {
    expect(countedBlocks(permit())).toEqual([
      { block: 'A', scientificName: 'Python regius', quantity: 50 },
      { block: 'B', scientificName: 'Crocodylus niloticus', quantity: 12.5, unit: 'KIL' },
    ]);
    const counted = countedBlocks(
      permit({
        status: 'used',
        exportEndorsement: {
          blocks: [{ block: 'A', quantity: 48 }],
          port: 'Nairobi JKIA',
          date: '2026-11-30',
        },
        importConfirmation: {
          blocks: [
            { block: 'A', quantity: 47 },
            { block: 'B', quantity: 0 },
          ],
          date: '2026-12-01',
          by: 'customs@demo.test',
        },
      }),
    );
    expect(counted.map(({ block, exported, arrived }) => ({ block, exported, arrived }))).toEqual([
      { block: 'A', exported: 48, arrived: 47 },
      { block: 'B', exported: undefined, arrived: 0 },
    ]);
  });

  it('prefills what the exporter’s customs endorsed, else what the permit allows', () => {
    const endorsed = permit({
      exportEndorsement: { blocks: [{ block: 'B', quantity: 10 }], port: 'Mombasa', date: '2026-11-30' },
    });
    expect(expectedQuantities(countedBlocks(endorsed))).toEqual(['50', '10']);
    expect(expectedQuantities(countedBlocks(permit()))).toEqual(['50', '12.5']);
  });

  it('lets only customs confirm, and only under a valid permit', () => {
    expect(mayConfirmArrival(permit(), ['customs_officer'])).toBe(true);
    expect(mayConfirmArrival(permit(), ['ma_officer'])).toBe(false);
    for (const status of ['used', 'cancelled', 'replaced', 'expired'] as const) {
      expect(mayConfirmArrival(permit({ status }), ['customs_officer'])).toBe(false);
    }
  });

  it('names every status in the messages: expected, confirmed, cancelled, replaced, expired', () => {
    expect(messages.en[consignmentStatusKeys.valid]).toBe('Expected');
    expect(messages.en[consignmentStatusKeys.used]).toBe('Confirmed');
    for (const key of Object.values(consignmentStatusKeys)) expect(messages.fr[key]).toBeTruthy();
  });

  it('puts the permit the server answered in its place in the list', () => {
    const other = permit({ id: 'FR:FR26000009', number: 'FR26000009', fromParty: 'FR' });
    const used = permit({ status: 'used' });
    expect(withIncomingPermit([other, permit()], used)).toEqual([other, used]);
  });
});

describe('the confirmation of what arrived, checked before it is sent', () => {
  const blocks = countedBlocks(permit());

  it('builds the body per block letter, every block named, a block that did not arrive as 0', () => {
    expect(readArrival({ quantities: ['47', '0'], date: '2026-12-01' }, blocks)).toEqual({
      body: {
        blocks: [
          { block: 'A', quantity: 47 },
          { block: 'B', quantity: 0 },
        ],
        date: '2026-12-01',
      },
      problems: { quantities: {} },
    });
    expect(readArrival({ quantities: ['50', '12,5'], date: '2026-12-01' }, blocks).body).toBeDefined();
  });

  it('refuses per block more than the permit allows, a negative or missing quantity, and a date that is none', () => {
    const read = readArrival({ quantities: ['51', ''], date: '2026-02-30' }, blocks);
    expect(read.body).toBeUndefined();
    expect(read.problems).toEqual({ quantities: { 0: 'tooMany', 1: 'required' }, date: 'required' });
    expect(readArrival({ quantities: ['-1', '12.6'], date: '2026-12-01' }, blocks).problems).toEqual({
      quantities: { 0: 'invalid', 1: 'tooMany' },
    });
  });

  it('places the server’s problems at the block and the date they name', () => {
    expect(
      arrivalFieldMessages(
        [{ path: '/blocks', message: 'block B: 13 is more than the 12.5 permitted' }],
        'More arrived than the permit allows: hold the consignment.',
        2,
      ),
    ).toEqual({ quantities: { 1: 'block B: 13 is more than the 12.5 permitted' }, elsewhere: [] });
    expect(
      arrivalFieldMessages(
        [
          { path: '/blocks/0/block', message: 'is not a block of this permit (A, B)' },
          { path: '/date', message: 'must match format "date"' },
          { path: '/blocks', message: 'block C: 1 is more than the 0 permitted' },
        ],
        'Check the blocks confirmed.',
        2,
      ),
    ).toEqual({
      quantities: { 0: 'is not a block of this permit (A, B)' },
      date: 'must match format "date"',
      elsewhere: [{ path: '/blocks', message: 'block C: 1 is more than the 0 permitted' }],
    });
  });

  it('lists incoming permits and sends a confirmation with its idempotency key', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient({
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response('[]', { status: 200 });
      },
    });
    const body = readArrival({ quantities: ['47', '0'], date: '2026-12-01' }, blocks).body!;
    await api.listIncomingPermits();
    await api.confirmArrival('KE:KE26000001-E', body, 'key-1');
    expect(calls[0]!.url).toBe('/api/exchange/incoming');
    expect(calls[1]!.url).toBe('/api/exchange/incoming/KE%3AKE26000001-E/confirmation');
    expect(calls[1]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[1]!.init?.body))).toEqual(body);
    expect((calls[1]!.init?.headers as Record<string, string>)['idempotency-key']).toBe('key-1');
  });
});
