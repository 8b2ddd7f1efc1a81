import { XMLParser } from 'fast-xml-parser';
import type { IsoDate } from '../../domain/codes/types';
import { blockLetter } from '../../domain/documents/sheets';
import { CBFSHIP_V1_NAMESPACE, CITES_EPERMIT_NAMESPACE } from './namespaces';
import { isXmlChar } from './xml-text';

/** The Box 1 tick-box a message states: export, re-export, import, or other (a certificate). */
export type CitesDocumentCategory = 'export' | 're-export' | 'import' | 'other';

/** A party as the message names it (`…TradeParty`); every part is absent when the message lacks it. */
export interface ReadTradeParty {
  /** `ID`: a registration or trader number. */
  readonly id?: string;
  readonly name?: string;
  /** `PostalTradeAddress/CountryID`, as sent (ISO 3166-1 alpha-2 in practice). */
  readonly country?: string;
  readonly countryName?: string;
  /** `StreetName`, in order. */
  readonly streetLines: readonly string[];
  readonly postcode?: string;
  readonly postOfficeBox?: string;
  readonly city?: string;
  readonly subdivision?: string;
}

/** Box 12: the country of origin and the permit under which the specimens left it. */
export interface ReadOrigin {
  readonly country?: string;
  readonly countryName?: string;
  readonly permitNumber?: string;
  readonly date?: IsoDate;
}

/** Box 12a: the country of last re-export and its certificate. */
export interface ReadLastReExport {
  readonly country?: string;
  readonly countryName?: string;
  readonly certificateNumber?: string;
  readonly date?: IsoDate;
}

/** Box 11a: used so far (this document included) and the annual quota. */
export interface ReadQuotaUse {
  readonly usedIncludingThisPermit?: number;
  readonly quota?: number;
  /** `unitCode` of the quota figures; absent when they count specimens. */
  readonly unit?: string;
}

/** One block (`IncludedSupplyChainConsignmentItem`), boxes 7 to 12b and its Box 14 quantity. */
export interface ReadSpecimenBlock {
  /** The block's letter (`ID`), or A, B, … by position when the message gives none. */
  readonly block: string;
  readonly scientificName?: string;
  readonly commonName?: string;
  /** Box 9 term code (`SpecifiedTradeProduct/TypeCode`, e.g. `LPS`). */
  readonly term?: string;
  /** Box 9 description: every `Description` of the product, joined by "; ". */
  readonly description?: string;
  /** Box 9 identifying marks, one per `Marking`. */
  readonly marks: readonly string[];
  /** Box 10 Appendix (`IncludedSupplyChainTradeLineItem/TypeCode`), as sent. */
  readonly appendix?: string;
  /** Box 10 source code (`TypeExtensionCode`), as sent. */
  readonly source?: string;
  /** Box 11 quantity; absent when missing or not a number. */
  readonly quantity?: number;
  /** Box 11 `unitCode` (e.g. `PCS`, `KIL`); absent when the quantity counts specimens. */
  readonly unit?: string;
  readonly quotaUse?: ReadQuotaUse;
  readonly origin?: ReadOrigin;
  readonly lastReExport?: ReadLastReExport;
  /** Box 12b: number of the registered operation (`PreviousReferencedDocument/ID`). */
  readonly registeredOperation?: string;
  /** Box 12b: date of acquisition of pre-Convention specimens. */
  readonly acquisitionDate?: IsoDate;
  /** Box 14: the quantity endorsed at export for this block. */
  readonly endorsedQuantity?: number;
}

/** What an importing Party needs from a CITESEPermit message, box by box. */
export interface ReadCitesEPermit {
  /** Box 1: the document number (`HeaderExchangedDocument/ID`); always present. */
  readonly number: string;
  /** Box 1: from `TypeCode` (E, R, I, O or the words), else from `Name`; `other` when neither says. */
  readonly documentType: CitesDocumentCategory;
  /** Box 1: the document's title (`Name`), e.g. "Pre-Convention certificate" for an Other. */
  readonly documentName?: string;
  /** Box 1: `CopyIndicator` is true (a copy does not replace the original). */
  readonly isCopy: boolean;
  /** Box 2, as the day the message states (its own zone). */
  readonly validFrom?: IsoDate;
  /** Box 2: last day of validity. Absent only when the message does not state it. */
  readonly validUntil?: IsoDate;
  /** The issuing Party: the Management Authority's country, else the exporter's (import: importer's). */
  readonly issuingCountry?: string;
  /** Box 6. */
  readonly managementAuthority?: ReadTradeParty;
  /** Box 5b. */
  readonly securityStampNumber?: string;
  /** Box 3 (`ConsigneeTradeParty`); its country is Box 3a. */
  readonly importer?: ReadTradeParty;
  /** Box 4 (`ConsignorTradeParty`). */
  readonly exporter?: ReadTradeParty;
  /** Box 5a purpose code, as sent. */
  readonly purpose?: string;
  /** Box 5: one entry per `Information` (on a replacement, the replaced document and why). */
  readonly specialConditions: readonly string[];
  readonly blocks: readonly ReadSpecimenBlock[];
  /** Box 14 for the consignment; absent until endorsed. */
  readonly endorsement?: { readonly date?: IsoDate; readonly port?: string; readonly officer?: string };
  /** Box 15. */
  readonly billOfLading?: string;
  /** Box 13: date of issue. */
  readonly issuedOn?: IsoDate;
  /** Box 13: place of issue. */
  readonly issuedAt?: string;
  /** Box 13: who issued it (`ThirdSignatoryDocumentAuthentication/ProviderTradeParty`). */
  readonly issuedBy?: string;
}

/** The message cannot be read: what is wrong or missing is in the message. */
export class CitesEPermitXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitesEPermitXmlError';
  }
}

/** Messages above this size (2 MiB, in UTF-8) are refused unread; a permit of 26 blocks is under 100 KiB. */
export const MAX_CITES_EPERMIT_XML_BYTES = 2 * 1024 * 1024;

// --- The XML as a tree with namespaces ------------------------------------------------------------------

interface XmlElement {
  readonly local: string;
  /** The namespace URI, resolved from the `xmlns` declarations in scope; undefined when unqualified. */
  readonly namespace: string | undefined;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Own text and CDATA, references decoded, trimmed. */
  readonly text: string;
}

type Scope = ReadonlyMap<string, string>;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;

/**
 * The parser is told not to touch entities at all (no DOCTYPE reaches it, see below), so the five
 * predefined entities and character references are decoded here, in one pass, so `&amp;#60;` stays
 * `&#60;`. Anything else (an undeclared `&nbsp;`) is left as written.
 */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return PREDEFINED[name] ?? whole;
    const codePoint = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : whole;
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function splitName(qualified: string): { prefix: string; local: string } {
  const colon = qualified.indexOf(':');
  return colon < 0
    ? { prefix: '', local: qualified }
    : { prefix: qualified.slice(0, colon), local: qualified.slice(colon + 1) };
}

function textOfCdata(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((part) => (isRecord(part) && typeof part['#text'] === 'string' ? part['#text'] : ''))
    .join('');
}

/** One element of fast-xml-parser's `preserveOrder` output (`{ [name]: children, ':@': attributes }`). */
function toElement(name: string, content: unknown, rawAttributes: unknown, parentScope: Scope): XmlElement {
  const attributes = new Map<string, string>();
  if (isRecord(rawAttributes)) {
    for (const [attribute, value] of Object.entries(rawAttributes)) {
      if (typeof value === 'string') attributes.set(attribute, decodeReferences(value).trim());
    }
  }
  let scope = parentScope;
  for (const [attribute, value] of attributes) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) {
      const declared = new Map(scope);
      declared.set(attribute === 'xmlns' ? '' : attribute.slice('xmlns:'.length), value);
      scope = declared;
    }
  }
  const { prefix, local } = splitName(name);
  const children: XmlElement[] = [];
  const text: string[] = [];
  for (const node of Array.isArray(content) ? content : []) {
    if (!isRecord(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@') continue;
      if (key === '#text') text.push(decodeReferences(String(value)));
      else if (key === '#cdata') text.push(textOfCdata(value));
      else children.push(toElement(key, value, node[':@'], scope));
    }
  }
  return {
    local,
    // `xmlns=""` takes the default namespace away again.
    namespace: scope.get(prefix) || undefined,
    attributes,
    children,
    text: text.join('').trim(),
  };
}

/** fast-xml-parser's message, its `:line:column` suffix said in words. */
function parserProblem(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const [, problem, line, column] = /^(.*?):(\d+):(\d+|undefined)$/s.exec(text) ?? [];
  if (problem === undefined) return text;
  return `${problem} (line ${line}${column === 'undefined' ? '' : `, column ${column}`})`;
}

function parseXml(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: false,
    htmlEntities: false,
    cdataPropName: '#cdata',
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  let nodes: unknown;
  try {
    // `true`: check well-formedness first, so a broken message is refused rather than half read.
    nodes = parser.parse(xml, true);
  } catch (error) {
    throw new CitesEPermitXmlError(`The message is not well-formed XML: ${parserProblem(error)}`);
  }
  const roots: XmlElement[] = [];
  for (const node of Array.isArray(nodes) ? nodes : []) {
    if (!isRecord(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key !== ':@' && !key.startsWith('#')) roots.push(toElement(key, value, node[':@'], new Map()));
    }
  }
  if (roots.length !== 1) {
    throw new CitesEPermitXmlError(
      roots.length === 0
        ? 'The message has no XML element.'
        : `The message has ${roots.length} top-level elements; an XML document has one.`,
    );
  }
  return roots[0] as XmlElement;
}

function findElement(root: XmlElement, matches: (element: XmlElement) => boolean): XmlElement | undefined {
  if (matches(root)) return root;
  for (const child of root.children) {
    const found = findElement(child, matches);
    if (found) return found;
  }
  return undefined;
}

const named = (element: XmlElement) =>
  element.namespace ? `${element.local} (namespace ${element.namespace})` : `${element.local} (no namespace)`;

/**
 * The CITESEPermit element: the document itself, or inside a SOAP envelope (EPIX). The root must be in
 * the CITESEPermit:2 namespace; EPIX's SOAP responses carry it unqualified, as the child of the
 * operation's response element, with its content in that namespace, and that is accepted too.
 */
function citesEPermitElement(document: XmlElement): XmlElement {
  const permit = findElement(document, (element) => element.local === 'CITESEPermit');
  if (!permit) {
    const v1 = findElement(
      document,
      (element) => element.local === 'CBFShip' || element.namespace === CBFSHIP_V1_NAMESPACE,
    );
    if (v1) {
      throw new CitesEPermitXmlError(
        `The message is a toolkit v1 CBFShip message (${CBFSHIP_V1_NAMESPACE}), not a v2 CITESEPermit; ` +
          'it is not read.',
      );
    }
    throw new CitesEPermitXmlError(
      `The message has no CITESEPermit element; its root is ${named(document)}.`,
    );
  }
  const contentNamespace = permit.children.find((child) => child.namespace !== undefined)?.namespace;
  const inNamespace =
    permit.namespace === CITES_EPERMIT_NAMESPACE ||
    (permit.namespace === undefined && contentNamespace === CITES_EPERMIT_NAMESPACE);
  if (!inNamespace) {
    throw new CitesEPermitXmlError(
      `The CITESEPermit element is in ${permit.namespace ? `namespace ${permit.namespace}` : 'no namespace'}` +
        `${permit.namespace === undefined && contentNamespace ? ` with content in ${contentNamespace}` : ''}, ` +
        `not in ${CITES_EPERMIT_NAMESPACE}.`,
    );
  }
  return permit;
}

// --- Reading paths -------------------------------------------------------------------------------------

/** Every element at a path of local names below `parent` (prefixes and namespaces below the root vary). */
function all(parent: XmlElement | undefined, ...path: string[]): XmlElement[] {
  let current = parent ? [parent] : [];
  for (const step of path) {
    current = current.flatMap((element) => element.children.filter((child) => child.local === step));
  }
  return current;
}

const first = (parent: XmlElement | undefined, ...path: string[]) => all(parent, ...path)[0];

/** The first non-empty text at the path; repeated elements (e.g. `Name`) are tried in order. */
function textAt(parent: XmlElement | undefined, ...path: string[]): string | undefined {
  return all(parent, ...path).find((element) => element.text !== '')?.text;
}

const texts = (parent: XmlElement | undefined, ...path: string[]) =>
  all(parent, ...path)
    .map((element) => element.text)
    .filter((text) => text !== '');

/** An attribute, unless empty or the schema generator's placeholder `?`. */
function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attributes.get(name);
  return value && value !== '?' ? value : undefined;
}

/** The calendar day of an xs:dateTime or xs:date (as written, in its own zone), or of `CCYYMMDD`. */
function dayOf(text: string | undefined): IsoDate | undefined {
  if (text === undefined) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T Z+-])/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const [, year, month, day] = iso ?? compact ?? [];
  return year && month && day ? `${year}-${month}-${day}` : undefined;
}

const dateAt = (parent: XmlElement | undefined, ...path: string[]) => dayOf(textAt(parent, ...path));

/** A decimal number (a decimal comma is taken too); undefined for anything else. */
function numberOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const normalised = /^[+-]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

/** A quantity and its unit: the first element at the path with a value. */
function quantityAt(parent: XmlElement | undefined, ...path: string[]): { quantity?: number; unit?: string } {
  const element = all(parent, ...path).find((candidate) => candidate.text !== '');
  const quantity = numberOf(element?.text);
  return { ...optional('quantity', quantity), ...optional('unit', attribute(element, 'unitCode')) };
}

/** `{ key: value }`, or nothing when the value is absent, so absent boxes stay absent (not `undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const hasContent = (value: object) =>
  Object.values(value).some((part) => (Array.isArray(part) ? part.length > 0 : part !== undefined));

function tradePartyOf(party: XmlElement | undefined): ReadTradeParty | undefined {
  if (!party) return undefined;
  const address = first(party, 'PostalTradeAddress');
  const read: ReadTradeParty = {
    ...optional('id', textAt(party, 'ID')),
    ...optional('name', textAt(party, 'Name')),
    // Toolkit v1 nests the country one level deeper; some senders kept that.
    ...optional(
      'country',
      textAt(address, 'CountryID') ?? textAt(address, 'CountryIdentificationTradeCountry', 'ID'),
    ),
    ...optional(
      'countryName',
      textAt(address, 'CountryName') ?? textAt(address, 'CountryIdentificationTradeCountry', 'Name'),
    ),
    streetLines: texts(address, 'StreetName'),
    ...optional('postcode', textAt(address, 'PostcodeCode')),
    ...optional('postOfficeBox', textAt(address, 'PostOfficeBox')),
    ...optional('city', textAt(address, 'CityName')),
    ...optional('subdivision', textAt(address, 'CountrySubDivisionName')),
  };
  return hasContent(read) ? read : undefined;
}

// The reference-document codes as received (861, 811: see namespaces.ts) and as the toolkit meant them.
const ORIGIN_DOCUMENT_CODES: ReadonlySet<string> = new Set(['861', 'E', 'EXPORT']);
const RE_EXPORT_DOCUMENT_CODES: ReadonlySet<string> = new Set(['811', 'R', 'RE-EXPORT', 'REEXPORT']);

const referenceCode = (document: XmlElement) => (textAt(document, 'TypeCode') ?? '').toUpperCase();

function referencedDocument(item: XmlElement, codes: ReadonlySet<string>) {
  const document = all(item, 'AssociatedReferencedDocument').find((candidate) =>
    codes.has(referenceCode(candidate)),
  );
  return { number: textAt(document, 'ID'), date: dateAt(document, 'IssueDateTime') };
}

function originOf(item: XmlElement): ReadOrigin | undefined {
  const permit = referencedDocument(item, ORIGIN_DOCUMENT_CODES);
  const origin: ReadOrigin = {
    ...optional('country', textAt(item, 'OriginTradeCountry', 'ID')),
    ...optional('countryName', textAt(item, 'OriginTradeCountry', 'Name')),
    ...optional('permitNumber', permit.number),
    ...optional('date', permit.date),
  };
  return hasContent(origin) ? origin : undefined;
}

function lastReExportOf(item: XmlElement): ReadLastReExport | undefined {
  const certificate = referencedDocument(item, RE_EXPORT_DOCUMENT_CODES);
  const last: ReadLastReExport = {
    ...optional('country', textAt(item, 'ExportTradeCountry', 'ID')),
    ...optional('countryName', textAt(item, 'ExportTradeCountry', 'Name')),
    ...optional('certificateNumber', certificate.number),
    ...optional('date', certificate.date),
  };
  return hasContent(last) ? last : undefined;
}

function quotaUseOf(procedure: XmlElement | undefined): ReadQuotaUse | undefined {
  const used = quantityAt(procedure, 'UsedToDateQuotaQuantity');
  const quota = quantityAt(procedure, 'AnnualQuotaQuantity');
  const read: ReadQuotaUse = {
    ...optional('usedIncludingThisPermit', used.quantity),
    ...optional('quota', quota.quantity),
    ...optional('unit', quota.unit ?? used.unit),
  };
  return read.usedIncludingThisPermit === undefined && read.quota === undefined ? undefined : read;
}

function blockOf(item: XmlElement, index: number): ReadSpecimenBlock {
  const line = first(item, 'IncludedSupplyChainTradeLineItem');
  const product = first(line, 'SpecifiedTradeProduct');
  // v1 called the procedure ApplicableCrossBorderGovernmentProcedure and the endorsed quantity
  // InspectedUnitQuantity; both are taken when the v2 names are missing.
  const procedure =
    first(item, 'ApplicableCrossBorderRegulatoryProcedure') ??
    first(item, 'ApplicableCrossBorderGovernmentProcedure');
  const quantity = quantityAt(item, 'TransportLogisticsPackage', 'ItemQuantity');
  const endorsed =
    quantityAt(item, 'ExaminationTransportEvent', 'UnitQuantity').quantity ??
    quantityAt(item, 'ExaminationTransportEvent', 'InspectedUnitQuantity').quantity;
  const descriptions = texts(product, 'Description');
  return {
    block: textAt(item, 'ID') ?? blockLetter(index) ?? String(index + 1),
    ...optional('scientificName', textAt(product, 'ScientificName')),
    ...optional('commonName', textAt(product, 'CommonName')),
    ...optional('term', textAt(product, 'TypeCode')),
    ...optional('description', descriptions.length > 0 ? descriptions.join('; ') : undefined),
    marks: texts(item, 'PhysicalLogisticsShippingMarks', 'Marking'),
    ...optional('appendix', textAt(line, 'TypeCode')),
    ...optional('source', textAt(line, 'TypeExtensionCode')),
    ...optional('quantity', quantity.quantity),
    ...optional('unit', quantity.unit),
    ...optional('quotaUse', quotaUseOf(procedure)),
    ...optional('origin', originOf(item)),
    ...optional('lastReExport', lastReExportOf(item)),
    ...optional('registeredOperation', textAt(procedure, 'PreviousReferencedDocument', 'ID')),
    ...optional('acquisitionDate', dateAt(procedure, 'AcquisitionDateTime')),
    ...optional('endorsedQuantity', endorsed),
  };
}

const CATEGORY_BY_CODE: Readonly<Record<string, CitesDocumentCategory>> = {
  E: 'export',
  EXPORT: 'export',
  R: 're-export',
  'RE-EXPORT': 're-export',
  REEXPORT: 're-export',
  I: 'import',
  IMPORT: 'import',
  O: 'other',
  OTHER: 'other',
};

/** Box 1 from `TypeCode`, else from the title (`Name`): "Re-export certificate", "Export permit", … */
function documentTypeOf(typeCode: string | undefined, name: string | undefined): CitesDocumentCategory {
  const byCode = typeCode === undefined ? undefined : CATEGORY_BY_CODE[typeCode.toUpperCase()];
  if (byCode) return byCode;
  if (name === undefined) return 'other';
  if (/re-?export/i.test(name)) return 're-export';
  if (/export/i.test(name)) return 'export';
  if (/import/i.test(name)) return 'import';
  return 'other';
}

function endorsementOf(consignment: XmlElement | undefined): ReadCitesEPermit['endorsement'] {
  const event = first(consignment, 'ExaminationTransportEvent');
  const endorsement = {
    ...optional('date', dateAt(event, 'ActualOccurrenceDateTime')),
    ...optional(
      'port',
      textAt(event, 'OccurrenceLogisticsLocation', 'Name') ??
        textAt(event, 'OccurrenceLogisticsLocation', 'ID'),
    ),
    ...optional('officer', textAt(event, 'CertifyingTradeParty', 'Name')),
  };
  return hasContent(endorsement) ? endorsement : undefined;
}

/** The UTF-8 size of a text, counting no further than just past `limit`. */
function utf8Length(text: string, limit: number): number {
  // UTF-8 takes at least one byte per UTF-16 unit, so the length alone may already tell.
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // A surrogate pair is one code point of four bytes; each half counts two.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** Refuses what must not reach the parser: oversized input, and any DOCTYPE (entity expansion). */
function checkInput(xml: unknown): string {
  if (typeof xml !== 'string') throw new CitesEPermitXmlError('The message is not text.');
  const bytes = utf8Length(xml, MAX_CITES_EPERMIT_XML_BYTES);
  if (bytes > MAX_CITES_EPERMIT_XML_BYTES) {
    throw new CitesEPermitXmlError(
      `The message is too large: over ${MAX_CITES_EPERMIT_XML_BYTES} bytes (2 MiB), the most that is read.`,
    );
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new CitesEPermitXmlError(
      'The message has a DOCTYPE or ENTITY declaration, which is refused (entity expansion); ' +
        'a CITESEPermit message needs none.',
    );
  }
  // XML end-of-line handling, which the parser leaves undone; a byte order mark is not content.
  return xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Reads a UN/CEFACT CITESEPermit message (toolkit v2), Pangolin's own or another Party's, into what an
 * importing Party checks: the document, its parties, its blocks and what was endorsed at export.
 *
 * The message may be the bare `CITESEPermit` document or one inside a SOAP envelope, as EPIX sends it
 * (`GetNonFinalCitesCertificateResponse`). The root is found by name and must be in the CITESEPermit:2
 * namespace (or unqualified with its content in it, as in EPIX's SOAP); below it, elements are matched
 * by local name, whatever their prefix or ABIE namespace. Reading is tolerant: unknown elements are
 * ignored, missing or empty optional ones are absent in the result, placeholder attributes (`?`) are
 * ignored, codes are returned as sent. Origin and last re-export documents are recognised by the
 * `TypeCode` 861 and 811 that Parties actually send, and by the intended E / Export and R / Re-export.
 *
 * The input comes from outside, so it is guarded before parsing: more than
 * {@link MAX_CITES_EPERMIT_XML_BYTES} is refused unread, and so is any DOCTYPE or ENTITY declaration
 * (no entity is ever expanded; only the five predefined entities and character references are decoded).
 *
 * @throws {CitesEPermitXmlError} naming the problem: input too large, a DOCTYPE, not well-formed XML, no
 *   CITESEPermit element (a toolkit v1 `CBFShip` message is named as such), a CITESEPermit in another
 *   namespace, or no document number (`HeaderExchangedDocument/ID`).
 */
export function readCitesEPermitXml(xml: string): ReadCitesEPermit {
  const permit = citesEPermitElement(parseXml(checkInput(xml)));
  const header = first(permit, 'HeaderExchangedDocument');
  if (!header) {
    throw new CitesEPermitXmlError(
      'The CITESEPermit message has no HeaderExchangedDocument, so no document number (Box 1).',
    );
  }
  const number = textAt(header, 'ID');
  if (number === undefined) {
    throw new CitesEPermitXmlError(
      'The CITESEPermit message has no document number (HeaderExchangedDocument/ID, Box 1).',
    );
  }
  const consignment = first(permit, 'SpecifiedSupplyChainConsignment');
  const documentName = textAt(header, 'Name');
  const documentType = documentTypeOf(textAt(header, 'TypeCode'), documentName);
  const firstSignatory = first(header, 'FirstSignatoryDocumentAuthentication');
  const managementAuthority = tradePartyOf(first(firstSignatory, 'ProviderTradeParty'));
  const importer = tradePartyOf(first(consignment, 'ConsigneeTradeParty'));
  const exporter = tradePartyOf(first(consignment, 'ConsignorTradeParty'));
  const issuingCountry =
    managementAuthority?.country ?? (documentType === 'import' ? importer?.country : exporter?.country);
  const copy = textAt(header, 'CopyIndicator')?.toLowerCase();
  const validity = first(header, 'EffectiveSpecifiedPeriod');
  return {
    number,
    documentType,
    ...optional('documentName', documentName),
    isCopy: copy === 'true' || copy === '1',
    ...optional('validFrom', dateAt(validity, 'StartDateTime')),
    ...optional('validUntil', dateAt(validity, 'EndDateTime')),
    ...optional('issuingCountry', issuingCountry),
    ...optional('managementAuthority', managementAuthority),
    ...optional('securityStampNumber', textAt(firstSignatory, 'ID')),
    ...optional('importer', importer),
    ...optional('exporter', exporter),
    ...optional('purpose', textAt(header, 'PurposeCode')),
    specialConditions: texts(header, 'Information'),
    blocks: all(consignment, 'IncludedSupplyChainConsignmentItem').map(blockOf),
    ...optional('endorsement', endorsementOf(consignment)),
    ...optional('billOfLading', textAt(consignment, 'TransportContractReferencedDocument', 'ID')),
    ...optional('issuedOn', dateAt(header, 'IssueDateTime')),
    ...optional('issuedAt', textAt(header, 'IssueLogisticsLocation', 'Name')),
    ...optional(
      'issuedBy',
      textAt(header, 'ThirdSignatoryDocumentAuthentication', 'ProviderTradeParty', 'Name'),
    ),
  };
}
