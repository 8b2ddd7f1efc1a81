import { APPENDIX_CODES } from './appendices';
import { COUNTRIES, TRADE_CODES, type Country, type TradeCode } from './countries';
import { PURPOSE_CODES } from './purposes';
import { SOURCES, type SourceEntry } from './sources';
import { TERM_UNITS } from './term-units';
import { TERM_CODES, type TermCode } from './terms';
import type { Appendix, CodeEntry, CountryCode, Kingdom, Language, PurposeCode, SourceCode } from './types';
import {
  NUMBER_OF_SPECIMENS_LABEL,
  UNIT_CODES,
  findUnit,
  toQuantityUnit,
  type QuantityUnit,
  type UnitCode,
} from './units';

const APPENDIX_SET: ReadonlySet<string> = new Set(APPENDIX_CODES);
const PURPOSE_SET: ReadonlySet<string> = new Set(PURPOSE_CODES);
const SOURCE_BY_CODE: ReadonlyMap<string, SourceEntry> = new Map(SOURCES.map((entry) => [entry.code, entry]));
const TERM_SET: ReadonlySet<string> = new Set(TERM_CODES);
const UNIT_SET: ReadonlySet<string> = new Set(UNIT_CODES);
const COUNTRY_BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((entry) => [entry.code, entry]));
const TRADE_CODE_BY_CODE: ReadonlyMap<string, TradeCode> = new Map(
  TRADE_CODES.map((entry) => [entry.code, entry]),
);

/** True for `'I'`, `'II'` and `'III'` (exact, upper case). */
export function isAppendix(v: unknown): v is Appendix {
  return typeof v === 'string' && APPENDIX_SET.has(v);
}

/** True for a purpose-of-transaction code (Box 5a), exact and upper case. */
export function isPurposeCode(v: unknown): v is PurposeCode {
  return typeof v === 'string' && PURPOSE_SET.has(v);
}

/** True for a source code (Box 10), exact and upper case, Y included. */
export function isSourceCode(v: unknown): v is SourceCode {
  return typeof v === 'string' && SOURCE_BY_CODE.has(v);
}

/** Whether a source code may be used for the kingdom (e.g. A only for plants, C only for animals). */
export function sourceAppliesTo(source: SourceCode, kingdom: Kingdom): boolean {
  return SOURCE_BY_CODE.get(source)?.kingdoms.includes(kingdom) ?? false;
}

/** Whether the source (I or O) must be completed by the source the specimen had before (e.g. O over W). */
export function sourceNeedsUnderlyingSource(source: SourceCode): boolean {
  return SOURCE_BY_CODE.get(source)?.needsUnderlyingSource ?? false;
}

/** Whether the source (U) must come with a written reason. */
export function sourceNeedsReason(source: SourceCode): boolean {
  return SOURCE_BY_CODE.get(source)?.needsReason ?? false;
}

/** True for a term (description) code, exact and upper case. */
export function isTermCode(v: unknown): v is TermCode {
  return typeof v === 'string' && TERM_SET.has(v);
}

/** True for a unit code, exact and upper case. The empty unit (a number of specimens) is not a unit code. */
export function isUnitCode(v: unknown): v is UnitCode {
  return typeof v === 'string' && UNIT_SET.has(v);
}

/** The units allowed with a term (`null` = a number of specimens), or `undefined` for an unknown term. */
export function unitsForTerm(term: string): readonly QuantityUnit[] | undefined {
  return isTermCode(term) ? TERM_UNITS[term] : undefined;
}

/**
 * Whether the unit may be reported with the term. A `null`, `undefined` or `''` unit means the quantity
 * is a number of specimens, allowed only where the table allows a count. Unknown terms or units are never
 * allowed.
 */
export function isAllowedTermUnit(term: string, unit: string | null | undefined): boolean {
  const allowed = unitsForTerm(term);
  const quantityUnit = toQuantityUnit(unit);
  if (allowed === undefined || quantityUnit === undefined) return false;
  return allowed.includes(quantityUnit);
}

/** The current ISO 3166-1 country or territory with this upper-case alpha-2 code, or `undefined`. */
export function findCountry(code: string): Country | undefined {
  return COUNTRY_BY_CODE.get(code);
}

/**
 * Any code the CITES Trade Database uses for a country, region or special value: current ISO codes first,
 * then former and non-ISO codes (`XX` unknown, `ZZ` introduction from the sea, `SU`, ...). For reading
 * trade records; a new permit names countries with {@link findCountry}.
 */
export function findTradeCode(code: string): Country | TradeCode | undefined {
  return COUNTRY_BY_CODE.get(code) ?? TRADE_CODE_BY_CODE.get(code);
}

/** True for a current ISO 3166-1 alpha-2 code (upper case). Former, regional and special codes are not. */
export function isCountryCode(v: unknown): v is CountryCode {
  return typeof v === 'string' && COUNTRY_BY_CODE.has(v);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/**
 * Whether the State is a Party to CITES: without `onDate`, whether the Convention has entered into force
 * for it at all; with `onDate` (`YYYY-MM-DD`), whether it had entered into force by that day. Former codes
 * of Parties (ZR, CS) answer for the dates they were in use. Unknown codes and malformed dates give false.
 */
export function isCitesParty(code: string, onDate?: string): boolean {
  const entryIntoForce = findTradeCode(code)?.citesEntryIntoForce ?? null;
  if (entryIntoForce === null) return false;
  if (onDate === undefined) return true;
  return isIsoDate(onDate) && entryIntoForce <= onDate;
}

/**
 * The label of a code in one of the code lists (`APPENDICES`, `PURPOSES`, `SOURCES`, `TERMS`, `UNITS`),
 * e.g. `labelOf(PURPOSES, 'T', 'fr')` is `'Transaction commerciale'`. Returns the code itself if the list
 * does not hold it, so a display never shows an empty cell.
 */
export function labelOf<C extends string>(
  list: readonly CodeEntry<C>[],
  code: C,
  language: Language,
): string {
  return list.find((entry) => entry.code === code)?.label[language] ?? code;
}

/** The label of a quantity's unit, with the words for "number of specimens" when there is no unit. */
export function unitLabel(unit: QuantityUnit, language: Language): string {
  if (unit === null) return NUMBER_OF_SPECIMENS_LABEL[language];
  return findUnit(unit)?.label[language] ?? unit;
}

/** The name of a country, or of a former, regional or special trade code; `undefined` if unknown. */
export function countryName(code: string, language: Language): string | undefined {
  return findTradeCode(code)?.name[language];
}
