/**
 * The printed CITES permit: an A4 PDF laid out like the standard form of Res. Conf. 12.3 (Annex 2), in
 * English, French or Spanish, with a QR code of the verification URL on every sheet. Blocks beyond D go
 * on continuation sheets, lettered on from E.
 */
import PDFDocument from 'pdfkit';
import { create as createQrCode, type QRCode } from 'qrcode';
import { PURPOSES, SOURCES, TERMS, countryName, labelOf, unitLabel } from '../../domain/codes';
import type { Language } from '../../domain/codes/types';
import { DOCUMENT_TITLES, formCategory, type FormCategory } from '../../domain/documents/document-types';
import type {
  ExportEndorsement,
  Official,
  PermitDocument,
  PostalAddress,
  SpecimenBlock,
  TradeParty,
} from '../../domain/documents/model';
import {
  MAIN_SHEET_BLOCKS,
  blockLetter,
  layoutSheets,
  type LetteredBlock,
} from '../../domain/documents/sheets';
import {
  BOX_TITLES,
  CONVENTION_TITLE,
  FORM_CATEGORY_LABELS,
  MARK_TYPE_LABELS,
  PERMIT_PHRASES,
  REPLACEMENT_REASONS,
  SEX_LABELS,
  type BoxNumber,
  type PermitPhrase,
} from './permit-pdf-labels';

export interface PermitPdfOptions {
  language: Language;
  /** The public URL where the document's authenticity and status can be checked; printed and QR-coded. */
  verificationUrl: string;
}

type Pdf = PDFKit.PDFDocument;

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One paragraph of a box's content; paragraphs shrink together so a full box stays readable and inside. */
interface Run {
  readonly text: string;
  readonly font?: keyof typeof FONTS;
  /** Size relative to the box's text size. */
  readonly scale?: number;
}

interface TextStyle {
  readonly size: number;
  /** The smallest size tried before text is cut with an ellipsis. */
  readonly minSize?: number;
  readonly align?: 'left' | 'center' | 'right';
}

/** What drawing needs beside the page: the document, the language and what every sheet repeats. */
interface Sheet {
  readonly pdf: Pdf;
  readonly language: Language;
  readonly document: PermitDocument;
  readonly qr: QRCode;
  readonly verificationUrl: string;
  readonly pages: number;
}

// The standard fonts need no embedding and their WinAnsi encoding covers French and Spanish.
const FONTS = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
} as const;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const LEFT = MARGIN;
const WIDTH = PAGE.width - 2 * MARGIN;
const PADDING = 2.5;
const LABEL_SIZE = 5.5;
const RIGHT_COLUMN = 180;
const QR_CELL = { w: 200, h: 92, code: 64 };
const BLOCK = { letter: 16, rowA: 34, rowB: 22, headerA: 18, headerB: 17 };
const BLOCK_HEIGHT = BLOCK.rowA + BLOCK.rowB;
const BLOCK_HEADER_HEIGHT = BLOCK.headerA + BLOCK.headerB;
const ENDORSEMENT = { h: 122, billOfLading: 150 };
const ISSUANCE_HEIGHT = 62;
const HEADER_HEIGHT = 42;
// Column widths of the block rows: 7/8, 9, 10, 11 (11a takes the rest); 12 and 12a (country, document
// number, date) with 12b taking the rest.
const ROW_A_WIDTHS = [150, 160, 70, 68];
const REFERENCE_WIDTHS = [70, 59, 46];

const WIN_ANSI_EXTRAS = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

// Letters with a stroke rather than an accent: Unicode does not decompose them into a base letter.
const STROKED_LETTERS: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

/**
 * The standard fonts print only WinAnsi: a name outside it (e.g. Polish "Łódź") keeps its base letters
 * ("Lódz") rather than printing wrong glyphs.
 */
function winAnsi(text: string): string {
  return Array.from(text.replace(/\t/g, ' ').replace(/\r/g, ''), (char) => {
    if (char === '\n' || isWinAnsi(char)) return char;
    const base = STROKED_LETTERS[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    return base !== char && Array.from(base).every(isWinAnsi) ? base : '?';
  }).join('');
}

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function phrase(sheet: Sheet, name: PermitPhrase, values: Record<string, string | number> = {}): string {
  return fill(PERMIT_PHRASES[name][sheet.language], values);
}

function boxLabel(sheet: Sheet, box: BoxNumber): string {
  return `${box}. ${BOX_TITLES[box][sheet.language]}`;
}

const country = (sheet: Sheet, code: string) => countryName(code, sheet.language) ?? code;

// --- Text ---------------------------------------------------------------------------------------------

function runHeight(pdf: Pdf, run: Run, size: number, width: number): number {
  pdf.font(FONTS[run.font ?? 'regular']).fontSize(size * (run.scale ?? 1));
  return pdf.heightOfString(run.text, { width });
}

function widestWord(pdf: Pdf, run: Run, size: number): number {
  pdf.font(FONTS[run.font ?? 'regular']).fontSize(size * (run.scale ?? 1));
  return Math.max(0, ...run.text.split(/\s+/).map((word) => pdf.widthOfString(word)));
}

const runsHeight = (pdf: Pdf, runs: readonly Run[], size: number, width: number) =>
  runs.reduce((total, run) => total + runHeight(pdf, run, size, width), 0);

/** The largest size at which the runs fit the area without breaking a word (a date, a permit number). */
function fittingSize(pdf: Pdf, runs: readonly Run[], area: Rect, style: TextStyle): number {
  const minSize = style.minSize ?? style.size;
  for (let size = style.size; size > minSize; size -= 0.25) {
    const width = Math.max(...runs.map((run) => widestWord(pdf, run, size)));
    if (runsHeight(pdf, runs, size, area.w) <= area.h && width <= area.w) return size;
  }
  return minSize;
}

/**
 * Writes paragraphs top-down inside the area, shrinking them to fit. What still overflows becomes one
 * paragraph cut with an ellipsis, so the reader sees that text is missing rather than a paragraph being
 * left out unnoticed.
 */
function writeRuns(pdf: Pdf, runs: readonly Run[], area: Rect, style: TextStyle): void {
  const visible = runs
    .filter((run) => run.text.trim() !== '')
    .map((run) => ({ ...run, text: winAnsi(run.text) }));
  if (visible.length === 0) return;
  const size = fittingSize(pdf, visible, area, style);
  const paragraphs =
    visible.length === 1 || runsHeight(pdf, visible, size, area.w) <= area.h
      ? visible
      : [{ text: visible.map((run) => run.text).join(' · ') }];
  let y = area.y;
  for (const run of paragraphs) {
    const height = runHeight(pdf, run, size, area.w);
    const room = area.y + area.h - y;
    // pdfkit writes nothing, or starts a page, when not even one line fits: stop instead.
    if (room < pdf.currentLineHeight(true)) break;
    pdf.text(run.text, area.x, y, {
      width: area.w,
      height: room,
      ellipsis: true,
      align: style.align ?? 'left',
    });
    y += Math.min(height, room);
  }
}

/** Writes one line, shrunk to the width if needed; returns the width it took. */
function writeLine(
  pdf: Pdf,
  text: string,
  at: { x: number; y: number; maxWidth: number },
  font: keyof typeof FONTS,
  size: number,
): number {
  const printable = winAnsi(text);
  pdf.font(FONTS[font]).fontSize(size);
  const natural = pdf.widthOfString(printable);
  if (natural > at.maxWidth) pdf.fontSize(Math.max(3.5, (size * at.maxWidth) / natural));
  pdf.text(printable, at.x, at.y, { lineBreak: false });
  return Math.min(natural, pdf.widthOfString(printable));
}

// --- Cells --------------------------------------------------------------------------------------------

/** Draws a box's frame and title; returns the area left for its content. */
function drawCell(sheet: Sheet, rect: Rect, title?: string): Rect {
  const { pdf } = sheet;
  pdf.lineWidth(0.5).strokeColor('black').rect(rect.x, rect.y, rect.w, rect.h).stroke();
  const inner = {
    x: rect.x + PADDING,
    y: rect.y + PADDING,
    w: rect.w - 2 * PADDING,
    h: rect.h - 2 * PADDING,
  };
  if (!title) return inner;
  const labelArea = { ...inner, h: Math.min(inner.h, LABEL_SIZE * 2.4) };
  writeRuns(pdf, [{ text: title }], labelArea, { size: LABEL_SIZE, minSize: 4 });
  const labelHeight = Math.min(labelArea.h, pdf.heightOfString(winAnsi(title), { width: inner.w })) + 1;
  return { x: inner.x, y: inner.y + labelHeight, w: inner.w, h: inner.h - labelHeight };
}

function drawBox(
  sheet: Sheet,
  rect: Rect,
  box: BoxNumber | undefined,
  runs: readonly Run[],
  style: TextStyle,
) {
  const content = drawCell(sheet, rect, box && boxLabel(sheet, box));
  writeRuns(sheet.pdf, runs, content, style);
}

/** Splits a row into cells of the given widths; the last cell takes what is left. */
function splitRow(rect: Rect, widths: readonly number[]): Rect[] {
  const cells: Rect[] = [];
  let x = rect.x;
  for (const w of widths) {
    cells.push({ x, y: rect.y, w, h: rect.h });
    x += w;
  }
  cells.push({ x, y: rect.y, w: rect.x + rect.w - x, h: rect.h });
  return cells;
}

// --- Header, footer, QR code, copy mark --------------------------------------------------------------

function drawHeader(sheet: Sheet): void {
  const { pdf, document, language } = sheet;
  writeRuns(
    pdf,
    [{ text: CONVENTION_TITLE[language], font: 'bold' }],
    { x: LEFT, y: 22, w: WIDTH, h: 20 },
    {
      size: 8.5,
      minSize: 6,
      align: 'center',
    },
  );
  writeRuns(
    pdf,
    [{ text: DOCUMENT_TITLES[document.documentType][language], font: 'bold' }],
    { x: LEFT, y: 43, w: WIDTH, h: 17 },
    { size: 12, minSize: 8, align: 'center' },
  );
}

function drawFooter(sheet: Sheet, page: number): void {
  const text = `${sheet.document.permitNumber} — ${phrase(sheet, 'page', { page, pages: sheet.pages })}`;
  writeRuns(
    sheet.pdf,
    [{ text }],
    { x: LEFT, y: PAGE.height - 40, w: WIDTH, h: 10 },
    { size: 6.5, align: 'right' },
  );
}

/** The QR code as vector squares (one rectangle per run of dark modules), so it prints sharp at any size. */
function drawQrCode(pdf: Pdf, qr: QRCode, x: number, y: number, size: number): void {
  const count = qr.modules.size;
  const module = size / count;
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (!qr.modules.get(row, col)) continue;
      let end = col;
      while (end + 1 < count && qr.modules.get(row, end + 1)) end++;
      pdf.rect(x + col * module, y + row * module, (end - col + 1) * module, module);
      col = end;
    }
  }
  pdf.fillColor('black').fill();
}

function drawVerification(sheet: Sheet, rect: Rect): void {
  const { pdf } = sheet;
  drawCell(sheet, rect);
  const size = QR_CELL.code;
  drawQrCode(pdf, sheet.qr, rect.x + (rect.w - size) / 2, rect.y + 7, size);
  // The URL on one line when it can be read at all, so it can be typed from the paper.
  const urlArea = { x: rect.x + 4, y: rect.y + 7 + size + 5, w: rect.w - 8, h: rect.h - size - 14 };
  pdf.font(FONTS.regular).fontSize(5.5);
  const oneLine = (5.5 * urlArea.w) / Math.max(1, pdf.widthOfString(sheet.verificationUrl));
  const urlSize = Math.max(3.5, Math.min(5.5, Math.floor(oneLine * 4) / 4));
  writeRuns(pdf, [{ text: sheet.verificationUrl }], urlArea, { size: urlSize, align: 'center' });
}

function drawCopyMark(sheet: Sheet): void {
  const { pdf } = sheet;
  const word = winAnsi(PERMIT_PHRASES.copy[sheet.language]);
  const centre = { x: PAGE.width / 2, y: PAGE.height / 2 };
  pdf.save();
  pdf.rotate(-55, { origin: [centre.x, centre.y] });
  pdf.font(FONTS.bold).fontSize(130).fillColor('#9a9a9a').fillOpacity(0.25);
  pdf.text(word, centre.x - pdf.widthOfString(word) / 2, centre.y - 65, { lineBreak: false });
  pdf.restore();
  pdf.fillColor('black').fillOpacity(1);
}

// --- Boxes 1 to 6 -------------------------------------------------------------------------------------

const CATEGORIES: readonly FormCategory[] = ['export', 're-export', 'import', 'other'];

function drawTickBoxes(sheet: Sheet, area: Rect): void {
  const { pdf, document, language } = sheet;
  const ticked = formCategory(document.documentType);
  const labels = CATEGORIES.map((category) =>
    winAnsi(
      category === 'other' && ticked === 'other'
        ? `${FORM_CATEGORY_LABELS.other[language]}: ${DOCUMENT_TITLES[document.documentType][language]}`
        : FORM_CATEGORY_LABELS[category][language],
    ),
  );
  const square = 7;
  const gap = 10;
  pdf.font(FONTS.regular).fontSize(6.5);
  const natural = labels.reduce((total, label) => total + square + 3 + pdf.widthOfString(label) + gap, 0);
  const size = Math.max(4, Math.min(6.5, (6.5 * area.w) / natural));
  let x = area.x;
  CATEGORIES.forEach((category, i) => {
    pdf.lineWidth(0.5).rect(x, area.y, square, square).stroke();
    if (category === ticked) {
      pdf
        .font(FONTS.bold)
        .fontSize(7)
        .text('X', x + 1.6, area.y + 1, { lineBreak: false });
    }
    pdf.font(FONTS.regular).fontSize(size);
    const label = labels[i] ?? '';
    pdf.text(label, x + square + 3, area.y + 1, { lineBreak: false });
    x += square + 3 + pdf.widthOfString(label) + gap * (size / 6.5);
  });
}

function drawPermitNumber(sheet: Sheet, rect: Rect): void {
  const content = drawCell(sheet, rect, boxLabel(sheet, '1'));
  drawTickBoxes(sheet, { ...content, h: 9 });
  const { pdf, document } = sheet;
  const y = content.y + 14;
  const labelWidth = writeLine(
    pdf,
    phrase(sheet, 'originalNumber'),
    { x: content.x, y: y + 5, maxWidth: 60 },
    'regular',
    6,
  );
  const copyWidth = document.isCopy ? 60 : 0;
  const numberX = content.x + labelWidth + 4;
  const numberWidth = writeLine(
    pdf,
    document.permitNumber,
    { x: numberX, y, maxWidth: content.x + content.w - numberX - copyWidth },
    'bold',
    13,
  );
  if (document.isCopy) {
    pdf.fillColor('#b00000');
    writeLine(
      pdf,
      phrase(sheet, 'copy'),
      { x: numberX + numberWidth + 8, y, maxWidth: copyWidth - 8 },
      'bold',
      13,
    );
    pdf.fillColor('black');
  }
}

function drawValidity(sheet: Sheet, rect: Rect): void {
  const { document } = sheet;
  drawBox(
    sheet,
    rect,
    '2',
    [
      { text: document.validUntil, font: 'bold' },
      {
        text: document.validFrom ? phrase(sheet, 'validFrom', { date: document.validFrom }) : '',
        scale: 0.55,
      },
    ],
    { size: 12, minSize: 7 },
  );
}

function addressRuns(sheet: Sheet, address: PostalAddress, withCountry: boolean): Run[] {
  const cityLine = [address.postcode, address.city].filter(Boolean).join(' ');
  return [
    ...address.streetLines.map((text) => ({ text })),
    { text: address.postOfficeBox ? phrase(sheet, 'postOfficeBox', { box: address.postOfficeBox }) : '' },
    { text: [cityLine, address.subdivision].filter(Boolean).join(', ') },
    { text: withCountry ? country(sheet, address.country) : '' },
  ];
}

function partyRuns(sheet: Sheet, party: TradeParty | undefined, withCountry: boolean): Run[] {
  if (!party) return [];
  return [
    { text: party.name, font: 'bold', scale: 1.1 },
    ...addressRuns(sheet, party.address, withCountry),
    {
      text: party.registrationNumber
        ? phrase(sheet, 'registrationNumber', { number: party.registrationNumber })
        : '',
    },
  ];
}

/** Who the document names in Boxes 3 and 4, whatever its type. */
function partiesOf(document: PermitDocument): { importer?: TradeParty; exporter?: TradeParty } {
  if ('holder' in document) return { exporter: document.holder };
  if ('exporter' in document) return { importer: document.importer, exporter: document.exporter };
  return { importer: document.importer };
}

function drawImporter(sheet: Sheet, rect: Rect, importer: TradeParty | undefined): void {
  const { pdf } = sheet;
  const content = drawCell(sheet, rect, boxLabel(sheet, '3'));
  const countryLine = 9;
  writeRuns(
    pdf,
    partyRuns(sheet, importer, false),
    { ...content, h: content.h - countryLine },
    {
      size: 7.5,
      minSize: 5,
    },
  );
  const y = content.y + content.h - countryLine + 1;
  const labelWidth = writeLine(
    pdf,
    boxLabel(sheet, '3a'),
    { x: content.x, y: y + 1.5, maxWidth: 90 },
    'regular',
    LABEL_SIZE,
  );
  if (importer) {
    const x = content.x + labelWidth + 4;
    writeLine(
      pdf,
      country(sheet, importer.address.country),
      { x, y, maxWidth: content.x + content.w - x },
      'bold',
      7.5,
    );
  }
}

function drawExporter(sheet: Sheet, rect: Rect, exporter: TradeParty | undefined): void {
  const { document } = sheet;
  const vessel =
    'vessel' in document && document.vessel
      ? phrase(sheet, 'vessel', {
          name: document.vessel.name,
          flag: country(sheet, document.vessel.flagState),
        })
      : '';
  drawBox(sheet, rect, '4', [...partyRuns(sheet, exporter, true), { text: vessel }], {
    size: 7.5,
    minSize: 5,
  });
}

function specialConditionRuns(sheet: Sheet): Run[] {
  const { document, language } = sheet;
  const replacement = document.replacement;
  const replaces = replacement
    ? phrase(sheet, 'replaces', {
        number: replacement.replacedPermitNumber,
        reason: REPLACEMENT_REASONS[replacement.reason][language],
      }) + (replacement.explanation ? ` (${replacement.explanation})` : '')
    : '';
  const exhibition =
    'exhibitionName' in document ? phrase(sheet, 'exhibition', { name: document.exhibitionName }) : '';
  return [
    { text: replaces, font: 'bold' },
    { text: exhibition },
    ...document.specialConditions.map((text) => ({ text })),
  ];
}

function drawPurposeAndStamp(sheet: Sheet, rect: Rect): void {
  const { document, language } = sheet;
  const half = rect.h / 2;
  const purpose = `${document.purpose} – ${labelOf(PURPOSES, document.purpose, language)}`;
  drawBox(sheet, { ...rect, h: half }, '5a', [{ text: purpose, font: 'bold' }], { size: 8, minSize: 5 });
  drawBox(
    sheet,
    { ...rect, y: rect.y + half, h: half },
    '5b',
    [{ text: document.securityStampNumber ?? '', font: 'bold' }],
    {
      size: 8,
      minSize: 5,
    },
  );
}

function drawManagementAuthority(sheet: Sheet, rect: Rect): void {
  const authority = sheet.document.managementAuthority;
  drawBox(
    sheet,
    rect,
    '6',
    [{ text: authority.name, font: 'bold', scale: 1.1 }, ...addressRuns(sheet, authority.address, true)],
    { size: 7.5, minSize: 5 },
  );
}

// --- Blocks (boxes 7 to 12b) --------------------------------------------------------------------------

function drawBlockHeader(sheet: Sheet, y: number): void {
  const { pdf, language } = sheet;
  const rowA = splitRow(
    { x: LEFT + BLOCK.letter, y, w: WIDTH - BLOCK.letter, h: BLOCK.headerA },
    ROW_A_WIDTHS,
  );
  const boxesA: BoxNumber[] = ['7/8', '9', '10', '11', '11a'];
  rowA.forEach((cell, i) => drawCell(sheet, cell, boxLabel(sheet, boxesA[i] ?? '7/8')));
  const rowB = { x: LEFT + BLOCK.letter, y: y + BLOCK.headerA, w: WIDTH - BLOCK.letter, h: BLOCK.headerB };
  const [origin, lastReExport, operation] = splitRow(rowB, [sum(REFERENCE_WIDTHS), sum(REFERENCE_WIDTHS)]);
  const referenceTitles = (box: BoxNumber, number: PermitPhrase) => [
    boxLabel(sheet, box),
    PERMIT_PHRASES[number][language],
    PERMIT_PHRASES.date[language],
  ];
  splitRow(origin!, REFERENCE_WIDTHS.slice(0, 2)).forEach((cell, i) =>
    drawCell(sheet, cell, referenceTitles('12', 'permitNumber')[i]),
  );
  splitRow(lastReExport!, REFERENCE_WIDTHS.slice(0, 2)).forEach((cell, i) =>
    drawCell(sheet, cell, referenceTitles('12a', 'certificateNumber')[i]),
  );
  drawCell(sheet, operation!, boxLabel(sheet, '12b'));
  pdf.lineWidth(0.5).rect(LEFT, y, BLOCK.letter, BLOCK_HEADER_HEIGHT).stroke();
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function descriptionRuns(sheet: Sheet, block: SpecimenBlock): Run[] {
  const { language } = sheet;
  const { term, text, sex, age } = block.description;
  const termLine = `${term} – ${labelOf(TERMS, term, language)}${text ? `: ${text}` : ''}`;
  const live = [sex ? SEX_LABELS[sex][language] : '', age ? phrase(sheet, 'age', { age }) : '']
    .filter(Boolean)
    .join(', ');
  const marks = block.marks
    .map((mark) => `${mark.description ?? MARK_TYPE_LABELS[mark.type][language]} ${mark.value}`)
    .join('; ');
  return [{ text: termLine }, { text: live }, { text: marks, font: 'bold', scale: 0.95 }];
}

function sourceRuns(sheet: Sheet, block: SpecimenBlock): Run[] {
  const { language } = sheet;
  return [
    { text: `${block.appendix} / ${block.source}`, font: 'bold', scale: 1.15 },
    { text: labelOf(SOURCES, block.source, language), scale: 0.8 },
    {
      text: block.underlyingSource ? phrase(sheet, 'sourceBefore', { source: block.underlyingSource }) : '',
      scale: 0.8,
    },
    {
      text: block.sourceReason ? phrase(sheet, 'sourceReason', { reason: block.sourceReason }) : '',
      scale: 0.8,
    },
  ];
}

function quotaRuns(sheet: Sheet, block: SpecimenBlock): Run[] {
  const quota = block.quotaUse;
  if (!quota) return [];
  return [
    { text: `${quota.usedIncludingThisPermit} / ${quota.quota}`, font: 'bold', scale: 1.15 },
    { text: unitLabel(quota.unit, sheet.language), scale: 0.8 },
    { text: quota.year === undefined ? '' : phrase(sheet, 'quotaYear', { year: quota.year }), scale: 0.8 },
  ];
}

function operationText(sheet: Sheet, block: SpecimenBlock): string {
  const entry = block.operationOrAcquisition;
  if (!entry) return '';
  return entry.kind === 'registered-operation'
    ? phrase(sheet, 'operationNumber', { number: entry.registrationNumber })
    : phrase(sheet, 'acquiredOn', { date: entry.dateOfAcquisition });
}

function drawReference(sheet: Sheet, rect: Rect, values: readonly string[]): void {
  splitRow(rect, REFERENCE_WIDTHS.slice(0, 2)).forEach((cell, i) =>
    drawBox(sheet, cell, undefined, [{ text: values[i] ?? '' }], { size: 7, minSize: 4.5 }),
  );
}

function drawBlock(sheet: Sheet, y: number, letter: string, block: SpecimenBlock | undefined): void {
  const { pdf } = sheet;
  const letterCell = { x: LEFT, y, w: BLOCK.letter, h: BLOCK_HEIGHT };
  pdf.lineWidth(0.5).rect(letterCell.x, letterCell.y, letterCell.w, letterCell.h).stroke();
  writeRuns(
    pdf,
    [{ text: letter, font: 'bold' }],
    { ...letterCell, y: y + BLOCK_HEIGHT / 2 - 6, h: 14 },
    {
      size: 10,
      minSize: 6,
      align: 'center',
    },
  );
  const x = LEFT + BLOCK.letter;
  const rowA = splitRow({ x, y, w: WIDTH - BLOCK.letter, h: BLOCK.rowA }, ROW_A_WIDTHS);
  const rowB = splitRow({ x, y: y + BLOCK.rowA, w: WIDTH - BLOCK.letter, h: BLOCK.rowB }, [
    sum(REFERENCE_WIDTHS),
    sum(REFERENCE_WIDTHS),
  ]);
  if (!block) {
    rowA.forEach((cell) => drawCell(sheet, cell));
    const [origin, lastReExport, operation] = rowB as [Rect, Rect, Rect];
    [origin, lastReExport].forEach((cell) => drawReference(sheet, cell, []));
    drawCell(sheet, operation);
    // An unused block is struck through so nothing can be added to it after issue.
    pdf
      .moveTo(x, y + BLOCK_HEIGHT)
      .lineTo(LEFT + WIDTH, y)
      .stroke();
    return;
  }
  const [names, description, source, quantity, quota] = rowA as [Rect, Rect, Rect, Rect, Rect];
  const [origin, lastReExport, operation] = rowB as [Rect, Rect, Rect];
  const { language } = sheet;
  drawBox(
    sheet,
    names,
    undefined,
    [{ text: block.scientificName, font: 'boldItalic' }, { text: block.commonName ?? '' }],
    { size: 8.5, minSize: 5 },
  );
  drawBox(sheet, description, undefined, descriptionRuns(sheet, block), { size: 7, minSize: 4 });
  drawBox(sheet, source, undefined, sourceRuns(sheet, block), { size: 8, minSize: 4.5 });
  drawBox(
    sheet,
    quantity,
    undefined,
    [
      { text: String(block.quantity), font: 'bold', scale: 1.15 },
      { text: unitLabel(block.unit, language), scale: 0.8 },
    ],
    { size: 8, minSize: 4.5 },
  );
  drawBox(sheet, quota, undefined, quotaRuns(sheet, block), { size: 8, minSize: 4.5 });
  const from = block.countryOfOrigin;
  drawReference(
    sheet,
    origin,
    from ? [country(sheet, from.country), from.permitNumber ?? '', from.date ?? ''] : [],
  );
  const last = block.countryOfLastReExport;
  drawReference(
    sheet,
    lastReExport,
    last ? [country(sheet, last.country), last.certificateNumber ?? '', last.date ?? ''] : [],
  );
  drawBox(sheet, operation, undefined, [{ text: operationText(sheet, block) }], { size: 7, minSize: 4.5 });
}

/** The blocks of one sheet, always four rows: unused rows of the main sheet show their letter, struck out. */
function drawBlocks(
  sheet: Sheet,
  y: number,
  blocks: readonly LetteredBlock<SpecimenBlock>[],
  letters: readonly string[],
) {
  drawBlockHeader(sheet, y);
  letters.forEach((letter, i) => {
    const block = blocks.find((entry) => entry.letter === letter)?.block;
    drawBlock(sheet, y + BLOCK_HEADER_HEIGHT + i * BLOCK_HEIGHT, letter, block);
  });
}

// --- Boxes 13 to 15 -----------------------------------------------------------------------------------

function officialRuns(official: Official): Run[] {
  return [{ text: official.name, font: 'bold' }, { text: official.title ?? '' }];
}

function drawIssuance(sheet: Sheet, rect: Rect): void {
  const { issuance } = sheet.document;
  const [issuedBy, stamp] = splitRow(rect, [rect.w - 210]) as [Rect, Rect];
  drawBox(
    sheet,
    issuedBy,
    '13',
    [
      ...officialRuns(issuance.official),
      { text: phrase(sheet, 'placeOfIssue', { place: issuance.place }) },
      { text: phrase(sheet, 'dateOfIssue', { date: issuance.date }) },
    ],
    { size: 8, minSize: 5 },
  );
  const signature =
    issuance.signature?.method === 'electronic'
      ? phrase(sheet, 'signedElectronically', { keyId: issuance.signature.keyId })
      : '';
  const signatureArea = drawCell(sheet, stamp, phrase(sheet, 'stampAndSignature'));
  writeRuns(sheet.pdf, [{ text: signature, font: 'bold' }], signatureArea, { size: 7, minSize: 4.5 });
}

function endorsementOf(document: PermitDocument): ExportEndorsement | undefined {
  return 'exportEndorsement' in document ? document.exportEndorsement : undefined;
}

/**
 * Box 14 as the officer at the border fills it in: a quantity per block, the port, the date, and the
 * signature, stamp and title. Left as an empty grid until the consignment is endorsed.
 */
function drawEndorsement(sheet: Sheet, rect: Rect, letters: readonly string[]): void {
  const { pdf, language } = sheet;
  const content = drawCell(sheet, rect, boxLabel(sheet, '14'));
  const endorsement = endorsementOf(sheet.document);
  const gridWidth = 130;
  const headerHeight = 12;
  const rowHeight = Math.min(14, (content.h - headerHeight) / Math.max(1, letters.length));
  const header = splitRow({ x: content.x, y: content.y, w: gridWidth, h: headerHeight }, [32]);
  header.forEach((cell, i) =>
    drawBox(
      sheet,
      cell,
      undefined,
      [{ text: i === 0 ? PERMIT_PHRASES.block[language] : PERMIT_PHRASES.quantity[language] }],
      {
        size: LABEL_SIZE,
      },
    ),
  );
  letters.forEach((letter, i) => {
    const row = { x: content.x, y: content.y + headerHeight + i * rowHeight, w: gridWidth, h: rowHeight };
    const quantity = endorsement?.blocks.find((entry) => entry.block === letter)?.quantity;
    const [letterCell, quantityCell] = splitRow(row, [32]) as [Rect, Rect];
    drawBox(sheet, letterCell, undefined, [{ text: letter, font: 'bold' }], { size: 7, align: 'center' });
    drawBox(
      sheet,
      quantityCell,
      undefined,
      [{ text: quantity === undefined ? '' : String(quantity), font: 'bold' }],
      {
        size: 7,
      },
    );
  });
  const fields = { x: content.x + gridWidth + 6, w: content.w - gridWidth - 6 };
  const fieldHeight = 22;
  const officer = endorsement
    ? [
        ...officialRuns(endorsement.officer),
        { text: endorsement.stamp ? phrase(sheet, 'stamp', { stamp: endorsement.stamp }) : '' },
      ]
    : [];
  const fieldRows: [PermitPhrase, Run[], number][] = [
    ['portOfExport', [{ text: endorsement?.port ?? '', font: 'bold' }], fieldHeight],
    ['date', [{ text: endorsement?.date ?? '', font: 'bold' }], fieldHeight],
    ['officer', officer, content.h - 2 * fieldHeight],
  ];
  let y = content.y;
  for (const [title, runs, h] of fieldRows) {
    const area = drawCell(sheet, { ...fields, y, h }, PERMIT_PHRASES[title][language]);
    writeRuns(pdf, runs, area, { size: 7.5, minSize: 4.5 });
    y += h;
  }
}

function drawExportFormalities(sheet: Sheet, y: number, letters: readonly string[]): void {
  const row = { x: LEFT, y, w: WIDTH, h: ENDORSEMENT.h };
  const [endorsement, billOfLading] = splitRow(row, [WIDTH - ENDORSEMENT.billOfLading]) as [Rect, Rect];
  drawEndorsement(sheet, endorsement, letters);
  const document = sheet.document;
  const number = 'billOfLading' in document ? (document.billOfLading ?? '') : '';
  drawBox(sheet, billOfLading, '15', [{ text: number, font: 'bold' }], { size: 8, minSize: 5 });
}

// --- Sheets -------------------------------------------------------------------------------------------

function drawMainSheet(
  sheet: Sheet,
  blocks: readonly LetteredBlock<SpecimenBlock>[],
  continued: string[],
): void {
  const { document, pdf } = sheet;
  const { importer, exporter } = partiesOf(document);
  const left = WIDTH - RIGHT_COLUMN;
  let y = 22 + HEADER_HEIGHT;
  drawHeader(sheet);
  drawPermitNumber(sheet, { x: LEFT, y, w: left, h: 48 });
  drawValidity(sheet, { x: LEFT + left, y, w: RIGHT_COLUMN, h: 48 });
  y += 48;
  drawImporter(sheet, { x: LEFT, y, w: WIDTH / 2, h: 78 }, importer);
  drawExporter(sheet, { x: LEFT + WIDTH / 2, y, w: WIDTH / 2, h: 78 }, exporter);
  y += 78;
  drawBox(sheet, { x: LEFT, y, w: left, h: 58 }, '5', specialConditionRuns(sheet), {
    size: 7.5,
    minSize: 4.5,
  });
  drawPurposeAndStamp(sheet, { x: LEFT + left, y, w: RIGHT_COLUMN, h: 58 });
  y += 58;
  drawManagementAuthority(sheet, { x: LEFT, y, w: WIDTH - QR_CELL.w, h: QR_CELL.h });
  drawVerification(sheet, { x: LEFT + WIDTH - QR_CELL.w, y, w: QR_CELL.w, h: QR_CELL.h });
  y += QR_CELL.h;
  const letters = Array.from({ length: MAIN_SHEET_BLOCKS }, (_, i) => blockLetter(i) ?? '');
  drawBlocks(sheet, y, blocks, letters);
  y += BLOCK_HEADER_HEIGHT + MAIN_SHEET_BLOCKS * BLOCK_HEIGHT;
  if (continued.length > 0) {
    const [first = '', last = ''] = [continued[0], continued.at(-1)];
    const note =
      first === last
        ? phrase(sheet, 'blockContinued', { letter: first })
        : phrase(sheet, 'blocksContinued', { first, last });
    writeRuns(pdf, [{ text: note, font: 'italic' }], { x: LEFT, y: y + 1.5, w: WIDTH, h: 9 }, { size: 6.5 });
  }
  y += 12;
  drawIssuance(sheet, { x: LEFT, y, w: WIDTH, h: ISSUANCE_HEIGHT });
  y += ISSUANCE_HEIGHT;
  drawExportFormalities(
    sheet,
    y,
    blocks.map((entry) => entry.letter),
  );
}

function drawContinuationSheet(
  sheet: Sheet,
  blocks: readonly LetteredBlock<SpecimenBlock>[],
  number: number,
  count: number,
): void {
  const left = WIDTH - QR_CELL.w;
  let y = 22 + HEADER_HEIGHT;
  drawHeader(sheet);
  drawPermitNumber(sheet, { x: LEFT, y, w: left, h: 48 });
  drawVerification(sheet, { x: LEFT + left, y, w: QR_CELL.w, h: QR_CELL.h });
  const heading = phrase(sheet, 'continuationSheet', { sheet: number, sheets: count });
  const [headingCell, validity] = splitRow({ x: LEFT, y: y + 48, w: left, h: QR_CELL.h - 48 }, [
    left - 130,
  ]) as [Rect, Rect];
  drawBox(sheet, headingCell, undefined, [{ text: heading, font: 'bold' }], { size: 12, minSize: 7 });
  drawValidity(sheet, validity);
  y += QR_CELL.h;
  // A continuation sheet holds as many rows as it has blocks: its blocks are lettered on from E.
  const letters = blocks.map((entry) => entry.letter);
  const rows = Math.max(letters.length, 1);
  drawBlocks(sheet, y, blocks, letters);
  y += BLOCK_HEADER_HEIGHT + rows * BLOCK_HEIGHT + 12;
  drawIssuance(sheet, { x: LEFT, y, w: WIDTH, h: ISSUANCE_HEIGHT });
  y += ISSUANCE_HEIGHT;
  drawExportFormalities(sheet, y, letters);
}

function finishPage(sheet: Sheet, page: number): void {
  drawFooter(sheet, page);
  if (sheet.document.isCopy) drawCopyMark(sheet);
}

function creationDateOf(document: PermitDocument): Date {
  const date = new Date(`${document.issuance.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Box 13 date is not an ISO date: ${JSON.stringify(document.issuance.date)}`);
  }
  return date;
}

function collect(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

/**
 * The permit as an A4 PDF in one of the working languages: the main sheet with boxes 1 to 15 and blocks
 * A to D, then a continuation sheet per further four blocks. Every sheet carries the permit number, its
 * page number and the QR code of `verificationUrl` with the URL printed under it; a copy is marked as
 * such across every sheet. The PDF's creation date is the issue date, so the same document renders to
 * the same bytes.
 */
export async function renderPermitPdf(document: PermitDocument, options: PermitPdfOptions): Promise<Buffer> {
  const layout = layoutSheets(document.specimens);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: options.language,
    info: {
      Title: document.permitNumber,
      Subject: DOCUMENT_TITLES[document.documentType][options.language],
      Author: document.managementAuthority.name,
      CreationDate: creationDateOf(document),
    },
  });
  const output = collect(pdf);
  const sheet: Sheet = {
    pdf,
    language: options.language,
    document,
    qr: createQrCode(options.verificationUrl, { errorCorrectionLevel: 'M' }),
    verificationUrl: options.verificationUrl,
    pages: 1 + layout.continuationSheets.length,
  };
  const continued = layout.continuationSheets.flat().map((entry) => entry.letter);
  drawMainSheet(sheet, layout.mainSheet, continued);
  finishPage(sheet, 1);
  layout.continuationSheets.forEach((blocks, i) => {
    pdf.addPage({ size: 'A4', margin: 0 });
    drawContinuationSheet(sheet, blocks, i + 1, layout.continuationSheets.length);
    finishPage(sheet, i + 2);
  });
  pdf.end();
  return output;
}
