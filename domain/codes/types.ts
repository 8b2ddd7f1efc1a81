/**
 * The small closed vocabularies of the Convention that every other part of Pangolin names.
 * The lists with labels live beside this file; these are only the type-level names.
 */

/** The three working languages of CITES. */
export type Language = 'en' | 'fr' | 'es';

/** A text in each CITES working language. */
export type LocalizedText = Readonly<Record<Language, string>>;

/** CITES Appendices (Art. II). */
export type Appendix = 'I' | 'II' | 'III';

/** Biological kingdom as the Convention distinguishes it (animals vs plants). */
export type Kingdom = 'Animalia' | 'Plantae';

/** Purpose-of-transaction codes (Box 5a, Res. Conf. 12.3). */
export type PurposeCode = 'B' | 'E' | 'G' | 'H' | 'L' | 'M' | 'N' | 'P' | 'Q' | 'S' | 'T' | 'Z';

/** Source codes (Box 10, Res. Conf. 12.3; Y added at CoP18). */
export type SourceCode = 'W' | 'R' | 'D' | 'A' | 'C' | 'F' | 'Y' | 'I' | 'O' | 'U' | 'X';

/** The documents a Management Authority issues. */
export type DocumentType =
  | 'export'
  | 're-export'
  | 'import'
  | 'certificate-of-origin'
  | 'introduction-from-the-sea'
  | 'pre-convention'
  | 'captive-breeding'
  | 'artificial-propagation'
  | 'travelling-exhibition'
  | 'ownership';

/** ISO 3166-1 alpha-2 country code, upper case. */
export type CountryCode = string;

/** A calendar date as `YYYY-MM-DD` (no time, no zone): how the Convention's documents state dates. */
export type IsoDate = string;

/** One entry of a closed code list: the code and its label in each CITES working language. */
export interface CodeEntry<C extends string> {
  readonly code: C;
  readonly label: LocalizedText;
}
