import type { CountryCode, DocumentType, LocalizedText } from './codes/types';

/**
 * The suffix that ends a permit number and names the document. E, R, I and M are the letters of the
 * French numbers in the Trade Database's sample uploads (`FR1007533178-E`, `FR1107539121-R`,
 * `FR1330592445-M` for an introduction from the sea); the others are one letter each so that the number
 * alone tells the document type back.
 */
export const DOCUMENT_SUFFIX: Readonly<Record<DocumentType, string>> = {
  export: 'E',
  're-export': 'R',
  import: 'I',
  'introduction-from-the-sea': 'M',
  'certificate-of-origin': 'O',
  'pre-convention': 'P',
  'captive-breeding': 'C',
  'artificial-propagation': 'A',
  'travelling-exhibition': 'T',
  ownership: 'W',
};

const DOCUMENT_BY_SUFFIX: ReadonlyMap<string, DocumentType> = new Map(
  (Object.entries(DOCUMENT_SUFFIX) as [DocumentType, string][]).map(([type, suffix]) => [suffix, type]),
);

/** The longest control number the WCO-based e-permit schema carries (an..35). */
export const PERMIT_NUMBER_MAX_LENGTH = 35;

/** Digits the serial is padded to; larger serials simply take more digits. */
export const DEFAULT_SERIAL_DIGITS = 6;

/** The characters that survive the WCO schema and Trade Database uploads. */
const ALLOWED_CHARACTERS = /^[A-Z0-9/-]+$/;
const PERMIT_NUMBER = /^([A-Z]{2})(\d{2})(\d+)-([A-Z])$/;

/** The parts of a Pangolin permit number: issuing Party, year of issue, serial and document type. */
export interface PermitNumberParts {
  /** ISO 3166-1 alpha-2 code of the issuing Party. */
  readonly party: CountryCode;
  /** Four-digit year of issue; the number holds its last two digits, so 2000–2099. */
  readonly year: number;
  /** The serial from the store's sequence for (party, year); a positive whole number. */
  readonly serial: number;
  readonly documentType: DocumentType;
  /** Width the serial is zero-padded to; default {@link DEFAULT_SERIAL_DIGITS}. */
  readonly serialDigits?: number;
}

/** Why a permit number could not be formatted or parsed. */
export type PermitNumberErrorCode =
  | 'invalid-party'
  | 'invalid-year'
  | 'invalid-serial'
  | 'empty'
  | 'too-long'
  | 'invalid-characters'
  | 'malformed'
  | 'unknown-suffix';

/** A refusal with a stable code and an explanation in each CITES language. */
export interface PermitNumberError {
  readonly code: PermitNumberErrorCode;
  readonly message: LocalizedText;
}

/** The value, or why there is none. */
export type PermitNumberResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PermitNumberError };

function fail<T>(code: PermitNumberErrorCode, message: LocalizedText): PermitNumberResult<T> {
  return { ok: false, error: { code, message } };
}

/**
 * `FR25000123-E`: ISO 3166-1 alpha-2 code of the Party, last two digits of the year, the zero-padded
 * serial, a hyphen and the document suffix ({@link DOCUMENT_SUFFIX}). The serial comes from the store, so
 * the function stays pure.
 */
export function formatPermitNumber(parts: PermitNumberParts): PermitNumberResult<string> {
  const { party, year, serial, documentType } = parts;
  const serialDigits = parts.serialDigits ?? DEFAULT_SERIAL_DIGITS;
  if (!/^[A-Z]{2}$/.test(party)) {
    return fail('invalid-party', {
      en: `"${party}" is not a two-letter upper-case country code.`,
      fr: `« ${party} » n'est pas un code pays de deux lettres majuscules.`,
      es: `«${party}» no es un código de país de dos letras mayúsculas.`,
    });
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2099) {
    return fail('invalid-year', {
      en: `The year ${year} cannot be written with two digits (2000–2099).`,
      fr: `L'année ${year} ne peut pas s'écrire sur deux chiffres (2000–2099).`,
      es: `El año ${year} no puede escribirse con dos cifras (2000–2099).`,
    });
  }
  if (!Number.isSafeInteger(serial) || serial < 1 || !Number.isInteger(serialDigits) || serialDigits < 1) {
    return fail('invalid-serial', {
      en: `The serial must be a positive whole number (got ${serial}).`,
      fr: `Le numéro d'ordre doit être un entier positif (reçu ${serial}).`,
      es: `El número de serie debe ser un entero positivo (recibido ${serial}).`,
    });
  }
  const value = `${party}${String(year % 100).padStart(2, '0')}${String(serial).padStart(serialDigits, '0')}-${DOCUMENT_SUFFIX[documentType]}`;
  if (value.length > PERMIT_NUMBER_MAX_LENGTH) return tooLong(value);
  return { ok: true, value };
}

function tooLong<T>(value: string): PermitNumberResult<T> {
  return fail('too-long', {
    en: `A permit number has at most ${PERMIT_NUMBER_MAX_LENGTH} characters; "${value}" has ${value.length}.`,
    fr: `Un numéro de permis a au plus ${PERMIT_NUMBER_MAX_LENGTH} caractères ; « ${value} » en a ${value.length}.`,
    es: `Un número de permiso tiene como máximo ${PERMIT_NUMBER_MAX_LENGTH} caracteres; «${value}» tiene ${value.length}.`,
  });
}

/**
 * Read a number written by {@link formatPermitNumber}. Surrounding spaces and lower case are forgiven,
 * because numbers are typed in at borders; anything else must match exactly. The parts include the
 * serial's width, so formatting them gives the same number back.
 */
export function parsePermitNumber(input: string): PermitNumberResult<Required<PermitNumberParts>> {
  const value = input.trim().toUpperCase();
  if (value === '') {
    return fail('empty', {
      en: 'The permit number is empty.',
      fr: 'Le numéro de permis est vide.',
      es: 'El número de permiso está vacío.',
    });
  }
  if (value.length > PERMIT_NUMBER_MAX_LENGTH) return tooLong(value);
  if (!ALLOWED_CHARACTERS.test(value)) {
    return fail('invalid-characters', {
      en: `A permit number holds only letters A–Z, digits, "/" and "-": "${value}".`,
      fr: `Un numéro de permis ne contient que des lettres A–Z, des chiffres, « / » et « - » : « ${value} ».`,
      es: `Un número de permiso solo contiene letras A–Z, cifras, «/» y «-»: «${value}».`,
    });
  }
  const match = PERMIT_NUMBER.exec(value);
  if (!match) {
    return fail('malformed', {
      en: `"${value}" is not country code, two-digit year, serial, hyphen and document letter (e.g. FR25000123-E).`,
      fr: `« ${value} » ne suit pas le modèle code pays, année sur deux chiffres, numéro d'ordre, tiret et lettre du document (p. ex. FR25000123-E).`,
      es: `«${value}» no sigue el modelo código de país, año con dos cifras, número de serie, guion y letra del documento (p. ej. FR25000123-E).`,
    });
  }
  const [, party = '', yy = '', serialText = '', suffix = ''] = match;
  const documentType = DOCUMENT_BY_SUFFIX.get(suffix);
  if (documentType === undefined) {
    return fail('unknown-suffix', {
      en: `"-${suffix}" does not name a document type.`,
      fr: `« -${suffix} » ne désigne aucun type de document.`,
      es: `«-${suffix}» no designa ningún tipo de documento.`,
    });
  }
  const serial = Number(serialText);
  if (!Number.isSafeInteger(serial) || serial < 1) {
    return fail('invalid-serial', {
      en: `The serial of "${value}" must be a positive whole number.`,
      fr: `Le numéro d'ordre de « ${value} » doit être un entier positif.`,
      es: `El número de serie de «${value}» debe ser un entero positivo.`,
    });
  }
  return {
    ok: true,
    value: { party, year: 2000 + Number(yy), serial, documentType, serialDigits: serialText.length },
  };
}
