import type { DocumentType, LocalizedText } from '../codes/types';

/** Every document type, in the order the standard form's Box 1 names them, certificates last. */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'export',
  're-export',
  'import',
  'certificate-of-origin',
  'introduction-from-the-sea',
  'pre-convention',
  'captive-breeding',
  'artificial-propagation',
  'travelling-exhibition',
  'ownership',
];

const DOCUMENT_TYPE_SET: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

/** True for one of the document types Pangolin issues (exact spelling, e.g. `'re-export'`). */
export function isDocumentType(v: unknown): v is DocumentType {
  return typeof v === 'string' && DOCUMENT_TYPE_SET.has(v);
}

/** The tick-box of Box 1 a document falls under: every certificate other than re-export is "Other". */
export type FormCategory = 'export' | 're-export' | 'import' | 'other';

/** Which Box 1 tick-box the document type ticks; for `other`, Box 1 also states {@link DOCUMENT_TITLES}. */
export function formCategory(documentType: DocumentType): FormCategory {
  switch (documentType) {
    case 'export':
    case 're-export':
    case 'import':
      return documentType;
    default:
      return 'other';
  }
}

/** The title of each document in the three working languages, as printed at the top of the form. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentType, LocalizedText>> = {
  export: { en: 'Export permit', fr: "Permis d'exportation", es: 'Permiso de exportación' },
  're-export': {
    en: 'Re-export certificate',
    fr: 'Certificat de réexportation',
    es: 'Certificado de reexportación',
  },
  import: { en: 'Import permit', fr: "Permis d'importation", es: 'Permiso de importación' },
  'certificate-of-origin': {
    en: 'Certificate of origin',
    fr: "Certificat d'origine",
    es: 'Certificado de origen',
  },
  'introduction-from-the-sea': {
    en: 'Certificate of introduction from the sea',
    fr: "Certificat d'introduction en provenance de la mer",
    es: 'Certificado de introducción procedente del mar',
  },
  'pre-convention': {
    en: 'Pre-Convention certificate',
    fr: 'Certificat pré-Convention',
    es: 'Certificado preconvención',
  },
  'captive-breeding': {
    en: 'Captive-breeding certificate',
    fr: "Certificat d'élevage en captivité",
    es: 'Certificado de cría en cautividad',
  },
  'artificial-propagation': {
    en: 'Certificate of artificial propagation',
    fr: 'Certificat de reproduction artificielle',
    es: 'Certificado de reproducción artificial',
  },
  'travelling-exhibition': {
    en: 'Travelling-exhibition certificate',
    fr: 'Certificat pour exposition itinérante',
    es: 'Certificado de exhibición itinerante',
  },
  ownership: {
    en: 'Certificate of ownership',
    fr: 'Certificat de propriété',
    es: 'Certificado de propiedad',
  },
};
