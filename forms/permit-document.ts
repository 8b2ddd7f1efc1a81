import {
  findTradeCode,
  isAppendix,
  isCountryCode,
  isPurposeCode,
  isSourceCode,
  isTermCode,
} from '../domain/codes';
import type { DocumentType, IsoDate } from '../domain/codes/types';
import { toQuantityUnit, type QuantityUnit } from '../domain/codes/units';
import type {
  CountryOfLastReExport,
  CountryOfOrigin,
  DateOfAcquisition,
  DocumentCore,
  ImporterAndExporter,
  IntroductionFromTheSeaSpecimenBlock,
  ManagementAuthority,
  MarkType,
  Official,
  PermitDocument,
  PostalAddress,
  PreConventionSpecimenBlock,
  QuotaUse,
  ReExportSpecimenBlock,
  RegisteredOperation,
  Replacement,
  SpecimenBlock,
  SpecimenDescription,
  SpecimenMark,
  TradeParty,
} from '../domain/documents/model';

/** What {@link permitDocumentOf} needs besides the application: the decision to issue and who issues. */
export interface PermitDocumentInput {
  documentType: DocumentType;
  /** The application's form data, in the shape of the default national forms (forms/defaults). */
  data: Record<string, unknown>;
  permit: {
    number: string;
    validFrom: IsoDate;
    validUntil: IsoDate;
    /** When the permit was issued: an ISO date, or an ISO timestamp whose UTC day is taken. */
    issuedAt: string;
  };
  managementAuthority: ManagementAuthority;
  /** The official who issues the document (Box 13). */
  official: Official;
  /** Where the document is issued (Box 13). */
  place: string;
  /** The published key (JWKS `kid`) the document is signed with; absent for a document signed by hand. */
  signatureKeyId?: string;
  replacement?: Replacement;
  securityStampNumber?: string;
  isCopy?: boolean;
  /** Box 11a per block, where the export counts against a quota (in the blocks' order). */
  quotaUse?: readonly (QuotaUse | undefined)[];
}

/** The application's data does not fill a box the document needs; `problems` names each form path. */
export class PermitDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The application cannot be printed as a permit: ${problems.join('; ')}`);
    this.name = 'PermitDataError';
  }
}

type FormData = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MARK_TYPES: readonly MarkType[] = ['microchip', 'ring', 'tag', 'label', 'other'];
const SEXES: readonly string[] = ['male', 'female', 'unknown'];
// Terms under which live specimens travel: the transport conditions apply to them.
const LIVE_TERMS: ReadonlySet<string> = new Set(['LIV', 'EGL']);

const objectAt = (value: unknown): FormData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormData) : {};
const isPresent = (value: unknown) => value !== undefined && value !== null && value !== '';

/** `{ key: value }`, or nothing when the value is absent, so absent boxes stay absent (not `undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Reads form values by path, collecting every problem rather than stopping at the first, so an officer
 * sees all that is wrong with an application at once. A value that fails returns a placeholder that is
 * never used: {@link permitDocumentOf} throws when any problem was noted.
 */
class FormReader {
  readonly problems: string[] = [];

  text(path: string, value: unknown): string {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.problems.push(`${path} is missing`);
    return '';
  }

  optionalText(path: string, value: unknown): string | undefined {
    if (!isPresent(value)) return undefined;
    if (typeof value === 'string') return value;
    this.problems.push(`${path} is not text`);
    return undefined;
  }

  code<C extends string>(path: string, value: unknown, isCode: (v: unknown) => v is C, what: string): C {
    if (isCode(value)) return value;
    this.problems.push(isPresent(value) ? `${path} is not ${what}` : `${path} is missing`);
    return '' as C;
  }

  optionalCode<C extends string>(
    path: string,
    value: unknown,
    isCode: (v: unknown) => v is C,
    what: string,
  ): C | undefined {
    return isPresent(value) ? this.code(path, value, isCode, what) : undefined;
  }

  optionalDate(path: string, value: unknown): IsoDate | undefined {
    const text = this.optionalText(path, value);
    if (text === undefined || ISO_DATE.test(text)) return text;
    this.problems.push(`${path} is not a date (YYYY-MM-DD)`);
    return undefined;
  }

  quantity(path: string, value: unknown): number {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    this.problems.push(isPresent(value) ? `${path} is not a positive number` : `${path} is missing`);
    return 0;
  }

  unit(path: string, value: unknown): QuantityUnit {
    const unit =
      typeof value === 'string' || value === undefined || value === null ? toQuantityUnit(value) : undefined;
    if (unit !== undefined) return unit;
    this.problems.push(`${path} is not a unit code`);
    return null;
  }
}

const isTradeCountry = (v: unknown): v is string => typeof v === 'string' && findTradeCode(v) !== undefined;
const isMarkType = (v: unknown): v is MarkType => MARK_TYPES.includes(v as MarkType);
const isSex = (v: unknown): v is NonNullable<SpecimenDescription['sex']> => SEXES.includes(v as string);

function addressOf(read: FormReader, path: string, value: unknown): PostalAddress {
  const address = objectAt(value);
  const streetLines = Array.isArray(address.streetLines) ? address.streetLines : [];
  return {
    streetLines: streetLines.map((line, i) => read.text(`${path}/streetLines/${i}`, line)),
    ...optional('postcode', read.optionalText(`${path}/postcode`, address.postcode)),
    ...optional('postOfficeBox', read.optionalText(`${path}/postOfficeBox`, address.postOfficeBox)),
    ...optional('city', read.optionalText(`${path}/city`, address.city)),
    ...optional('subdivision', read.optionalText(`${path}/subdivision`, address.subdivision)),
    country: read.code(`${path}/country`, address.country, isCountryCode, 'a country code'),
  };
}

function tradePartyOf(read: FormReader, path: string, value: unknown): TradeParty {
  const party = objectAt(value);
  return {
    name: read.text(`${path}/name`, party.name),
    address: addressOf(read, `${path}/address`, party.address),
    ...optional(
      'registrationNumber',
      read.optionalText(`${path}/registrationNumber`, party.registrationNumber),
    ),
  };
}

function descriptionOf(read: FormReader, path: string, value: unknown): SpecimenDescription {
  const description = objectAt(value);
  return {
    term: read.code(`${path}/term`, description.term, isTermCode, 'a term code'),
    ...optional('text', read.optionalText(`${path}/text`, description.text)),
    ...optional('sex', read.optionalCode(`${path}/sex`, description.sex, isSex, 'a sex')),
    ...optional('age', read.optionalText(`${path}/age`, description.age)),
  };
}

function marksOf(read: FormReader, path: string, value: unknown): SpecimenMark[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw, i) => {
    const mark = objectAt(raw);
    return {
      type: read.code(`${path}/${i}/type`, mark.type, isMarkType, 'a kind of mark'),
      value: read.text(`${path}/${i}/value`, mark.value),
      ...optional('description', read.optionalText(`${path}/${i}/description`, mark.description)),
    };
  });
}

function countryOfOriginOf(read: FormReader, path: string, value: unknown): CountryOfOrigin | undefined {
  if (value === undefined) return undefined;
  const origin = objectAt(value);
  return {
    country: read.code(`${path}/country`, origin.country, isTradeCountry, 'a country code'),
    ...optional('permitNumber', read.optionalText(`${path}/permitNumber`, origin.permitNumber)),
    ...optional('date', read.optionalDate(`${path}/date`, origin.date)),
  };
}

function countryOfLastReExportOf(
  read: FormReader,
  path: string,
  value: unknown,
): CountryOfLastReExport | undefined {
  if (value === undefined) return undefined;
  const last = objectAt(value);
  return {
    country: read.code(`${path}/country`, last.country, isTradeCountry, 'a country code'),
    ...optional('certificateNumber', read.optionalText(`${path}/certificateNumber`, last.certificateNumber)),
    ...optional('date', read.optionalDate(`${path}/date`, last.date)),
  };
}

/** Box 12b holds one of the two; a registered operation is the more specific statement when both are given. */
function operationOrAcquisitionOf(
  read: FormReader,
  path: string,
  block: FormData,
): RegisteredOperation | DateOfAcquisition | undefined {
  const registrationNumber = read.optionalText(`${path}/registeredOperation`, block.registeredOperation);
  if (registrationNumber !== undefined) return { kind: 'registered-operation', registrationNumber };
  const dateOfAcquisition = read.optionalDate(`${path}/dateOfAcquisition`, block.dateOfAcquisition);
  return dateOfAcquisition === undefined ? undefined : { kind: 'acquisition', dateOfAcquisition };
}

function specimenBlockOf(read: FormReader, path: string, value: unknown): SpecimenBlock {
  const block = objectAt(value);
  return {
    scientificName: read.text(`${path}/scientificName`, block.scientificName),
    ...optional('commonName', read.optionalText(`${path}/commonName`, block.commonName)),
    description: descriptionOf(read, `${path}/description`, block.description),
    marks: marksOf(read, `${path}/marks`, block.marks),
    appendix: read.code(`${path}/appendix`, block.appendix, isAppendix, 'an Appendix'),
    source: read.code(`${path}/source`, block.source, isSourceCode, 'a source code'),
    ...optional(
      'underlyingSource',
      read.optionalCode(`${path}/underlyingSource`, block.underlyingSource, isSourceCode, 'a source code'),
    ),
    ...optional('sourceReason', read.optionalText(`${path}/sourceReason`, block.sourceReason)),
    quantity: read.quantity(`${path}/quantity`, block.quantity),
    unit: read.unit(`${path}/unit`, block.unit),
    ...optional('countryOfOrigin', countryOfOriginOf(read, `${path}/countryOfOrigin`, block.countryOfOrigin)),
    ...optional(
      'countryOfLastReExport',
      countryOfLastReExportOf(read, `${path}/countryOfLastReExport`, block.countryOfLastReExport),
    ),
    ...optional('operationOrAcquisition', operationOrAcquisitionOf(read, path, block)),
  };
}

function specimenBlocksOf(read: FormReader, value: unknown): SpecimenBlock[] {
  if (!Array.isArray(value) || value.length === 0) {
    read.problems.push('blocks has no specimen block');
    return [];
  }
  return value.map((block, i) => specimenBlockOf(read, `blocks/${i}`, block));
}

/** Box 5: the transport conditions stated for live specimens, which the permit makes binding. */
function specialConditionsOf(read: FormReader, data: FormData, blocks: readonly SpecimenBlock[]): string[] {
  const conditions = read.optionalText('transportConditions', data.transportConditions)?.trim();
  const live = data.live === true || blocks.some((block) => LIVE_TERMS.has(block.description.term));
  return conditions && live ? [conditions] : [];
}

/** The UTC day of an ISO date or timestamp; Box 13 states a day, not a time. */
function issueDateOf(read: FormReader, issuedAt: string): IsoDate {
  const day = issuedAt.slice(0, 10);
  if (ISO_DATE.test(day) && !Number.isNaN(Date.parse(issuedAt))) return day;
  read.problems.push('permit/issuedAt is not an ISO date');
  return '';
}

/** Checks the blocks a document type constrains, noting what the Convention requires of them. */
function checkBlocksFor(read: FormReader, documentType: DocumentType, blocks: readonly SpecimenBlock[]) {
  blocks.forEach((block, i) => {
    if (documentType === 're-export' && !block.countryOfOrigin) {
      read.problems.push(`blocks/${i}/countryOfOrigin is missing (a re-export states the origin)`);
    }
    if (
      documentType === 'pre-convention' &&
      (block.source !== 'O' || block.operationOrAcquisition?.kind !== 'acquisition')
    ) {
      read.problems.push(`blocks/${i} needs source O and a date of acquisition (pre-Convention)`);
    }
    if (documentType === 'introduction-from-the-sea' && block.source !== 'X') {
      read.problems.push(`blocks/${i}/source must be X (introduction from the sea)`);
    }
  });
}

function coreOf(read: FormReader, input: PermitDocumentInput, blocks: SpecimenBlock[]) {
  const { permit, data } = input;
  return {
    permitNumber: permit.number,
    isCopy: input.isCopy ?? false,
    validFrom: permit.validFrom,
    validUntil: permit.validUntil,
    specialConditions: specialConditionsOf(read, data, blocks),
    ...optional('replacement', input.replacement),
    purpose: read.code('purpose', data.purpose, isPurposeCode, 'a purpose code'),
    ...optional('securityStampNumber', input.securityStampNumber),
    managementAuthority: input.managementAuthority,
    specimens: blocks,
    issuance: {
      official: input.official,
      place: input.place,
      date: issueDateOf(read, permit.issuedAt),
      ...optional(
        'signature',
        input.signatureKeyId === undefined
          ? undefined
          : { method: 'electronic' as const, keyId: input.signatureKeyId },
      ),
    },
  } satisfies Omit<DocumentCore<DocumentType>, 'documentType'>;
}

function partiesOf(read: FormReader, data: FormData): ImporterAndExporter {
  return {
    importer: tradePartyOf(read, 'importer', data.importer),
    exporter: tradePartyOf(read, 'exporter', data.exporter),
  };
}

/**
 * The certificates for repeated crossings name one holder; the default forms have none of their own, so
 * the holder is read from `holder`, else from the exporter who takes the specimens out.
 */
function holderOf(read: FormReader, data: FormData): TradeParty {
  return data.holder !== undefined
    ? tradePartyOf(read, 'holder', data.holder)
    : tradePartyOf(read, 'exporter', data.exporter);
}

function documentOf(read: FormReader, input: PermitDocumentInput): PermitDocument {
  const { documentType, data } = input;
  const blocks = specimenBlocksOf(read, data.blocks).map((block, i) =>
    input.quotaUse?.[i] ? { ...block, quotaUse: input.quotaUse[i] } : block,
  );
  checkBlocksFor(read, documentType, blocks);
  const core = coreOf(read, input, blocks);
  switch (documentType) {
    // The casts below hold once checkBlocksFor has found nothing, and permitDocumentOf throws otherwise.
    case 're-export':
      return {
        ...core,
        ...partiesOf(read, data),
        documentType,
        specimens: blocks as ReExportSpecimenBlock[],
      };
    case 'pre-convention':
      return {
        ...core,
        ...partiesOf(read, data),
        documentType,
        specimens: blocks as PreConventionSpecimenBlock[],
      };
    case 'introduction-from-the-sea':
      return {
        ...core,
        importer: tradePartyOf(read, 'importer', data.importer),
        documentType,
        specimens: blocks as IntroductionFromTheSeaSpecimenBlock[],
      };
    case 'travelling-exhibition':
      return {
        ...core,
        documentType,
        holder: holderOf(read, data),
        crossings: [],
        exhibitionName: read.text('exhibitionName', data.exhibitionName),
      };
    case 'ownership':
      return { ...core, documentType, holder: holderOf(read, data), crossings: [] };
    default:
      return { ...core, ...partiesOf(read, data), documentType };
  }
}

/**
 * The permit document, box by box, for an application on a default national form that the Management
 * Authority has decided to grant: the applicant's data fills boxes 3 to 12b, the decision fills boxes 1,
 * 2, 5b, 6 and 13. Box 5 carries the transport conditions of live specimens and, on a replacement, the
 * replaced document. Optional boxes the application leaves empty stay absent; form fields the model has
 * no box for (evidence, notes, the import permit reference) are ignored. Boxes 14 and 15 are filled at
 * export, not here.
 *
 * @throws {PermitDataError} listing every form path whose value is missing or not a valid code, e.g. an
 *   application that never passed its form's validation.
 */
export function permitDocumentOf(input: PermitDocumentInput): PermitDocument {
  const read = new FormReader();
  const document = documentOf(read, input);
  if (read.problems.length > 0) throw new PermitDataError(read.problems);
  return document;
}
