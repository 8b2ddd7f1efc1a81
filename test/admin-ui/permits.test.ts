import {
  applicationShowsPermit,
  blockLabel,
  blockNames,
  hasPermit,
  localIsoDate,
  mayWithdraw,
  quantityIndexOf,
  readQuantities,
  readReplacementNote,
  replacementProblems,
  replacementReasonLabel,
  replacementReasons,
  replacementReasonText,
} from '../../admin-ui/src/permits';
import { createApiClient } from '../../admin-ui/src/api/client';
import { format, messages, type Language, type MessageKey } from '../../admin-ui/src/messages';

const translator = (language: Language) => (key: MessageKey, values?: Record<string, string | number>) =>
  format(messages[language][key], values);

describe('permit helpers', () => {
  it('knows which statuses carry a permit and which may still be withdrawn', () => {
    for (const status of ['issued', 'endorsed', 'used', 'expired', 'cancelled']) {
      expect(hasPermit(status)).toBe(true);
      expect(mayWithdraw(status)).toBe(false);
    }
    for (const status of ['submitted', 'under-review', 'more-information-requested']) {
      expect(hasPermit(status)).toBe(false);
      expect(mayWithdraw(status)).toBe(true);
    }
    expect(hasPermit('rejected')).toBe(false);
    expect(mayWithdraw('withdrawn')).toBe(false);
  });

  it.each([
    ['valid', 'issued', undefined, true],
    ['used', 'used', undefined, true],
    ['cancelled', 'cancelled', undefined, true],
    ['used', 'endorsed', undefined, false],
    ['endorsed', 'issued', undefined, false],
    ['valid', 'issued', 'KE-APP-2', false],
    ['valid', 'issued', 'KE-APP-1', true],
  ])(
    'sees the application caught up with a %s permit when it reads %s and names %s',
    (permitStatus, applicationStatus, permitId, expected) => {
      const application = { id: 'KE-APP-1', status: applicationStatus, ...(permitId ? { permitId } : {}) };
      expect(applicationShowsPermit(application, { id: 'KE-APP-1', status: permitStatus })).toBe(expected);
    },
  );

  it('names the blocks from the filed data', () => {
    const names = blockNames({
      blocks: [{ scientificName: ' Python regius ', unit: 'KIL' }, { quantity: 3 }, null],
    });
    expect(names).toEqual([
      { scientificName: 'Python regius', unit: 'KIL' },
      { scientificName: '' },
      { scientificName: '' },
    ]);
    expect(blockLabel(names, 0, (n) => `Block ${n}`)).toBe('Python regius');
    expect(blockLabel(names, 1, (n) => `Block ${n}`)).toBe('Block 2');
    expect(blockLabel(names, 5, (n) => `Block ${n}`)).toBe('Block 6');
    expect(blockNames({})).toEqual([]);
    expect(blockNames(undefined)).toEqual([]);
  });

  it('writes today as YYYY-MM-DD in local time', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('reads quantities per block against the authorised ones', () => {
    expect(readQuantities(['5', '2,5'], [5, 3])).toEqual({ values: [5, 2.5], problems: {} });
    expect(readQuantities(['6', '', '-1', 'x'], [5, 3, 3, 3])).toEqual({
      problems: { 0: 'tooMany', 1: 'required', 2: 'invalid', 3: 'invalid' },
    });
    expect(readQuantities(['0'], [4])).toEqual({ values: [0], problems: {} });
  });

  it('finds the block a server problem is about', () => {
    expect(quantityIndexOf('/quantities/1')).toBe(1);
    expect(quantityIndexOf('quantities/0')).toBe(0);
    expect(quantityIndexOf('/port')).toBeUndefined();
  });
});

describe('replacing a permit', () => {
  it('offers the four reasons, named in every language', () => {
    expect(replacementReasons).toEqual(['lost', 'stolen', 'destroyed', 'other']);
    expect(replacementReasons.map((reason) => replacementReasonLabel(reason, translator('en')))).toEqual([
      'Lost',
      'Stolen',
      'Destroyed',
      'Other',
    ]);
    expect(replacementReasons.map((reason) => replacementReasonLabel(reason, translator('fr')))).toEqual([
      'Perdu',
      'Volé',
      'Détruit',
      'Autre',
    ]);
    expect(replacementReasons.map((reason) => replacementReasonLabel(reason, translator('es')))).toEqual([
      'Perdido',
      'Robado',
      'Destruido',
      'Otro',
    ]);
    expect(replacementReasonLabel('seized', translator('en'))).toBe('seized');
    expect(replacementReasonText('other', ' Flooded warehouse ', translator('en'))).toBe(
      'Other: Flooded warehouse',
    );
    expect(replacementReasonText('lost', '  ', translator('en'))).toBe('Lost');
  });

  it('needs a reason, and an explanation of at most 500 characters for “other”', () => {
    expect(replacementProblems('', '')).toEqual(['reasonRequired']);
    expect(replacementProblems('lost', '')).toEqual([]);
    expect(replacementProblems('other', '   ')).toEqual(['explanationRequired']);
    expect(replacementProblems('other', 'Flood')).toEqual([]);
    expect(replacementProblems('stolen', 'x'.repeat(501))).toEqual(['explanationTooLong']);
    expect(replacementProblems('stolen', 'x'.repeat(500))).toEqual([]);
  });

  it('reads the lifecycle’s note on a replacement', () => {
    expect(readReplacementNote('KE26000001-E → KE26000007-E (lost)')).toEqual({
      from: 'KE26000001-E',
      to: 'KE26000007-E',
      reason: 'lost',
    });
    expect(readReplacementNote(' KE26000001-E → KE26000007-E (other: Eaten: by (a) goat) ')).toEqual({
      from: 'KE26000001-E',
      to: 'KE26000007-E',
      reason: 'other',
      explanation: 'Eaten: by (a) goat',
    });
    expect(readReplacementNote('KE26000001-E replaced')).toBeUndefined();
    expect(readReplacementNote(undefined)).toBeUndefined();
  });

  it('posts the replacement to the permit’s own address', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient({
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response('{"id":"KE-2026-0123456789AB-R1"}', { status: 201 });
      },
    });
    await expect(
      api.replacePermit('KE-2026-0123456789AB', { reason: 'other', explanation: 'Flood' }),
    ).resolves.toEqual({ id: 'KE-2026-0123456789AB-R1' });
    expect(calls.map((call) => `${call.init?.method} ${call.url}`)).toEqual([
      'POST /api/permits/KE-2026-0123456789AB/replacement',
    ]);
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual({ reason: 'other', explanation: 'Flood' });
  });
});
