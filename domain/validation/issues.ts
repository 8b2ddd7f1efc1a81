import type { LocalizedText } from '../codes/types';
import { OBSTACLE_MESSAGES, type ObstacleCode } from '../convention/obstacles';

/** The checks an application or a report row can fail, as stable codes. */
export const VALIDATION_CODES = [
  'required',
  'invalid-date',
  'date-in-future',
  'invalid-year',
  'not-a-number',
  'unknown-country',
  'exporter-is-importer',
  'exporter-is-origin',
  'origin-on-direct-export',
  're-export-origin-country-required',
  're-export-origin-permit-required',
  'last-re-export-is-exporter',
  'last-re-export-certificate-required',
  'no-blocks',
  'unknown-appendix',
  'species-not-listed',
  'appendix-mismatch',
  'unknown-kingdom',
  'unknown-term',
  'unknown-unit',
  'term-unit-not-allowed',
  'quantity-not-positive',
  'quantity-not-whole',
  'unknown-source',
  'source-not-for-kingdom',
  'underlying-source-required',
  'underlying-source-invalid',
  'source-reason-required',
  'unknown-purpose',
  'term-purpose-not-allowed',
  'unknown-taxon',
  'term-not-for-taxon',
  'outside-range',
] as const;

/** A check of its own (see {@link VALIDATION_CODES}), or a Convention obstacle the trade runs into. */
export type ValidationCode = (typeof VALIDATION_CODES)[number] | `convention:${ObstacleCode}`;

/** Values a message names, e.g. `{ declared: 'II', listed: 'I' }`. */
export type IssueParams = Readonly<Record<string, string>>;

/** One failed check: where (a JSON pointer into the checked object), what (a stable code) and why. */
export interface ValidationIssue {
  /** JSON pointer (RFC 6901) of the field, e.g. `/blocks/0/source`. */
  readonly path: string;
  readonly code: ValidationCode;
  readonly message: LocalizedText;
  readonly params?: IssueParams;
}

/** A JSON pointer from path segments, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

type Template = LocalizedText | ((p: IssueParams) => LocalizedText);

const KINGDOM_WORDS: Readonly<Record<string, LocalizedText>> = {
  Animalia: { en: 'animals', fr: 'des animaux', es: 'animales' },
  Plantae: { en: 'plants', fr: 'des plantes', es: 'plantas' },
};

const MESSAGES: Readonly<Record<(typeof VALIDATION_CODES)[number], Template>> = {
  required: {
    en: 'This field is required.',
    fr: 'Ce champ est obligatoire.',
    es: 'Este campo es obligatorio.',
  },
  'invalid-date': (p) => ({
    en: `"${p.value}" is not a date (YYYY-MM-DD).`,
    fr: `« ${p.value} » n'est pas une date (AAAA-MM-JJ).`,
    es: `«${p.value}» no es una fecha (AAAA-MM-DD).`,
  }),
  'date-in-future': (p) => ({
    en: `The date ${p.value} is in the future.`,
    fr: `La date du ${p.value} est dans le futur.`,
    es: `La fecha ${p.value} está en el futuro.`,
  }),
  'invalid-year': (p) => ({
    en: `"${p.value}" is not a four-digit year.`,
    fr: `« ${p.value} » n'est pas une année à quatre chiffres.`,
    es: `«${p.value}» no es un año de cuatro cifras.`,
  }),
  'not-a-number': (p) => ({
    en: `"${p.value}" is not a number.`,
    fr: `« ${p.value} » n'est pas un nombre.`,
    es: `«${p.value}» no es un número.`,
  }),
  'unknown-country': (p) => ({
    en: `"${p.value}" is not a known country code.`,
    fr: `« ${p.value} » n'est pas un code pays connu.`,
    es: `«${p.value}» no es un código de país conocido.`,
  }),
  'exporter-is-importer': {
    en: 'The country of import must differ from the country of export.',
    fr: "Le pays d'importation doit être différent du pays d'exportation.",
    es: 'El país de importación debe ser distinto del país de exportación.',
  },
  'exporter-is-origin': {
    en: 'The country of origin must differ from the country of export; leave it empty for specimens that originate in the exporting country.',
    fr: "Le pays d'origine doit être différent du pays d'exportation ; laissez-le vide pour des spécimens originaires du pays d'exportation.",
    es: 'El país de origen debe ser distinto del país de exportación; déjelo vacío para especímenes originarios del país de exportación.',
  },
  'origin-on-direct-export': {
    en: 'Specimens that originate in another country leave under a re-export certificate, not an export permit.',
    fr: "Des spécimens originaires d'un autre pays sortent sous certificat de réexportation, et non sous permis d'exportation.",
    es: 'Los especímenes originarios de otro país salen con un certificado de reexportación, no con un permiso de exportación.',
  },
  're-export-origin-country-required': {
    en: 'A re-export needs the country of origin (Box 12).',
    fr: "Une réexportation exige le pays d'origine (case 12).",
    es: 'Una reexportación requiere el país de origen (casilla 12).',
  },
  're-export-origin-permit-required': {
    en: 'A re-export needs the number of the permit from the country of origin (Box 12).',
    fr: "Une réexportation exige le numéro du permis du pays d'origine (case 12).",
    es: 'Una reexportación requiere el número del permiso del país de origen (casilla 12).',
  },
  'last-re-export-is-exporter': {
    en: 'The country of last re-export must differ from the country of export.',
    fr: "Le pays de dernière réexportation doit être différent du pays d'exportation.",
    es: 'El país de última reexportación debe ser distinto del país de exportación.',
  },
  'last-re-export-certificate-required': {
    en: 'Give the number of the certificate of the country of last re-export (Box 12a).',
    fr: 'Indiquez le numéro du certificat du pays de dernière réexportation (case 12a).',
    es: 'Indique el número del certificado del país de última reexportación (casilla 12a).',
  },
  'no-blocks': {
    en: 'Describe at least one specimen.',
    fr: 'Décrivez au moins un spécimen.',
    es: 'Describa al menos un espécimen.',
  },
  'unknown-appendix': (p) => ({
    en: `"${p.value}" is not an Appendix (I, II or III).`,
    fr: `« ${p.value} » n'est pas une Annexe (I, II ou III).`,
    es: `«${p.value}» no es un Apéndice (I, II o III).`,
  }),
  'species-not-listed': {
    en: 'The species is not listed in the CITES Appendices.',
    fr: "L'espèce n'est pas inscrite aux Annexes de la CITES.",
    es: 'La especie no está incluida en los Apéndices de la CITES.',
  },
  'appendix-mismatch': (p) => ({
    en: `The species (or its population) is listed in Appendix ${p.listed}, not Appendix ${p.declared}.`,
    fr: `L'espèce (ou sa population) est inscrite à l'Annexe ${p.listed}, et non à l'Annexe ${p.declared}.`,
    es: `La especie (o su población) está incluida en el Apéndice ${p.listed}, no en el Apéndice ${p.declared}.`,
  }),
  'unknown-kingdom': (p) => ({
    en: `"${p.value}" is not a kingdom (Animalia or Plantae).`,
    fr: `« ${p.value} » n'est pas un règne (Animalia ou Plantae).`,
    es: `«${p.value}» no es un reino (Animalia o Plantae).`,
  }),
  'unknown-term': (p) => ({
    en: `"${p.value}" is not a CITES term code.`,
    fr: `« ${p.value} » n'est pas un code de description CITES.`,
    es: `«${p.value}» no es un código de descripción CITES.`,
  }),
  'unknown-unit': (p) => ({
    en: `"${p.value}" is not a CITES unit code.`,
    fr: `« ${p.value} » n'est pas un code d'unité CITES.`,
    es: `«${p.value}» no es un código de unidad CITES.`,
  }),
  'term-unit-not-allowed': (p) => ({
    en: p.unit
      ? `Specimens described as ${p.term} are not counted in ${p.unit}.`
      : `Specimens described as ${p.term} are not counted by number; give a unit.`,
    fr: p.unit
      ? `Les spécimens décrits comme ${p.term} ne se comptent pas en ${p.unit}.`
      : `Les spécimens décrits comme ${p.term} ne se comptent pas en nombre ; indiquez une unité.`,
    es: p.unit
      ? `Los especímenes descritos como ${p.term} no se cuentan en ${p.unit}.`
      : `Los especímenes descritos como ${p.term} no se cuentan por número; indique una unidad.`,
  }),
  'quantity-not-positive': {
    en: 'The quantity must be greater than zero.',
    fr: 'La quantité doit être supérieure à zéro.',
    es: 'La cantidad debe ser mayor que cero.',
  },
  'quantity-not-whole': {
    en: 'A number of specimens is a whole number.',
    fr: 'Un nombre de spécimens est un nombre entier.',
    es: 'Un número de especímenes es un número entero.',
  },
  'unknown-source': (p) => ({
    en: `"${p.value}" is not a CITES source code.`,
    fr: `« ${p.value} » n'est pas un code de source CITES.`,
    es: `«${p.value}» no es un código de origen CITES.`,
  }),
  'source-not-for-kingdom': (p) => {
    const kingdom = KINGDOM_WORDS[p.kingdom ?? ''] ?? { en: p.kingdom, fr: p.kingdom, es: p.kingdom };
    return {
      en: `Source ${p.source} cannot be used for ${kingdom.en}.`,
      fr: `La source ${p.source} ne peut pas être utilisée pour ${kingdom.fr}.`,
      es: `El origen ${p.source} no puede utilizarse para ${kingdom.es}.`,
    };
  },
  'underlying-source-required': (p) => ({
    en: `With source ${p.source}, also give the source the specimen had before (e.g. W or C).`,
    fr: `Avec la source ${p.source}, indiquez aussi la source d'origine du spécimen (p. ex. W ou C).`,
    es: `Con el origen ${p.source}, indique también el origen anterior del espécimen (p. ej. W o C).`,
  }),
  'underlying-source-invalid': (p) => ({
    en: `"${p.value}" cannot be the underlying source here.`,
    fr: `« ${p.value} » ne peut pas être la source d'origine ici.`,
    es: `«${p.value}» no puede ser el origen anterior aquí.`,
  }),
  'source-reason-required': {
    en: 'Explain why the source is unknown.',
    fr: 'Expliquez pourquoi la source est inconnue.',
    es: 'Explique por qué el origen es desconocido.',
  },
  'unknown-purpose': (p) => ({
    en: `"${p.value}" is not a CITES purpose code.`,
    fr: `« ${p.value} » n'est pas un code de but CITES.`,
    es: `«${p.value}» no es un código de propósito CITES.`,
  }),
  'term-purpose-not-allowed': (p) => ({
    en: `${p.term} may not be reported with purpose ${p.purpose}.`,
    fr: `${p.term} ne peut pas être déclaré avec le but ${p.purpose}.`,
    es: `${p.term} no puede declararse con el propósito ${p.purpose}.`,
  }),
  'unknown-taxon': (p) => ({
    en: `"${p.value}" is not a name in the CITES checklist.`,
    fr: `« ${p.value} » n'est pas un nom de la liste CITES.`,
    es: `«${p.value}» no es un nombre de la lista CITES.`,
  }),
  'term-not-for-taxon': (p) => ({
    en: `${p.term} is not a term reported for ${p.taxon}.`,
    fr: `${p.term} n'est pas une description déclarée pour ${p.taxon}.`,
    es: `${p.term} no es una descripción que se declare para ${p.taxon}.`,
  }),
  'outside-range': (p) => ({
    en: `${p.country} is not a range State of ${p.taxon}, yet the specimens are wild.`,
    fr: `${p.country} n'est pas un État de l'aire de répartition de ${p.taxon}, alors que les spécimens sont sauvages.`,
    es: `${p.country} no es un Estado del área de distribución de ${p.taxon}, y sin embargo los especímenes son silvestres.`,
  }),
};

/** Build an issue with its message in the three languages. */
export function issue(path: string, code: ValidationCode, params?: IssueParams): ValidationIssue {
  let message: LocalizedText;
  if (code.startsWith('convention:')) {
    message = OBSTACLE_MESSAGES[code.slice('convention:'.length) as ObstacleCode];
  } else {
    const template = MESSAGES[code as (typeof VALIDATION_CODES)[number]];
    message = typeof template === 'function' ? template(params ?? {}) : template;
  }
  return params === undefined ? { path, code, message } : { path, code, message, params };
}
