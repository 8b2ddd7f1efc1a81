import type { DocumentType } from '../../domain/codes/types';
import {
  DOCUMENT_SUFFIX,
  PERMIT_NUMBER_MAX_LENGTH,
  formatPermitNumber,
  parsePermitNumber,
  type PermitNumberParts,
  type PermitNumberResult,
} from '../../domain/permit-number';

function value<T>(result: PermitNumberResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}`);
  return result.value;
}

function errorCode<T>(result: PermitNumberResult<T>): string {
  return result.ok ? 'ok' : result.error.code;
}

const documentTypes = Object.keys(DOCUMENT_SUFFIX) as DocumentType[];

describe('formatPermitNumber', () => {
  it.each<[PermitNumberParts, string]>([
    [{ party: 'FR', year: 2025, serial: 123, documentType: 'export' }, 'FR25000123-E'],
    [{ party: 'KE', year: 2009, serial: 1, documentType: 're-export' }, 'KE09000001-R'],
    [{ party: 'US', year: 2030, serial: 1234567, documentType: 'import' }, 'US301234567-I'],
    [
      {
        party: 'FR',
        year: 2013,
        serial: 30592445,
        documentType: 'introduction-from-the-sea',
        serialDigits: 8,
      },
      'FR1330592445-M',
    ],
    [
      { party: 'IN', year: 2026, serial: 42, documentType: 'certificate-of-origin', serialDigits: 4 },
      'IN260042-O',
    ],
  ])('%j -> %s', (parts, expected) => {
    expect(value(formatPermitNumber(parts))).toBe(expected);
  });

  it.each<[string, Partial<PermitNumberParts>, string]>([
    ['a lower-case party', { party: 'fr' }, 'invalid-party'],
    ['an alpha-3 party', { party: 'FRA' }, 'invalid-party'],
    ['a year before 2000', { year: 1999 }, 'invalid-year'],
    ['a year after 2099', { year: 2100 }, 'invalid-year'],
    ['a two-digit year', { year: 25 }, 'invalid-year'],
    ['serial 0', { serial: 0 }, 'invalid-serial'],
    ['a negative serial', { serial: -4 }, 'invalid-serial'],
    ['a fractional serial', { serial: 1.5 }, 'invalid-serial'],
    ['an unsafe serial', { serial: 2 ** 60 }, 'invalid-serial'],
    ['zero padding width', { serialDigits: 0 }, 'invalid-serial'],
    ['padding past 35 characters', { serialDigits: 30 }, 'too-long'],
  ])('refuses %s', (_name, change, code) => {
    expect(
      errorCode(
        formatPermitNumber({ party: 'FR', year: 2025, serial: 7, documentType: 'export', ...change }),
      ),
    ).toBe(code);
  });

  it('never exceeds 35 characters of [A-Z0-9/-], even for the largest serial', () => {
    for (const documentType of documentTypes) {
      const number = value(
        formatPermitNumber({ party: 'ZA', year: 2099, serial: Number.MAX_SAFE_INTEGER, documentType }),
      );
      expect(number.length).toBeLessThanOrEqual(PERMIT_NUMBER_MAX_LENGTH);
      expect(number).toMatch(/^[A-Z0-9/-]+$/);
    }
  });

  it('gives every document type its own suffix, so the number tells the type back', () => {
    expect(new Set(Object.values(DOCUMENT_SUFFIX)).size).toBe(documentTypes.length);
  });
});

describe('parsePermitNumber', () => {
  it.each(documentTypes)('round-trips a %s number', (documentType) => {
    const parts = { party: 'BR', year: 2027, serial: 98765, documentType, serialDigits: 6 };
    const number = value(formatPermitNumber(parts));
    expect(value(parsePermitNumber(number))).toEqual(parts);
    expect(value(formatPermitNumber(value(parsePermitNumber(number))))).toBe(number);
  });

  it.each([
    [
      'FR1202501030-R',
      { party: 'FR', year: 2012, serial: 2501030, documentType: 're-export', serialDigits: 8 },
    ],
    ['FR1007533178-E', { party: 'FR', year: 2010, serial: 7533178, documentType: 'export', serialDigits: 8 }],
    [
      'FR1330592445-M',
      {
        party: 'FR',
        year: 2013,
        serial: 30592445,
        documentType: 'introduction-from-the-sea',
        serialDigits: 8,
      },
    ],
    [' ke25000123-e ', { party: 'KE', year: 2025, serial: 123, documentType: 'export', serialDigits: 6 }],
  ])('reads %j', (input, expected) => {
    expect(value(parsePermitNumber(input))).toEqual(expected);
  });

  it('keeps the serial width, so a foreign-width number formats back to itself', () => {
    expect(value(formatPermitNumber(value(parsePermitNumber('FR1202501030-R'))))).toBe('FR1202501030-R');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['FR25' + '1'.repeat(30) + '-E', 'too-long'],
    ['10US 18890A/9', 'invalid-characters'],
    ['FR25#00123-E', 'invalid-characters'],
    ['08CA00153/CWHQ', 'malformed'],
    ['00001/IV/SATS-LN/2018', 'malformed'],
    ['FR25000123', 'malformed'],
    ['FR2-E', 'malformed'],
    ['FR25000123-Z', 'unknown-suffix'],
    ['FR25000000-E', 'invalid-serial'],
  ])('refuses %j (%s)', (input, code) => {
    const result = parsePermitNumber(input);
    expect(errorCode(result)).toBe(code);
    if (!result.ok) expect(new Set(Object.values(result.error.message)).size).toBe(3);
  });
});
