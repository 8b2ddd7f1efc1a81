/**
 * The printed permit, read back with poppler's pdftotext and rendered with pdftoppm (installed by
 * `npm run tools -- --browser`). The QR code is not decoded (no decoder here); the URL printed under it is.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { renderPermitPdf } from '../../../activities/documents/permit-pdf';
import {
  BOX_TITLES,
  CONVENTION_TITLE,
  type BoxNumber,
} from '../../../activities/documents/permit-pdf-labels';
import type { DocumentType, Language } from '../../../domain/codes';
import {
  DOCUMENT_TITLES,
  type ExportPermit,
  type PermitDocument,
  type TradeParty,
} from '../../../domain/documents';
import { permitDocumentOf, type PermitDocumentInput } from '../../../forms/permit-document';
import { projectRoot } from '../../../server/project';

interface Example {
  documentType: DocumentType;
  data: Record<string, unknown>;
}

const examplesDir = path.join(projectRoot, 'examples', 'applications');
const examples: [string, Example][] = fs
  .readdirSync(examplesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')) as Example]);
const exampleNamed = (file: string): Example => structuredClone(examples.find(([name]) => name === file)![1]);

const LANGUAGES: readonly Language[] = ['en', 'fr', 'es'];
const VERIFICATION_URL = 'https://cites.kws.go.ke/verify/KE26000123E?t=Xk3m9QpL2vR7';
const managementAuthority = {
  name: 'Kenya Wildlife Service, CITES Management Authority',
  address: {
    streetLines: ['Langata Road', 'P.O. Box 40241'],
    postcode: '00100',
    city: 'Nairobi',
    country: 'KE',
  },
};

function documentOf(example: Example, extra: Partial<PermitDocumentInput> = {}): PermitDocument {
  return permitDocumentOf({
    documentType: example.documentType,
    data: example.data,
    permit: {
      number: 'KE26000123E',
      validFrom: '2026-10-20',
      validUntil: '2027-04-19',
      issuedAt: '2026-10-20',
    },
    managementAuthority,
    official: { name: 'Grace Wanjiru', title: 'Head, CITES Permits' },
    place: 'Nairobi',
    signatureKeyId: 'ke-ma-2026-01',
    ...extra,
  });
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'permit-pdf-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let files = 0;
function save(pdf: Buffer): string {
  const file = path.join(scratch, `permit-${++files}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** The text of each page, as pdftotext lays it out. */
function pagesOf(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', save(pdf), '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** All pages' text with runs of white space as one space, so a value is found whatever the columns. */
const flat = (pages: readonly string[]) => pages.join(' ').replace(/\s+/g, ' ');

async function render(document: PermitDocument, language: Language = 'en'): Promise<Buffer> {
  return renderPermitPdf(document, { language, verificationUrl: VERIFICATION_URL });
}

// Boxes whose cells are wide enough for the title to print on one line in every language.
const ONE_LINE_BOXES: readonly BoxNumber[] = [
  '1',
  '2',
  '3',
  '3a',
  '4',
  '5',
  '5a',
  '5b',
  '6',
  '13',
  '14',
  '15',
];
const BLOCK_BOXES: readonly BoxNumber[] = ['7/8', '9', '10', '11', '11a', '12', '12a', '12b'];

function partiesOf(document: PermitDocument): TradeParty[] {
  return 'exporter' in document ? [document.importer, document.exporter] : [];
}

describe('renderPermitPdf', () => {
  const cases = examples.flatMap(([file, example]) =>
    LANGUAGES.map((language) => [file, language, example] as const),
  );

  it.each(cases)('prints every filled box of %s in %s', async (_file, language, example) => {
    const document = documentOf(example);
    const pages = pagesOf(await render(document, language));
    const text = flat(pages);
    expect(pages).toHaveLength(1);
    const expected = [
      'KE26000123E',
      '2027-04-19',
      ...partiesOf(document).flatMap((party) => [party.name, party.address.city ?? '']),
      `${document.purpose} –`,
      managementAuthority.name,
      'ke-ma-2026-01',
      VERIFICATION_URL,
      ...document.specimens.flatMap((block) => [
        block.scientificName,
        ...(block.countryOfOrigin?.permitNumber ? [block.countryOfOrigin.permitNumber] : []),
      ]),
    ];
    for (const value of expected) expect(text).toContain(value);
    for (const block of document.specimens) {
      expect(text).toMatch(new RegExp(`(^| )${block.quantity}( |$)`));
      // pdftotext may drop the thin space either side of the slash.
      expect(text).toMatch(new RegExp(`(^| )${block.appendix} ?/ ?${block.source}( |$)`));
    }
    expect(text).toContain(CONVENTION_TITLE[language]);
    expect(text).toContain(DOCUMENT_TITLES[document.documentType][language]);
    for (const box of ONE_LINE_BOXES) expect(text).toContain(`${box}. ${BOX_TITLES[box][language]}`);
    // The narrow block columns wrap their titles: their first word still follows the box number.
    for (const box of BLOCK_BOXES)
      expect(text).toContain(`${box}. ${BOX_TITLES[box][language].split(' ')[0]}`);
    for (const other of LANGUAGES.filter((l) => l !== language)) {
      expect(text).not.toContain(BOX_TITLES['3'][other]);
    }
  });

  it('prints the origin permit of the re-exported handbags in Box 12 with its country and date', async () => {
    const text = flat(pagesOf(await render(documentOf(exampleNamed('re-export-appendix-ii.json')), 'fr')));
    expect(text).toMatch(/Etats-Unis 24US98765I 2024-03-02/);
    expect(text).toContain("d'Amérique");
    expect(text).toContain("12. Pays d'origine");
  });

  it('puts blocks E and F of a six-block application on a continuation sheet, page 2 of 2', async () => {
    const example = exampleNamed('export-appendix-ii-wild.json');
    const [first] = example.data.blocks as Record<string, unknown>[];
    const names = [
      'Python regius',
      'Python sebae',
      'Boa constrictor',
      'Chamaeleo calyptratus',
      'Kinixys belliana',
      'Varanus niloticus',
    ];
    example.data.blocks = names.map((scientificName, i) => ({ ...first, scientificName, quantity: 11 + i }));
    const pages = pagesOf(await render(documentOf(example)));
    expect(pages).toHaveLength(2);
    const [main = '', continuation = ''] = pages;
    for (const letter of ['A', 'B', 'C', 'D']) expect(main).toMatch(new RegExp(`^\\s*${letter}\\s*$`, 'm'));
    expect(main).toContain('Blocks E to F are on the continuation sheets.');
    expect(main).toContain('Page 1 of 2');
    expect(main).not.toContain('Kinixys belliana');
    expect(continuation).toContain('Continuation sheet 1 of 1');
    expect(continuation).toContain('KE26000123E');
    expect(continuation).toContain('Page 2 of 2');
    expect(continuation).toContain(VERIFICATION_URL);
    for (const letter of ['E', 'F']) expect(continuation).toMatch(new RegExp(`^\\s*${letter}\\s*$`, 'm'));
    expect(flat([continuation])).toMatch(/Kinixys belliana .*15/);
    expect(continuation).toContain('Varanus niloticus');
    expect(continuation).not.toContain('Python regius');
  });

  it.each([
    ['en', 'COPY'],
    ['fr', 'COPIE'],
    ['es', 'COPIA'],
  ] as const)('marks a copy as such in %s', async (language, word) => {
    const original = flat(
      pagesOf(await render(documentOf(exampleNamed('export-appendix-i.json')), language)),
    );
    const copy = flat(
      pagesOf(await render(documentOf(exampleNamed('export-appendix-i.json'), { isCopy: true }), language)),
    );
    expect(original).not.toContain(word);
    expect(copy).toMatch(new RegExp(`KE26000123E ${word}`));
  });

  it.each([
    ['en', 'Replaces permit No. KE26000099E — reason: stolen'],
    ['fr', 'Remplace le permis N° KE26000099E — motif : volé'],
    ['es', 'Reemplaza el permiso N° KE26000099E — motivo: robado'],
  ] as const)('states the replaced permit and why in Box 5 (%s)', async (language, sentence) => {
    const document = documentOf(exampleNamed('export-appendix-ii-wild.json'), {
      replacement: { replacedPermitNumber: 'KE26000099E', reason: 'stolen' },
      securityStampNumber: 'A1234567',
    });
    const text = flat(pagesOf(await render(document, language)));
    expect(text).toContain(sentence);
    expect(text).toContain('A1234567');
    expect(text).toContain('IATA Live Animals Regulations');
  });

  it('prints quota use (Box 11a), an endorsement (Box 14) and the bill of lading (Box 15) when present', async () => {
    const base = documentOf(exampleNamed('export-appendix-ii-wild.json')) as ExportPermit;
    const document: ExportPermit = {
      ...base,
      specimens: [
        { ...base.specimens[0]!, quotaUse: { usedIncludingThisPermit: 1250, quota: 4000, unit: null } },
      ],
      exportEndorsement: {
        blocks: [{ block: 'A', quantity: 48 }],
        port: 'Jomo Kenyatta International Airport',
        date: '2026-11-02',
        officer: { name: 'Peter Kamau', title: 'Customs officer' },
        stamp: 'KRA-JKIA-07',
      },
      billOfLading: '176-12345675',
    };
    const text = flat(pagesOf(await render(document)));
    for (const value of [
      '1250 / 4000',
      'Jomo Kenyatta International Airport',
      '2026-11-02',
      'Peter Kamau',
      'stamp KRA-JKIA-07',
      '176-12345675',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).toMatch(/(^| )48( |$)/);
  });

  it('prints names outside WinAnsi by their base letters', async () => {
    const example = exampleNamed('export-appendix-ii-wild.json');
    (example.data.importer as { name: string }).name = 'Ogród Zoologiczny w Łodzi';
    (example.data.importer as { address: { city: string } }).address.city = 'Łódź';
    const text = flat(pagesOf(await render(documentOf(example))));
    expect(text).toContain('Ogród Zoologiczny w Lodzi');
    expect(text).toContain('Lódz');
  });

  it('titles the PDF with the permit number and renders the same bytes twice', async () => {
    const document = documentOf(exampleNamed('import-appendix-i.json'));
    const [first, second] = await Promise.all([render(document, 'es'), render(document, 'es')]);
    expect(first.equals(second)).toBe(true);
    const info = execFileSync('pdfinfo', [save(first)], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+KE26000123E$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^CreationDate:.*2026/m);
  });

  it('renders page 1 to an image with far more on it than a blank page', async () => {
    const blank = new PDFDocument({ size: 'A4', margin: 0 });
    const blankBytes = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      blank.on('data', (chunk: Buffer) => chunks.push(chunk));
      blank.on('end', () => resolve(Buffer.concat(chunks)));
    });
    blank.end();
    const toPng = (pdf: Buffer) => {
      const prefix = path.join(scratch, `page-${++files}`);
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', save(pdf), prefix]);
      return fs.readFileSync(`${prefix}.png`);
    };
    const permitPng = toPng(await render(documentOf(exampleNamed('export-appendix-i.json')), 'fr'));
    const blankPng = toPng(await blankBytes);
    const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(permitPng.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(permitPng.length).toBeGreaterThan(blankPng.length * 5);
  });
});
