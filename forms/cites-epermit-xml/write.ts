import { countryName, labelOf, PURPOSES } from '../../domain/codes';
import type { DocumentType, IsoDate } from '../../domain/codes/types';
import type { QuantityUnit } from '../../domain/codes/units';
import { blockLetter, DOCUMENT_TITLES, formCategory, type FormCategory } from '../../domain/documents';
import type {
  ExportEndorsement,
  PermitDocument,
  PostalAddress,
  SpecimenBlock,
  SpecimenMark,
  TradeParty,
} from '../../domain/documents/model';
import {
  CITES_EPERMIT_NAMESPACE,
  LAST_RE_EXPORT_TYPE_CODE,
  ORIGIN_PERMIT_TYPE_CODE,
  RAM_NAMESPACE,
} from './namespaces';
import { writeXmlDocument, type XmlNode } from './xml-text';

/** Box 1 tick-box as `HeaderExchangedDocument/TypeCode`: E, R, I, O (the v2 sample, a re-export, has R). */
export const DOCUMENT_TYPE_CODES: Readonly<Record<FormCategory, string>> = {
  export: 'E',
  're-export': 'R',
  import: 'I',
  other: 'O',
};

type Content = string | readonly (XmlNode | undefined)[] | undefined;
type Attributes = Readonly<Record<string, string>>;

/** An element, or nothing when it would be empty: absent boxes stay absent in the message. */
function element(name: string, content: Content, attributes?: Attributes): XmlNode | undefined {
  if (content === undefined) return undefined;
  const withAttributes = attributes && Object.keys(attributes).length > 0 ? { attributes } : {};
  if (typeof content === 'string') {
    return content.trim() === '' ? undefined : { name, text: content, ...withAttributes };
  }
  const children = content.filter((child): child is XmlNode => child !== undefined);
  return children.length === 0 ? undefined : { name, children, ...withAttributes };
}

const rsm = (local: string, content: Content) => element(`rsm:${local}`, content);
const ram = (local: string, content: Content, attributes?: Attributes) =>
  element(`ram:${local}`, content, attributes);

/** Texts Pangolin itself writes in English say so, as the sample's do; what people typed does not. */
const ENGLISH: Attributes = { languageID: 'EN' };
const unitCodeOf = (unit: QuantityUnit): Attributes => (unit === null ? {} : { unitCode: unit });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A day as the sample's xs:dateTime, without a zone: the day as the issuing Party states it. Validity runs
 * to the end of its last day.
 */
const dateTime = (date: IsoDate | undefined, time = '00:00:00') =>
  date === undefined ? undefined : ISO_DATE.test(date) ? `${date}T${time}` : date;

/** A decimal without exponent (`1e-7` is not an xs:decimal). */
function decimal(value: number | undefined): string | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const plain = String(value);
  return /e/i.test(plain)
    ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : plain;
}

// A UN/LOCODE (country and place, e.g. KENBO) names a port by code; anything else is a name.
const UN_LOCODE = /^[A-Z]{2} ?[A-Z2-9]{3}$/;

function postalAddress(address: PostalAddress): XmlNode | undefined {
  return ram('PostalTradeAddress', [
    ram('PostcodeCode', address.postcode),
    ram('PostOfficeBox', address.postOfficeBox),
    ...address.streetLines.map((line) => ram('StreetName', line)),
    ram('CityName', address.city),
    ram('CountryID', address.country),
    ram('CountryName', countryName(address.country, 'en'), ENGLISH),
    ram('CountrySubDivisionName', address.subdivision),
  ]);
}

function tradeParty(local: string, party: TradeParty | undefined): XmlNode | undefined {
  if (!party) return undefined;
  return ram(local, [
    ram('ID', party.registrationNumber),
    ram('Name', party.name),
    postalAddress(party.address),
  ]);
}

/** Box 5: the replaced document first, then what the document says of itself, then the conditions. */
function informationLines(document: PermitDocument): XmlNode[] {
  const lines: (XmlNode | undefined)[] = [];
  const { replacement } = document;
  if (replacement) {
    const explanation = replacement.explanation ? ` (${replacement.explanation})` : '';
    lines.push(
      ram(
        'Information',
        `Replaces permit No. ${replacement.replacedPermitNumber} — reason: ${replacement.reason}${explanation}`,
        ENGLISH,
      ),
    );
  }
  if ('exhibitionName' in document)
    lines.push(ram('Information', `Exhibition: ${document.exhibitionName}`, ENGLISH));
  if ('vessel' in document && document.vessel) {
    const flag = countryName(document.vessel.flagState, 'en') ?? document.vessel.flagState;
    lines.push(ram('Information', `Vessel: ${document.vessel.name} (${flag})`, ENGLISH));
  }
  lines.push(...document.specialConditions.map((condition) => ram('Information', condition)));
  return lines.filter((line): line is XmlNode => line !== undefined);
}

/** Boxes 5b and 6. */
function managementAuthority(document: PermitDocument): XmlNode | undefined {
  const authority = document.managementAuthority;
  return ram('FirstSignatoryDocumentAuthentication', [
    ram('TypeCode', 'A'),
    ram('ID', document.securityStampNumber),
    ram('ProviderTradeParty', [ram('Name', authority.name), postalAddress(authority.address)]),
  ]);
}

/** Box 13: EPIX reads the name of Third…/ProviderTradeParty as "issued by". */
function issuingOfficial(document: PermitDocument): XmlNode | undefined {
  const { issuance } = document;
  const signature = issuance.signature;
  return ram('ThirdSignatoryDocumentAuthentication', [
    ram('TypeCode', 'C'),
    ram('ActualDateTime', dateTime(issuance.date)),
    signature?.method === 'electronic'
      ? ram('Statement', `Signed electronically, key ${signature.keyId}`, ENGLISH)
      : undefined,
    ram('ProviderTradeParty', [ram('Name', issuance.official.name)]),
  ]);
}

function header(document: PermitDocument): XmlNode | undefined {
  const type: DocumentType = document.documentType;
  return rsm('HeaderExchangedDocument', [
    ram('ID', document.permitNumber),
    ram('Name', DOCUMENT_TITLES[type].en, ENGLISH),
    ram('TypeCode', DOCUMENT_TYPE_CODES[formCategory(type)]),
    ram('IssueDateTime', dateTime(document.issuance.date)),
    ram('CopyIndicator', String(document.isCopy)),
    ram('Purpose', labelOf(PURPOSES, document.purpose, 'en'), ENGLISH),
    ram('PurposeCode', document.purpose),
    ...informationLines(document),
    ram('EffectiveSpecifiedPeriod', [
      ram('StartDateTime', dateTime(document.validFrom)),
      ram('EndDateTime', dateTime(document.validUntil, '23:59:59')),
    ]),
    ram('IssueLogisticsLocation', [ram('Name', document.issuance.place)]),
    managementAuthority(document),
    issuingOfficial(document),
  ]);
}

function referencedDocument(typeCode: string, number?: string, date?: IsoDate): XmlNode | undefined {
  if (number === undefined && date === undefined) return undefined;
  return ram('AssociatedReferencedDocument', [
    ram('IssueDateTime', dateTime(date)),
    ram('TypeCode', typeCode, { listID: '1001', listAgencyID: '6' }),
    ram('ID', number),
  ]);
}

const tradeCountry = (local: string, country: string | undefined) =>
  country === undefined
    ? undefined
    : ram(local, [ram('ID', country), ram('Name', countryName(country, 'en'), ENGLISH)]);

const markText = (mark: SpecimenMark) => `${mark.description ?? mark.type} ${mark.value}`;

/** Box 9 beyond the term: the description, then sex and age of live specimens, one `Description` each. */
function descriptions(block: SpecimenBlock): (XmlNode | undefined)[] {
  const { text, sex, age } = block.description;
  return [
    ram('Description', text),
    sex === undefined ? undefined : ram('Description', `Sex: ${sex}`, ENGLISH),
    age === undefined ? undefined : ram('Description', `Age: ${age}`, ENGLISH),
  ];
}

/** Boxes 11a and 12b. */
function regulatoryProcedure(block: SpecimenBlock): XmlNode | undefined {
  const quota = block.quotaUse;
  const entry = block.operationOrAcquisition;
  return ram('ApplicableCrossBorderRegulatoryProcedure', [
    quota && ram('UsedToDateQuotaQuantity', decimal(quota.usedIncludingThisPermit), unitCodeOf(quota.unit)),
    quota && ram('AnnualQuotaQuantity', decimal(quota.quota), unitCodeOf(quota.unit)),
    entry?.kind === 'acquisition' ? ram('AcquisitionDateTime', dateTime(entry.dateOfAcquisition)) : undefined,
    entry?.kind === 'registered-operation'
      ? ram('PreviousReferencedDocument', [ram('ID', entry.registrationNumber)])
      : undefined,
  ]);
}

/** One block (A, B, …): boxes 7 to 12b, and its Box 14 quantity once endorsed. */
function consignmentItem(
  block: SpecimenBlock,
  letter: string,
  endorsed: number | undefined,
): XmlNode | undefined {
  const origin = block.countryOfOrigin;
  const last = block.countryOfLastReExport;
  return ram('IncludedSupplyChainConsignmentItem', [
    ram('ID', letter),
    ram(
      'PhysicalLogisticsShippingMarks',
      block.marks.map((mark) => ram('Marking', markText(mark))),
    ),
    tradeCountry('OriginTradeCountry', origin?.country),
    tradeCountry('ExportTradeCountry', last?.country),
    referencedDocument(ORIGIN_PERMIT_TYPE_CODE, origin?.permitNumber, origin?.date),
    referencedDocument(LAST_RE_EXPORT_TYPE_CODE, last?.certificateNumber, last?.date),
    ram('TransportLogisticsPackage', [ram('ItemQuantity', decimal(block.quantity), unitCodeOf(block.unit))]),
    ram('IncludedSupplyChainTradeLineItem', [
      ram('TypeCode', block.appendix),
      ram('TypeExtensionCode', block.source),
      ram('SpecifiedTradeProduct', [
        ...descriptions(block),
        ram('TypeCode', block.description.term),
        ram('CommonName', block.commonName),
        ram('ScientificName', block.scientificName),
      ]),
    ]),
    endorsed === undefined
      ? undefined
      : ram('ExaminationTransportEvent', [ram('UnitQuantity', decimal(endorsed), unitCodeOf(block.unit))]),
    regulatoryProcedure(block),
  ]);
}

/** Box 14 for the consignment: date, port and the officer who endorsed. */
function exportEndorsement(endorsement: ExportEndorsement | undefined): XmlNode | undefined {
  if (!endorsement) return undefined;
  const { port } = endorsement;
  return ram('ExaminationTransportEvent', [
    ram('ActualOccurrenceDateTime', dateTime(endorsement.date)),
    ram('OccurrenceLogisticsLocation', [
      UN_LOCODE.test(port) ? ram('ID', port) : undefined,
      ram('Name', port),
    ]),
    ram('CertifyingTradeParty', [ram('Name', endorsement.officer.name)]),
  ]);
}

/** Boxes 3 and 4 whatever the type: a holder (repeated crossings) stands in Box 4, as on the printed form. */
function partiesOf(document: PermitDocument): { importer?: TradeParty; exporter?: TradeParty } {
  if ('holder' in document) return { exporter: document.holder };
  if ('exporter' in document) return { importer: document.importer, exporter: document.exporter };
  return { importer: document.importer };
}

function consignment(document: PermitDocument): XmlNode | undefined {
  const { importer, exporter } = partiesOf(document);
  const endorsement = 'exportEndorsement' in document ? document.exportEndorsement : undefined;
  const billOfLading = 'billOfLading' in document ? document.billOfLading : undefined;
  const endorsed = new Map(
    (endorsement?.blocks ?? []).map((entry) => [entry.block.trim().toUpperCase(), entry.quantity]),
  );
  return rsm('SpecifiedSupplyChainConsignment', [
    tradeParty('ConsignorTradeParty', exporter),
    tradeParty('ConsigneeTradeParty', importer),
    ram('TransportContractReferencedDocument', [ram('ID', billOfLading)]),
    exportEndorsement(endorsement),
    ...document.specimens.map((block, index) => {
      const letter = blockLetter(index) ?? String(index + 1);
      return consignmentItem(block, letter, endorsed.get(letter));
    }),
  ]);
}

/**
 * The permit as a UN/CEFACT `CITESEPermit` message of the CITES e-permitting toolkit v2 (namespace
 * `urn:un:unece:uncefact:data:standard:CITESEPermit:2`), for sending to the importing Party or to EPIX.
 *
 * Element paths and the split between the two namespaces follow the EPIX v2 sample
 * (`GetNonFinalCitesCertificateResponse`): the root and its three top-level structures in the message
 * namespace (prefix `rsm`), everything below in the reusable-ABIE namespace
 * `urn:un:unece:uncefact:data:draft:ReusableAggregateBusinessInformationEntity:1` (prefix `ram`). Box by
 * box: 1 `HeaderExchangedDocument` ID, Name, TypeCode (E, R, I, O), CopyIndicator; 2 EffectiveSpecifiedPeriod;
 * 3/3a ConsigneeTradeParty; 4 ConsignorTradeParty (the holder on a multi-crossing certificate); 5 one
 * `Information` per line (the replaced permit and the reason first); 5a PurposeCode; 5b and 6
 * FirstSignatoryDocumentAuthentication ID and ProviderTradeParty; per block an
 * IncludedSupplyChainConsignmentItem with boxes 7 to 12b (origin permit as AssociatedReferencedDocument
 * TypeCode 861, last re-export as 811, as EPIX reads them); 13 IssueLogisticsLocation, IssueDateTime and
 * ThirdSignatoryDocumentAuthentication; 14 ExaminationTransportEvent per block and for the consignment;
 * 15 TransportContractReferencedDocument. Boxes the document leaves empty are left out, not sent empty.
 *
 * Dates are written as the sample writes them, as xs:dateTime, without a zone (the issuing Party's day);
 * validity ends at 23:59:59 of its last day. Text is escaped strictly; characters XML 1.0 cannot carry
 * at all (C0 controls other than tab, line feed and carriage return, lone surrogates) are left out.
 *
 * Pure: no I/O, the same document gives the same message.
 */
export function citesEPermitXmlOf(document: PermitDocument): string {
  const context = rsm('SpecifiedExchangedDocumentContext', [
    ram('BusinessProcessSpecifiedDocumentContextParameter', [
      ram('ID', '1'),
      ram('Value', 'CITES Permitting', ENGLISH),
      ram('SpecifiedDocumentVersion', [ram('ID', '1')]),
    ]),
    ram('BIMSpecifiedDocumentContextParameter', [
      ram('ID', '09A'),
      ram('SpecifiedDocumentVersion', [ram('ID', '1')]),
    ]),
  ]);
  return writeXmlDocument({
    name: 'rsm:CITESEPermit',
    attributes: { 'xmlns:rsm': CITES_EPERMIT_NAMESPACE, 'xmlns:ram': RAM_NAMESPACE },
    children: [context, header(document), consignment(document)].filter(
      (child): child is XmlNode => child !== undefined,
    ),
  });
}
