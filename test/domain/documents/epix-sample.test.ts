import { readFileSync } from 'node:fs';
import {
  isAllowedTermUnit,
  isAppendix,
  isPurposeCode,
  isSourceCode,
  isTermCode,
  toQuantityUnit,
} from '../../../domain/codes';
import {
  formCategory,
  letterBlocks,
  type ReExportCertificate,
  type ReExportSpecimenBlock,
} from '../../../domain/documents';
import { sharedDataFile } from '../../support/shared-data';

/**
 * The v2 UN/CEFACT e-permit sample that EPIX publishes: a re-export certificate (TypeCode R) with two
 * items. Reading its boxes into the model shows the model holds what real messages carry.
 */
const xml = readFileSync(
  sharedDataFile('epix-cites-epermit-xml', 'v2_get_non_final_cites_certificate.xml'),
  'utf8',
).replace(/<!--[\s\S]*?-->/g, '');

function first(text: string, pattern: RegExp): string {
  const value = pattern.exec(text)?.[1];
  if (value === undefined) throw new Error(`sample lacks ${pattern.source}`);
  return value;
}

/** The item's referenced document of a TypeCode (EPIX: 861 origin permit, 811 last re-export). */
function referencedDocument(item: string, typeCode: string): { id: string; date: string } {
  const documents = item.split('<urn1:AssociatedReferencedDocument>').slice(1);
  const document = documents.find((text) => text.includes(`>${typeCode}</urn1:TypeCode>`)) ?? '';
  return {
    id: first(document, /<urn1:ID[^>]*>([^<]*)</),
    date: first(document, /<urn1:IssueDateTime>(\d{4}-\d{2}-\d{2})/),
  };
}

function toBlock(item: string): { id: string; block: ReExportSpecimenBlock } {
  const origin = referencedDocument(item, '861');
  const lastReExport = referencedDocument(item, '811');
  const appendix = first(item, /<urn1:IncludedSupplyChainTradeLineItem>\s*<urn1:TypeCode>([^<]*)</);
  const source = first(item, /<urn1:TypeExtensionCode>([^<]*)</);
  const term = first(item, /<urn1:Description[^>]*>[^<]*<\/urn1:Description>\s*<urn1:TypeCode[^>]*>([^<]*)</);
  const unit = toQuantityUnit(first(item, /<urn1:ItemQuantity unitCode="([^"]*)"/));
  if (!isAppendix(appendix) || !isSourceCode(source) || !isTermCode(term) || unit === undefined) {
    throw new Error(`sample item has codes outside the lists: ${appendix} ${source} ${term} ${unit}`);
  }
  return {
    id: first(item, /^\s*<urn1:ID[^>]*>([^<]*)</),
    block: {
      scientificName: first(item, /<urn1:ScientificName[^>]*>([^<]*)</),
      commonName: first(item, /<urn1:CommonName[^>]*>([^<]*)</),
      description: { term, text: first(item, /<urn1:Description[^>]*>([^<]*)</) },
      marks: [{ type: 'other', value: first(item, /<urn1:Marking[^>]*>([^<]*)</) }],
      appendix,
      source,
      quantity: Number(first(item, /<urn1:ItemQuantity[^>]*>([^<]*)</)),
      unit,
      countryOfOrigin: {
        country: first(item, /<urn1:OriginTradeCountry>\s*<urn1:ID[^>]*>([^<]*)</),
        permitNumber: origin.id,
        date: origin.date,
      },
      countryOfLastReExport: {
        country: first(item, /<urn1:ExportTradeCountry>\s*<urn1:ID[^>]*>([^<]*)</),
        certificateNumber: lastReExport.id,
        date: lastReExport.date,
      },
    },
  };
}

const items = xml.split('<urn1:IncludedSupplyChainConsignmentItem>').slice(1).map(toBlock);

describe('the EPIX v2 e-permit sample in the document model', () => {
  it('is a re-export certificate whose header fills Boxes 1, 2, 5 and 5a', () => {
    const header = first(
      xml,
      /<urn:HeaderExchangedDocument>([\s\S]*?)<urn1:FirstSignatoryDocumentAuthentication>/,
    );
    const purpose = first(header, /<urn1:PurposeCode>([^<]*)</);
    if (!isPurposeCode(purpose)) throw new Error(`sample purpose ${purpose} is not a purpose code`);
    const boxes: Pick<
      ReExportCertificate,
      'permitNumber' | 'isCopy' | 'validFrom' | 'validUntil' | 'specialConditions' | 'purpose'
    > = {
      permitNumber: first(header, /<urn1:ID[^>]*>([^<]*)</),
      isCopy: first(header, /<urn1:CopyIndicator>([^<]*)</) === 'true',
      validFrom: first(header, /<urn1:StartDateTime>(\d{4}-\d{2}-\d{2})/),
      validUntil: first(header, /<urn1:EndDateTime>(\d{4}-\d{2}-\d{2})/),
      specialConditions: [first(header, /<urn1:Information[^>]*>([^<]*)</)],
      purpose,
    };
    expect(first(header, /<urn1:TypeCode[^>]*>([^<]*)</)).toBe('R');
    expect(formCategory('re-export')).toBe('re-export');
    expect(boxes).toEqual({
      permitNumber: 'XA000000',
      isCopy: false,
      validFrom: '2014-01-06',
      validUntil: '2014-07-05',
      specialConditions: [expect.stringContaining('IATA Live Animals Regulations')],
      purpose: 'T',
    });
  });

  it('letters its items as the model letters blocks', () => {
    const lettered = letterBlocks(items.map((item) => item.block));
    expect(lettered.map((block) => block.letter)).toEqual(items.map((item) => item.id));
    expect(items.map((item) => item.id)).toEqual(['A', 'B']);
  });

  it('fills Boxes 7 to 12a of each block', () => {
    expect(items.map((item) => item.block)).toEqual([
      expect.objectContaining({
        scientificName: 'Alligator mississippiensis',
        appendix: 'II',
        source: 'W',
        quantity: 5,
        unit: 'PCS',
        description: { term: 'LPS', text: 'watchstraps' },
        countryOfOrigin: { country: 'XC', permitNumber: 'XC12345', date: '2007-07-09' },
        countryOfLastReExport: { country: 'XA', certificateNumber: 'XA12345', date: '2012-02-23' },
      }),
      expect.objectContaining({
        scientificName: 'Crocodylus siamensis',
        appendix: 'I',
        source: 'D',
        quantity: 10,
        countryOfOrigin: expect.objectContaining({ country: 'TH' }),
        countryOfLastReExport: expect.objectContaining({
          country: 'FR',
          certificateNumber: 'FR1202501030-R',
        }),
      }),
    ]);
  });

  it('reports watchstraps in pieces, a pair the Trade Database table does not allow for LPS', () => {
    // The sample is illustrative; the annual report would need LPS as a count (or by weight or area).
    expect(isAllowedTermUnit('LPS', 'PCS')).toBe(false);
    expect(isAllowedTermUnit('LPS', null)).toBe(true);
  });
});
