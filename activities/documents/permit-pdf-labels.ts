/**
 * The printed words of the CITES permit in the three working languages, as data. Box titles follow the
 * standard form of Res. Conf. 12.3 (Annex 2) in its English, French and Spanish versions, shortened where
 * the form's own notes ("see reverse") point to text the printout does not carry.
 */
import type { LocalizedText } from '../../domain/codes/types';
import type { FormCategory } from '../../domain/documents/document-types';
import type { MarkType, Replacement, SpecimenDescription } from '../../domain/documents/model';

/** The boxes of the standard form, numbered as printed on paper. */
export type BoxNumber =
  | '1'
  | '2'
  | '3'
  | '3a'
  | '4'
  | '5'
  | '5a'
  | '5b'
  | '6'
  | '7/8'
  | '9'
  | '10'
  | '11'
  | '11a'
  | '12'
  | '12a'
  | '12b'
  | '13'
  | '14'
  | '15';

/** The heading every CITES document carries above Box 1. */
export const CONVENTION_TITLE: LocalizedText = {
  en: 'CONVENTION ON INTERNATIONAL TRADE IN ENDANGERED SPECIES OF WILD FAUNA AND FLORA',
  fr: "CONVENTION SUR LE COMMERCE INTERNATIONAL DES ESPÈCES DE FAUNE ET DE FLORE SAUVAGES MENACÉES D'EXTINCTION",
  es: 'CONVENCIÓN SOBRE EL COMERCIO INTERNACIONAL DE ESPECIES AMENAZADAS DE FAUNA Y FLORA SILVESTRES',
};

/** The title of each box. */
export const BOX_TITLES: Readonly<Record<BoxNumber, LocalizedText>> = {
  '1': { en: 'Permit/certificate', fr: 'Permis/certificat', es: 'Permiso/certificado' },
  '2': { en: 'Valid until', fr: "Valable jusqu'au", es: 'Válido hasta el' },
  '3': {
    en: 'Importer (name and address)',
    fr: 'Importateur (nom et adresse)',
    es: 'Importador (nombre y dirección)',
  },
  '3a': { en: 'Country of import', fr: "Pays d'importation", es: 'País de importación' },
  '4': {
    en: 'Exporter/re-exporter (name, address and country)',
    fr: 'Exportateur/réexportateur (nom, adresse et pays)',
    es: 'Exportador/reexportador (nombre, dirección y país)',
  },
  '5': { en: 'Special conditions', fr: 'Conditions spéciales', es: 'Condiciones especiales' },
  '5a': {
    en: 'Purpose of the transaction',
    fr: 'But de la transaction',
    es: 'Propósito de la transacción',
  },
  '5b': {
    en: 'Security stamp No.',
    fr: 'N° du timbre de sécurité',
    es: 'N° de la estampilla de seguridad',
  },
  '6': {
    en: 'Name, address, national seal/stamp and country of Management Authority',
    fr: "Nom, adresse, sceau/cachet national et pays de l'organe de gestion",
    es: 'Nombre, dirección, sello/timbre nacional y país de la Autoridad Administrativa',
  },
  '7/8': {
    en: 'Scientific name (genus and species) and common name of animal or plant',
    fr: "Nom scientifique (genre et espèce) et nom commun de l'animal ou de la plante",
    es: 'Nombre científico (género y especie) y nombre común del animal o planta',
  },
  '9': {
    en: 'Description of specimens, including identifying marks or numbers (age/sex if live)',
    fr: "Description des spécimens, y compris les marques ou numéros d'identification (âge/sexe s'ils sont vivants)",
    es: 'Descripción de los especímenes, incluidas las marcas o números de identificación (edad/sexo si vivos)',
  },
  '10': { en: 'Appendix No. and source', fr: 'Annexe N° et source', es: 'Apéndice N° y origen' },
  '11': {
    en: 'Quantity (including unit)',
    fr: "Quantité (y compris l'unité)",
    es: 'Cantidad (incluida la unidad)',
  },
  '11a': { en: 'Total exported/Quota', fr: 'Total exporté/Quota', es: 'Total exportado/Cupo' },
  '12': { en: 'Country of origin', fr: "Pays d'origine", es: 'País de origen' },
  '12a': {
    en: 'Country of last re-export',
    fr: 'Pays de la dernière réexportation',
    es: 'País de la última reexportación',
  },
  '12b': {
    en: 'No. of the operation or date of acquisition',
    fr: "N° de l'établissement ou date d'acquisition",
    es: 'N° de la operación o fecha de adquisición',
  },
  '13': {
    en: 'This permit/certificate is issued by',
    fr: 'Ce permis/certificat est délivré par',
    es: 'Este permiso/certificado ha sido expedido por',
  },
  '14': { en: 'Export endorsement', fr: "Visa d'exportation", es: 'Refrendo de la exportación' },
  '15': {
    en: 'Bill of lading/Air waybill number',
    fr: 'Connaissement/N° de la lettre de transport aérien',
    es: 'N° del conocimiento de embarque/carta de porte aéreo',
  },
};

/** The Box 1 tick-boxes. */
export const FORM_CATEGORY_LABELS: Readonly<Record<FormCategory, LocalizedText>> = {
  export: { en: 'EXPORT', fr: 'EXPORTATION', es: 'EXPORTACIÓN' },
  're-export': { en: 'RE-EXPORT', fr: 'RÉEXPORTATION', es: 'REEXPORTACIÓN' },
  import: { en: 'IMPORT', fr: 'IMPORTATION', es: 'IMPORTACIÓN' },
  other: { en: 'OTHER', fr: 'AUTRE', es: 'OTRO' },
};

/** Why a replacement document was issued (Box 5). */
export const REPLACEMENT_REASONS: Readonly<Record<Replacement['reason'], LocalizedText>> = {
  cancelled: { en: 'cancelled', fr: 'annulé', es: 'anulado' },
  lost: { en: 'lost', fr: 'perdu', es: 'extraviado' },
  stolen: { en: 'stolen', fr: 'volé', es: 'robado' },
  destroyed: { en: 'destroyed', fr: 'détruit', es: 'destruido' },
  expired: { en: 'expired', fr: 'expiré', es: 'caducado' },
  other: { en: 'other', fr: 'autre', es: 'otro' },
};

/** The kinds of identifying mark (Box 9). */
export const MARK_TYPE_LABELS: Readonly<Record<MarkType, LocalizedText>> = {
  microchip: { en: 'microchip', fr: 'puce électronique', es: 'microchip' },
  ring: { en: 'ring', fr: 'bague', es: 'anilla' },
  tag: { en: 'tag', fr: 'marque', es: 'marca' },
  label: { en: 'label', fr: 'étiquette', es: 'etiqueta' },
  other: { en: 'other mark', fr: 'autre marque', es: 'otra marca' },
};

/** The sex of live specimens (Box 9). */
export const SEX_LABELS: Readonly<Record<NonNullable<SpecimenDescription['sex']>, LocalizedText>> = {
  male: { en: 'male', fr: 'mâle', es: 'macho' },
  female: { en: 'female', fr: 'femelle', es: 'hembra' },
  unknown: { en: 'sex unknown', fr: 'sexe inconnu', es: 'sexo desconocido' },
};

/**
 * The other words of the printout. `{name}` marks where a value goes; the renderer fills them in, so a
 * translation may move the value within the sentence.
 */
export const PERMIT_PHRASES = {
  originalNumber: { en: 'Original No.', fr: 'N° original', es: 'N° original' },
  copy: { en: 'COPY', fr: 'COPIE', es: 'COPIA' },
  validFrom: { en: 'valid from {date}', fr: 'valable à partir du {date}', es: 'válido desde el {date}' },
  continuationSheet: {
    en: 'Continuation sheet {sheet} of {sheets}',
    fr: 'Feuille complémentaire {sheet} sur {sheets}',
    es: 'Hoja complementaria {sheet} de {sheets}',
  },
  blockContinued: {
    en: 'Block {letter} is on the continuation sheet.',
    fr: 'Le bloc {letter} figure sur la feuille complémentaire.',
    es: 'El bloque {letter} figura en la hoja complementaria.',
  },
  blocksContinued: {
    en: 'Blocks {first} to {last} are on the continuation sheets.',
    fr: 'Les blocs {first} à {last} figurent sur les feuilles complémentaires.',
    es: 'Los bloques {first} a {last} figuran en las hojas complementarias.',
  },
  page: { en: 'Page {page} of {pages}', fr: 'Page {page} sur {pages}', es: 'Página {page} de {pages}' },
  replaces: {
    en: 'Replaces permit No. {number} — reason: {reason}',
    fr: 'Remplace le permis N° {number} — motif : {reason}',
    es: 'Reemplaza el permiso N° {number} — motivo: {reason}',
  },
  signedElectronically: {
    en: 'Signed electronically, key {keyId}',
    fr: 'Signé électroniquement, clé {keyId}',
    es: 'Firmado electrónicamente, clave {keyId}',
  },
  placeOfIssue: { en: 'Place: {place}', fr: 'Lieu : {place}', es: 'Lugar: {place}' },
  dateOfIssue: { en: 'Date: {date}', fr: 'Date : {date}', es: 'Fecha: {date}' },
  date: { en: 'Date', fr: 'Date', es: 'Fecha' },
  stampAndSignature: {
    en: 'Security stamp, signature and official seal',
    fr: 'Timbre de sécurité, signature et sceau/cachet officiel',
    es: 'Estampilla de seguridad, firma y sello oficial',
  },
  block: { en: 'Block', fr: 'Bloc', es: 'Bloque' },
  quantity: { en: 'Quantity', fr: 'Quantité', es: 'Cantidad' },
  portOfExport: { en: 'Port of export', fr: "Port d'exportation", es: 'Puerto de exportación' },
  officer: {
    en: 'Signature, official stamp and title',
    fr: 'Signature, sceau/cachet officiel et titre',
    es: 'Firma, sello y título oficiales',
  },
  stamp: { en: 'stamp {stamp}', fr: 'cachet {stamp}', es: 'sello {stamp}' },
  permitNumber: { en: 'Permit No.', fr: 'Permis N°', es: 'Permiso N°' },
  certificateNumber: { en: 'Certificate No.', fr: 'Certificat N°', es: 'Certificado N°' },
  operationNumber: {
    en: 'Operation No. {number}',
    fr: 'Établissement N° {number}',
    es: 'Operación N° {number}',
  },
  acquiredOn: { en: 'Acquired {date}', fr: 'Acquis le {date}', es: 'Adquirido el {date}' },
  age: { en: 'age {age}', fr: 'âge {age}', es: 'edad {age}' },
  sourceBefore: { en: 'before: {source}', fr: 'avant : {source}', es: 'antes: {source}' },
  sourceReason: { en: 'reason: {reason}', fr: 'motif : {reason}', es: 'motivo: {reason}' },
  quotaYear: { en: 'quota year {year}', fr: 'année de quota {year}', es: 'año del cupo {year}' },
  registrationNumber: {
    en: 'Reg. No. {number}',
    fr: "N° d'enregistrement {number}",
    es: 'N° de registro {number}',
  },
  postOfficeBox: { en: 'P.O. Box {box}', fr: 'B.P. {box}', es: 'Apartado {box}' },
  vessel: { en: 'Vessel: {name} ({flag})', fr: 'Navire : {name} ({flag})', es: 'Buque: {name} ({flag})' },
  exhibition: { en: 'Exhibition: {name}', fr: 'Exposition : {name}', es: 'Exhibición: {name}' },
} as const satisfies Record<string, LocalizedText>;

/** The name of one of {@link PERMIT_PHRASES}. */
export type PermitPhrase = keyof typeof PERMIT_PHRASES;
