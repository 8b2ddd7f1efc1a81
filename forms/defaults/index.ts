import type { DocumentType } from '../../domain/codes/types';
import type { FormContent } from '../form-content';
import { evidenceSchema, purposeSchema, specimenBlockSchema, tradePartySchema } from './parts';

/** A national form as it ships: the Management Authority adapts it without code. */
export interface DefaultForm {
  id: string;
  documentType: DocumentType;
  content: FormContent;
}

const blocks = (originRequired: boolean) => ({
  type: 'array',
  title: 'Specimens (one block per species, description and source)',
  minItems: 1,
  maxItems: 50,
  items: specimenBlockSchema({ originRequired }),
});

const liveShipment = {
  live: { type: 'boolean', title: 'Live animals or plants' },
  transportConditions: {
    type: 'string',
    title: 'How the live specimens will be prepared and shipped',
    maxLength: 1000,
  },
};

const liveNeedsTransport = {
  if: { properties: { live: { const: true } }, required: ['live'] },
  then: { required: ['transportConditions'] },
};

const exportSchema = {
  type: 'object',
  title: 'Application for a CITES export permit',
  required: ['exporter', 'importer', 'purpose', 'blocks'],
  additionalProperties: false,
  properties: {
    exporter: tradePartySchema('Exporter (you)'),
    importer: tradePartySchema('Importer'),
    purpose: purposeSchema,
    blocks: blocks(false),
    importPermit: {
      type: 'object',
      title: 'Import permit of the importing country (Appendix I)',
      required: ['permitNumber'],
      additionalProperties: false,
      properties: {
        permitNumber: { type: 'string', title: 'Import permit number', format: 'cites-permit-number' },
        date: { type: 'string', title: 'Date of issue', format: 'date' },
      },
    },
    ...liveShipment,
    evidence: evidenceSchema,
    notes: { type: 'string', title: 'Anything else the Management Authority should know', maxLength: 2000 },
  },
  // Appendix I: the import permit comes first (Art. III.2(d)).
  allOf: [
    {
      if: {
        properties: {
          blocks: {
            type: 'array',
            contains: { type: 'object', properties: { appendix: { const: 'I' } }, required: ['appendix'] },
          },
        },
      },
      then: { required: ['importPermit'] },
    },
    liveNeedsTransport,
  ],
};

const reExportSchema = {
  ...exportSchema,
  title: 'Application for a CITES re-export certificate',
  properties: {
    ...exportSchema.properties,
    exporter: tradePartySchema('Re-exporter (you)'),
    blocks: blocks(true),
  },
};

const importSchema = {
  type: 'object',
  title: 'Application for a CITES import permit',
  required: ['importer', 'exporter', 'purpose', 'blocks'],
  additionalProperties: false,
  properties: {
    importer: tradePartySchema('Importer (you)'),
    exporter: tradePartySchema('Exporter'),
    purpose: purposeSchema,
    blocks: blocks(false),
    ...liveShipment,
    evidence: evidenceSchema,
    notPrimarilyCommercial: {
      type: 'string',
      title: 'For Appendix I: how the specimens will be used (not primarily for commercial purposes)',
      maxLength: 2000,
    },
    notes: { type: 'string', title: 'Anything else the Management Authority should know', maxLength: 2000 },
  },
  allOf: [
    {
      if: {
        properties: {
          blocks: {
            type: 'array',
            contains: { type: 'object', properties: { appendix: { const: 'I' } }, required: ['appendix'] },
          },
        },
      },
      then: { required: ['notPrimarilyCommercial'] },
    },
    liveNeedsTransport,
  ],
};

const uiSchema = {
  'ui:order': [
    'exporter',
    'importer',
    'purpose',
    'blocks',
    'importPermit',
    'live',
    'transportConditions',
    'evidence',
    '*',
  ],
  evidence: { items: { 'ui:field': 'evidenceUpload' } },
  notes: { 'ui:widget': 'textarea' },
  transportConditions: { 'ui:widget': 'textarea' },
};

/** Labels in French and Spanish by their English title; English is the schema itself. */
const translations = {
  fr: {
    'Application for a CITES export permit': "Demande de permis d'exportation CITES",
    'Application for a CITES re-export certificate': 'Demande de certificat de réexportation CITES',
    'Application for a CITES import permit': "Demande de permis d'importation CITES",
    Exporter: 'Exportateur',
    'Exporter (you)': 'Exportateur (vous)',
    'Re-exporter (you)': 'Réexportateur (vous)',
    Importer: 'Importateur',
    'Importer (you)': 'Importateur (vous)',
    Name: 'Nom',
    Address: 'Adresse',
    'Street and number': 'Rue et numéro',
    Postcode: 'Code postal',
    City: 'Ville',
    'State or province': 'État ou province',
    Country: 'Pays',
    'Purpose of the transaction': 'But de la transaction',
    'Scientific name': 'Nom scientifique',
    'Common name': 'Nom commun',
    Quantity: 'Quantité',
    Appendix: 'Annexe',
    Source: 'Source',
    'Live animals or plants': 'Animaux ou plantes vivants',
    'Supporting documents': 'Pièces justificatives',
    'What the document is': 'Nature du document',
    'Proof of legal acquisition': "Preuve d'acquisition légale",
    'Registration of the captive-breeding operation':
      "Enregistrement de l'établissement d'élevage en captivité",
    'Veterinary health certificate': 'Certificat sanitaire vétérinaire',
    'Copy of the import permit': "Copie du permis d'importation",
    'Copy of the permit of the country of origin': "Copie du permis du pays d'origine",
    'Description of the facility that will house the specimens':
      "Description de l'installation qui hébergera les spécimens",
    'Other document': 'Autre document',
    Document: 'Document',
  },
  es: {
    'Application for a CITES export permit': 'Solicitud de permiso de exportación CITES',
    'Application for a CITES re-export certificate': 'Solicitud de certificado de reexportación CITES',
    'Application for a CITES import permit': 'Solicitud de permiso de importación CITES',
    Exporter: 'Exportador',
    'Exporter (you)': 'Exportador (usted)',
    'Re-exporter (you)': 'Reexportador (usted)',
    Importer: 'Importador',
    'Importer (you)': 'Importador (usted)',
    Name: 'Nombre',
    Address: 'Dirección',
    'Street and number': 'Calle y número',
    Postcode: 'Código postal',
    City: 'Ciudad',
    'State or province': 'Estado o provincia',
    Country: 'País',
    'Purpose of the transaction': 'Propósito de la transacción',
    'Scientific name': 'Nombre científico',
    'Common name': 'Nombre común',
    Quantity: 'Cantidad',
    Appendix: 'Apéndice',
    Source: 'Origen',
    'Live animals or plants': 'Animales o plantas vivos',
    'Supporting documents': 'Documentos justificativos',
    'What the document is': 'Tipo de documento',
    'Proof of legal acquisition': 'Prueba de adquisición legal',
    'Registration of the captive-breeding operation': 'Registro del establecimiento de cría en cautividad',
    'Veterinary health certificate': 'Certificado sanitario veterinario',
    'Copy of the import permit': 'Copia del permiso de importación',
    'Copy of the permit of the country of origin': 'Copia del permiso del país de origen',
    'Description of the facility that will house the specimens':
      'Descripción de la instalación que albergará los especímenes',
    'Other document': 'Otro documento',
    Document: 'Documento',
  },
};

/** The national forms a fresh installation starts with, published as version 1. */
export const DEFAULT_FORMS: readonly DefaultForm[] = [
  { id: 'export-permit', documentType: 'export', content: { schema: exportSchema, uiSchema, translations } },
  {
    id: 're-export-certificate',
    documentType: 're-export',
    content: { schema: reExportSchema, uiSchema, translations },
  },
  { id: 'import-permit', documentType: 'import', content: { schema: importSchema, uiSchema, translations } },
];
