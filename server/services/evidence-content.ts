/**
 * What an evidence file may be: the rules the upload service applies before storing anything,
 * kept free of I/O so that they can be tested on their own.
 */

/** The largest evidence file accepted: a scanned certificate or a few photographs. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The longest file name kept, in characters. */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * The accepted types with the bytes every such file starts with. Browsers and scanners disagree
 * about types, but the first bytes do not lie: a file that claims to be a PDF must be one, so
 * that officers never open an executable or HTML page served under a harmless type.
 */
const MAGIC_BYTES = {
  'application/pdf': Buffer.from('%PDF-', 'latin1'),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
} as const;

export type EvidenceMime = keyof typeof MAGIC_BYTES;

export const EVIDENCE_MIMES = Object.keys(MAGIC_BYTES) as EvidenceMime[];

export function isEvidenceMime(mime: string): mime is EvidenceMime {
  return Object.hasOwn(MAGIC_BYTES, mime);
}

/** Whether the content starts the way every file of the declared type does. */
export function startsWithMagicBytes(mime: EvidenceMime, bytes: Uint8Array): boolean {
  const magic = MAGIC_BYTES[mime];
  return bytes.length >= magic.length && magic.equals(bytes.subarray(0, magic.length));
}

// Control characters, and the bidirectional overrides that make "gpj.exe" display as "exe.jpg".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters some file systems refuse; a downloaded copy must be savable anywhere.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * The name a file is kept and offered for download under, from the name the applicant's device
 * gave: only its last path segment (some browsers send C:\fakepath\scan.pdf), no control or
 * direction characters, no leading dots, at most 200 characters with the extension kept.
 * Undefined when nothing usable is left.
 */
export function sanitiseFileName(given: string): string | undefined {
  const lastSegment = given.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  if (cleaned === '') return undefined;
  return shortened(cleaned);
}

/** Cuts by code points, never through a surrogate pair, and keeps a short extension. */
function shortened(name: string): string {
  const characters = [...name];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;
  const extension = /\.[^.\s]{1,10}$/.exec(name)?.[0] ?? '';
  const extensionLength = [...extension].length;
  return (
    characters
      .slice(0, MAX_FILE_NAME_LENGTH - extensionLength)
      .join('')
      .trimEnd() + extension
  );
}
