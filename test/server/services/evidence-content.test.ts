import {
  isEvidenceMime,
  MAX_FILE_NAME_LENGTH,
  sanitiseFileName,
  startsWithMagicBytes,
  type EvidenceMime,
} from '../../../server/services/evidence-content';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(
    values.map((value) => (typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from([value]))),
  );

const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);

describe('the content of an evidence file must be of its declared type', () => {
  it.each<[string, EvidenceMime, Buffer, boolean]>([
    ['a PDF', 'application/pdf', bytes('%PDF-1.7\n%\xe2\xe3'), true],
    ['a PDF with nothing after its header', 'application/pdf', bytes('%PDF-'), true],
    ['a PNG', 'image/png', Buffer.concat([PNG, bytes(0, 0, 0, 13, 'IHDR')]), true],
    ['a JPEG (JFIF)', 'image/jpeg', JPEG, true],
    ['a JPEG (Exif)', 'image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe1), true],
    ['a PNG declared as a PDF', 'application/pdf', PNG, false],
    ['a PDF declared as a PNG', 'image/png', bytes('%PDF-1.4'), false],
    ['a PDF declared as a JPEG', 'image/jpeg', bytes('%PDF-1.4'), false],
    ['HTML declared as a PDF', 'application/pdf', bytes('<html><script>'), false],
    ['a Windows executable declared as a JPEG', 'image/jpeg', bytes('MZ', 0x90, 0), false],
    ['a PDF header lower-cased', 'application/pdf', bytes('%pdf-1.7'), false],
    ['a PDF header not at the start', 'application/pdf', bytes(' %PDF-1.7'), false],
    ['a PNG signature cut short', 'image/png', PNG.subarray(0, 7), false],
    [
      'a PNG signature with a text-mode line ending',
      'image/png',
      bytes(0x89, 'PNG', 0x0a, 0x1a, 0x0a, 0),
      false,
    ],
    ['two bytes of a JPEG', 'image/jpeg', JPEG.subarray(0, 2), false],
    ['an empty file', 'application/pdf', Buffer.alloc(0), false],
  ])('%s → %s', (_what, mime, content, accepted) => {
    expect(startsWithMagicBytes(mime, content)).toBe(accepted);
  });

  it.each([
    ['application/pdf', true],
    ['image/png', true],
    ['image/jpeg', true],
    ['image/jpg', false],
    ['image/gif', false],
    ['application/octet-stream', false],
    ['text/html', false],
    ['APPLICATION/PDF', false],
    ['toString', false],
    ['__proto__', false],
    ['', false],
  ])('accepts %j as an evidence type: %s', (mime, accepted) => {
    expect(isEvidenceMime(mime)).toBe(accepted);
  });
});

describe('evidence file names are safe to keep and to offer for download', () => {
  it.each<[string, string | undefined]>([
    ['CITES permit 2026.pdf', 'CITES permit 2026.pdf'],
    ['Pangolin_Manis_temminckii.jpeg', 'Pangolin_Manis_temminckii.jpeg'],
    ['Certificat d’origine – Kénya.pdf', 'Certificat d’origine – Kénya.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\config', 'config'],
    ['C:\\fakepath\\scan.pdf', 'scan.pdf'],
    ['/var/evidence/', undefined],
    ['..', undefined],
    ['.hidden.pdf', 'hidden.pdf'],
    ['scan\r\nSet-Cookie: x=1.pdf', 'scan Set-Cookie_ x=1.pdf'],
    ['null\u0000byte.pdf', 'nullbyte.pdf'],
    ['bell\u0007and\u007fdelete\u0085.png', 'bellanddelete.png'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['quote"s <and> pipes|?*.pdf', 'quote_s _and_ pipes___.pdf'],
    ['  tabs\tand   spaces  .pdf  ', 'tabs and spaces .pdf'],
    ['e\u0301le\u0301phant.png', 'éléphant.png'],
    ['', undefined],
    ['   ', undefined],
    ['\u0000\u0001', undefined],
  ])('%j → %j', (given, kept) => {
    expect(sanitiseFileName(given)).toBe(kept);
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const kept = sanitiseFileName(`${'a'.repeat(300)}.pdf`)!;
    expect([...kept]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(kept).toBe(`${'a'.repeat(196)}.pdf`);
  });

  it('shortens by characters, never splitting one in two', () => {
    const kept = sanitiseFileName(`${'🦔'.repeat(250)}.jpeg`)!;
    expect([...kept]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(kept).toBe(`${'🦔'.repeat(195)}.jpeg`);
    // A lone half of a surrogate pair would not survive encoding as UTF-8.
    expect(Buffer.from(kept, 'utf8').toString('utf8')).toBe(kept);
  });

  it('keeps a name of exactly 200 characters as it is, and cuts one without an extension', () => {
    expect(sanitiseFileName('b'.repeat(200))).toBe('b'.repeat(200));
    expect(sanitiseFileName('c'.repeat(201))).toBe('c'.repeat(200));
  });
});
