import { createApiClient } from '../../admin-ui/src/api/client';
import type { VerifiedBlock } from '../../admin-ui/src/api/types';
import {
  applicationIdOf,
  blockFieldMessages,
  cameraProblemOf,
  endorsementFieldMessages,
  isCalendarDate,
  mayEndorse,
  quantityProblemKeys,
  quantityText,
  readBlockQuantities,
  readEndorsement,
  readQuantity,
  statusTone,
  verificationTokenOf,
} from '../../admin-ui/src/border-check';
import { messages } from '../../admin-ui/src/messages';

const token = 'q3K9_x-B0cVdE1fG2hI3jK';

const block = (letter: string, quantity: number, unit: string | null = null): VerifiedBlock => ({
  block: letter,
  scientificName: 'Python regius',
  appendix: 'II',
  source: 'W',
  purpose: 'T',
  term: 'LIV',
  quantity,
  unit,
});

describe('reading a permit’s code from what was scanned or typed', () => {
  it('takes a bare token, and one typed in groups', () => {
    expect(verificationTokenOf(token)).toBe(token);
    expect(verificationTokenOf(`  ${token}\n`)).toBe(token);
    expect(verificationTokenOf('q3K9 _x-B 0cVd E1fG 2hI3 jK')).toBe(token);
  });

  it('takes the address a permit’s QR code holds, with or without a language or a trailing slash', () => {
    expect(verificationTokenOf(`https://permits.kws.go.ke/verify/${token}`)).toBe(token);
    expect(verificationTokenOf(`http://127.0.0.1:3000/verify/${token}/`)).toBe(token);
    expect(verificationTokenOf(`https://permits.kws.go.ke/cites/verify/${token}?lang=fr`)).toBe(token);
    expect(verificationTokenOf(`permits.kws.go.ke/verify/${token}#top`)).toBe(token);
  });

  it('takes the border check’s own address, as the verification page links to it', () => {
    expect(verificationTokenOf(`https://permits.kws.go.ke/customs?token=${token}`)).toBe(token);
    expect(verificationTokenOf(`https://permits.kws.go.ke/customs?lang=es&token=${token}`)).toBe(token);
  });

  it('refuses anything else: other QR codes, a token too short or too long, a code under another path', () => {
    for (const text of [
      '',
      'hello',
      token.slice(1),
      `${token}A`,
      `${token.slice(0, 21)}=`,
      'https://example.org/',
      `https://example.org/verify/${token}/extra`,
      `https://example.org/verify/${token}A`,
      `https://example.org/pay?token=${token}`,
      'WIFI:S:airport;T:WPA;P:secret;;',
    ]) {
      expect(verificationTokenOf(text)).toBeUndefined();
    }
  });
});

describe('what a permit check says to the border officer', () => {
  it('colours the status: valid good, endorsed and used done, the rest not to be accepted', () => {
    expect(statusTone('valid')).toBe('good');
    expect(statusTone('endorsed')).toBe('done');
    expect(statusTone('used')).toBe('done');
    for (const status of ['expired', 'cancelled', 'replaced'] as const)
      expect(statusTone(status)).toBe('bad');
  });

  it('offers the endorsement only for a valid, authentic permit whose id the server named', () => {
    expect(mayEndorse({ status: 'valid', authentic: true, permitId: 'KE-2026-0123456789AB' })).toBe(true);
    expect(mayEndorse({ status: 'valid', authentic: true })).toBe(false);
    expect(mayEndorse({ status: 'valid', authentic: false, permitId: 'KE-2026-0123456789AB' })).toBe(false);
    expect(mayEndorse({ status: 'endorsed', authentic: true, permitId: 'KE-2026-0123456789AB' })).toBe(false);
    expect(mayEndorse({ status: 'replaced', authentic: true, permitId: 'KE-2026-0123456789AB' })).toBe(false);
  });

  it('finds the application of a permit and of its replacements', () => {
    expect(applicationIdOf('KE-2026-0123456789AB')).toBe('KE-2026-0123456789AB');
    expect(applicationIdOf('KE-2026-0123456789AB-R2')).toBe('KE-2026-0123456789AB');
  });

  it('names quantities in their unit, and counts specimens as bare numbers', () => {
    expect(quantityText(50, null, 'en')).toBe('50');
    expect(quantityText(12.5, 'KIL', 'fr')).toBe('12.5 kg');
    expect(quantityText(3, 'XYZ', 'en')).toBe('3 XYZ');
  });

  it('tells a refused camera from a missing or failing one', () => {
    expect(cameraProblemOf(new DOMException('denied', 'NotAllowedError'))).toBe('refused');
    expect(cameraProblemOf({ name: 'SecurityError' })).toBe('refused');
    expect(cameraProblemOf(new DOMException('none', 'NotFoundError'))).toBe('missing');
    expect(cameraProblemOf({ name: 'OverconstrainedError' })).toBe('missing');
    expect(cameraProblemOf(new DOMException('busy', 'NotReadableError'))).toBe('failed');
    expect(cameraProblemOf(new Error('what'))).toBe('failed');
    expect(cameraProblemOf(undefined)).toBe('failed');
  });
});

describe('the customs endorsement, checked before it is sent', () => {
  const blocks = [block('A', 50), block('B', 12.5, 'KIL')];
  const entry = {
    quantities: ['40', '12,5'],
    port: ' Jomo Kenyatta International Airport ',
    date: '2026-11-30',
    billOfLading: ' 176-12345675 ',
  };

  it('reads quantities typed with a decimal point or comma, and refuses signs, exponents and words', () => {
    expect(readQuantity('40')).toBe(40);
    expect(readQuantity(' 12,5 ')).toBe(12.5);
    expect(readQuantity('0.25')).toBe(0.25);
    expect(readQuantity('.5')).toBe(0.5);
    expect(readQuantity('3.')).toBe(3);
    for (const text of ['', '-1', '1e3', '0x10', '1,000.5', '1.2.3', 'ten', 'Infinity', '+4']) {
      expect(readQuantity(text)).toBeUndefined();
    }
  });

  it('builds the body per block letter, every block named, the texts trimmed', () => {
    expect(readEndorsement(entry, blocks)).toEqual({
      body: {
        blocks: [
          { block: 'A', quantity: 40 },
          { block: 'B', quantity: 12.5 },
        ],
        port: 'Jomo Kenyatta International Airport',
        date: '2026-11-30',
        billOfLading: '176-12345675',
      },
      problems: { quantities: {} },
    });
    // A block that does not leave is sent as 0; no bill of lading, none sent.
    expect(readEndorsement({ ...entry, quantities: ['0', '12.5'], billOfLading: '  ' }, blocks).body).toEqual(
      {
        blocks: [
          { block: 'A', quantity: 0 },
          { block: 'B', quantity: 12.5 },
        ],
        port: 'Jomo Kenyatta International Airport',
        date: '2026-11-30',
      },
    );
    // Exactly the authorised quantity may leave.
    expect(readEndorsement({ ...entry, quantities: ['50', '12.5'] }, blocks).body).toBeDefined();
  });

  it('refuses, per block, a quantity missing, not a number or above the authorised one', () => {
    const read = readEndorsement({ ...entry, quantities: ['51', ''] }, blocks);
    expect(read.body).toBeUndefined();
    expect(read.problems).toEqual({ quantities: { 0: 'tooMany', 1: 'required' } });
    expect(readEndorsement({ ...entry, quantities: ['-3', '12.6'] }, blocks).problems.quantities).toEqual({
      0: 'invalid',
      1: 'tooMany',
    });
  });

  it('asks for a port of two characters or more, a real date, and texts the server takes', () => {
    const problems = (changes: Partial<typeof entry>) =>
      readEndorsement({ ...entry, ...changes }, blocks).problems;
    expect(problems({ port: '  ' }).port).toBe('required');
    expect(problems({ port: 'M' }).port).toBe('tooShort');
    expect(problems({ port: 'M'.repeat(101) }).port).toBe('tooLong');
    expect(problems({ port: 'M'.repeat(100) }).port).toBeUndefined();
    expect(problems({ date: '' }).date).toBe('required');
    expect(problems({ date: '2026-02-30' }).date).toBe('required');
    expect(problems({ date: '30/11/2026' }).date).toBe('required');
    expect(problems({ billOfLading: 'B'.repeat(101) }).billOfLading).toBe('tooLong');
  });

  it('places the server’s problems at the block, port, date and bill of lading they name', () => {
    const placed = endorsementFieldMessages(
      [
        { path: '/blocks/1/block', message: 'is not a block of this permit (A)' },
        { path: '/blocks/1/quantity', message: 'must be >= 0' },
        { path: '/port', message: 'must NOT have fewer than 2 characters' },
        { path: '/date', message: 'must match format "date"' },
        { path: '/billOfLading', message: 'must NOT have more than 100 characters' },
        { path: '/blocks/7/quantity', message: 'no such block' },
        { path: '', message: 'must have required property blocks' },
      ],
      'Check the blocks endorsed.',
      2,
    );
    expect(placed).toEqual({
      quantities: { 1: 'is not a block of this permit (A)' },
      port: 'must NOT have fewer than 2 characters',
      date: 'must match format "date"',
      billOfLading: 'must NOT have more than 100 characters',
      elsewhere: [
        { path: '/blocks/7/quantity', message: 'no such block' },
        { path: '', message: 'must have required property blocks' },
      ],
    });
  });

  it('places a quantity above the authorised one at the block its detail names', () => {
    expect(endorsementFieldMessages([], 'Block 2: 13 is more than the 12.5 authorised', 2)).toEqual({
      quantities: { 1: 'Block 2: 13 is more than the 12.5 authorised' },
      elsewhere: [],
    });
    expect(
      endorsementFieldMessages([], 'Block 3: 13 is more than the 12.5 authorised', 2).quantities,
    ).toEqual({});
  });

  it('sends the endorsement per block with the idempotency key, and checks a code at /api/verify', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient({
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response('{}', { status: 200 });
      },
    });
    const body = readEndorsement(entry, blocks).body!;
    await api.endorsePermit('KE-2026-0123456789AB-R1', body, 'key-1');
    await api.verifyPermit(token);
    expect(calls[0]!.url).toBe('/api/permits/KE-2026-0123456789AB-R1/endorsement');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual(body);
    expect((calls[0]!.init?.headers as Record<string, string>)['idempotency-key']).toBe('key-1');
    expect(calls[1]!.url).toBe(`/api/verify/${token}`);
    expect(calls[1]!.init?.method).toBe('GET');
  });
});

describe('quantities per block, as the endorsement and the confirmation at import count them', () => {
  const blocks = [block('A', 50), block('B', 12.5, 'KIL')];

  it('names every block by its letter, a block counted as 0 included', () => {
    expect(readBlockQuantities(['0', ' 12,5 '], blocks)).toEqual({
      blocks: [
        { block: 'A', quantity: 0 },
        { block: 'B', quantity: 12.5 },
      ],
      problems: {},
    });
  });

  it('refuses per block a quantity missing, not a number or above what the block allows', () => {
    expect(readBlockQuantities(['51', 'x'], blocks).problems).toEqual({ 0: 'tooMany', 1: 'invalid' });
    expect(readBlockQuantities(['50'], blocks).problems).toEqual({ 1: 'required' });
  });

  it('tells each problem with words the app has, naming the most allowed', () => {
    for (const key of Object.values(quantityProblemKeys)) expect(messages.en[key]).toBeTruthy();
    expect(messages.en[quantityProblemKeys.tooMany]).toContain('{max}');
  });

  it('takes only real days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const text of ['', '2026-02-29', '2026-13-01', '1/12/2026', '2026-12-01T00:00']) {
      expect(isCalendarDate(text)).toBe(false);
    }
  });

  it('places a problem at /blocks at the block its message names by letter, and other fields by name', () => {
    expect(
      blockFieldMessages(
        [
          { path: '/blocks', message: 'block b: 13 is more than the 12.5 permitted' },
          { path: '/blocks', message: 'must NOT have more than 50 items' },
          { path: '/date', message: 'must match format "date"' },
          { path: '/port', message: 'not a field of this form' },
        ],
        undefined,
        2,
        ['date'],
      ),
    ).toEqual({
      quantities: { 1: 'block b: 13 is more than the 12.5 permitted' },
      date: 'must match format "date"',
      elsewhere: [
        { path: '/blocks', message: 'must NOT have more than 50 items' },
        { path: '/port', message: 'not a field of this form' },
      ],
    });
  });
});
