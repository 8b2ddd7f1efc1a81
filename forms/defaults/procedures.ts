import type { DocumentType } from '../../domain/codes/types';
import type { NationalStep, ProcedureDefinition } from '../procedures/definition';

/** A national procedure as it ships; the Management Authority adapts fees, routing and steps without code. */
export interface DefaultProcedure {
  id: string;
  documentType: DocumentType;
  definition: ProcedureDefinition;
}

const anyBlock = (test: object) => ({ some: [{ var: 'blocks' }, test] });
const everyBlock = (test: object) => ({ all: [{ var: 'blocks' }, test] });

const veterinaryCheck: NationalStep = {
  id: 'veterinary-check',
  title: {
    en: 'Veterinary services: the live animals are fit to travel',
    fr: 'Services vétérinaires : les animaux vivants sont aptes au transport',
    es: 'Servicios veterinarios: los animales vivos están aptos para el transporte',
  },
  actor: 'veterinary-services',
  deadlineDays: 5,
};

const liveAnimals = { '==': [{ var: 'live' }, true] };

/** Evidence every export-like case asks for, by what the specimens are and where they come from. */
const evidenceTable = {
  id: 'evidence',
  title: 'Documents the applicant attaches',
  hitPolicy: 'collect' as const,
  rows: [
    {
      id: 'wild-specimens',
      when: anyBlock({ '==': [{ var: 'source' }, 'W'] }),
      then: { requiredEvidence: ['proof-of-legal-acquisition'] },
    },
    {
      id: 'captive-specimens',
      when: anyBlock({ in: [{ var: 'source' }, ['C', 'D', 'F', 'R']] }),
      then: { requiredEvidence: ['captive-breeding-registration'] },
    },
    {
      id: 'live-specimens',
      when: liveAnimals,
      then: { requiredEvidence: ['veterinary-health-certificate'] },
    },
  ],
};

const exportProcedure: ProcedureDefinition = {
  formId: 'export-permit',
  currency: 'KES',
  defaultDeadlineDays: 10,
  steps: [veterinaryCheck],
  tables: [
    {
      id: 'fees',
      title: 'Permit fee (national fee schedule)',
      hitPolicy: 'first',
      rows: [
        { id: 'commercial', when: { '==': [{ var: 'purpose' }, 'T'] }, then: { fee: 5000 } },
        { id: 'non-commercial', when: true, then: { fee: 1000 } },
      ],
    },
    {
      ...evidenceTable,
      rows: [
        ...evidenceTable.rows,
        {
          id: 'appendix-i',
          when: anyBlock({ '==': [{ var: 'appendix' }, 'I'] }),
          then: { requiredEvidence: ['import-permit-copy'] },
        },
      ],
    },
    {
      id: 'routing',
      title: 'Desk that handles the case',
      hitPolicy: 'first',
      rows: [
        {
          id: 'appendix-i-desk',
          when: anyBlock({ '==': [{ var: 'appendix' }, 'I'] }),
          then: {
            office: 'headquarters',
            officerGroup: 'appendix-i-desk',
            deadlines: { 'final-decision': 5 },
          },
        },
        { id: 'permits-desk', when: true, then: { office: 'headquarters', officerGroup: 'permits-desk' } },
      ],
    },
    {
      id: 'national-steps',
      title: 'Checks national law adds',
      hitPolicy: 'collect',
      rows: [{ id: 'live-animals', when: liveAnimals, then: { addSteps: ['veterinary-check'] } }],
    },
    {
      id: 'low-risk',
      title: 'Appendix-II specimens of a registered captive-breeding operation',
      hitPolicy: 'first',
      rows: [
        {
          id: 'registered-captive-breeding',
          when: {
            and: [
              everyBlock({
                and: [
                  { '==': [{ var: 'appendix' }, 'II'] },
                  { in: [{ var: 'source' }, ['C', 'D']] },
                  { '!!': [{ var: 'registeredOperation' }] },
                ],
              }),
              { '!': [liveAnimals] },
            ],
          },
          then: { automaticSteps: ['ma-legal-acquisition'], autoApprove: true },
        },
      ],
    },
  ],
  testCases: [
    {
      id: 'live-wild-python',
      description: 'Appendix II wild live pythons for trade: veterinary check, evidence of legal acquisition',
      data: {
        purpose: 'T',
        live: true,
        importer: { name: 'Importer', address: { streetLines: ['1 Street'], city: 'Berlin', country: 'DE' } },
        blocks: [
          {
            scientificName: 'Python regius',
            description: { term: 'LIV' },
            appendix: 'II',
            source: 'W',
            quantity: 50,
          },
        ],
      },
      expect: {
        fee: 5000,
        requiredEvidence: ['proof-of-legal-acquisition', 'veterinary-health-certificate'],
        steps: [
          'completeness-check',
          'sa-non-detriment',
          'ma-legal-acquisition',
          'ma-live-shipment-conditions',
          'sa-export-monitoring',
          'veterinary-check',
          'final-decision',
        ],
        officerGroup: 'permits-desk',
        autoApprove: false,
        matchedRows: { 'national-steps': ['live-animals'], 'low-risk': [] },
      },
    },
    {
      id: 'registered-captive-skins',
      description:
        'Appendix II skins from a registered farm: legal acquisition by rule, decided automatically',
      data: {
        purpose: 'T',
        live: false,
        importer: { name: 'Importer', address: { streetLines: ['1 Street'], city: 'Paris', country: 'FR' } },
        blocks: [
          {
            scientificName: 'Crocodylus niloticus',
            description: { term: 'SKI' },
            appendix: 'II',
            source: 'C',
            quantity: 200,
            registeredOperation: 'A-KE-501',
          },
        ],
      },
      expect: {
        requiredEvidence: ['captive-breeding-registration'],
        automaticSteps: ['ma-legal-acquisition', 'final-decision'],
        autoApprove: true,
        matchedRows: { 'low-risk': ['registered-captive-breeding'] },
      },
    },
    {
      id: 'appendix-i-trophy',
      description:
        'Appendix I hunting trophy: the import permit first, the Appendix-I desk decides within 5 days',
      data: {
        purpose: 'H',
        importer: { name: 'Importer', address: { streetLines: ['1 Street'], city: 'Madrid', country: 'ES' } },
        blocks: [
          {
            scientificName: 'Panthera pardus',
            description: { term: 'TRO' },
            appendix: 'I',
            source: 'W',
            quantity: 1,
          },
        ],
      },
      expect: {
        fee: 1000,
        requiredEvidence: ['import-permit-copy', 'proof-of-legal-acquisition'],
        officerGroup: 'appendix-i-desk',
        deadlines: { 'final-decision': 5, 'sa-non-detriment': 10 },
      },
    },
  ],
};

const reExportProcedure: ProcedureDefinition = {
  formId: 're-export-certificate',
  currency: 'KES',
  defaultDeadlineDays: 10,
  steps: [veterinaryCheck],
  tables: [
    {
      id: 'fees',
      hitPolicy: 'first',
      rows: [
        { id: 'commercial', when: { '==': [{ var: 'purpose' }, 'T'] }, then: { fee: 4000 } },
        { id: 'non-commercial', when: true, then: { fee: 1000 } },
      ],
    },
    {
      id: 'evidence',
      title: 'Documents the applicant attaches',
      hitPolicy: 'collect',
      rows: [
        { id: 'origin-permit', when: true, then: { requiredEvidence: ['origin-permit-copy'] } },
        {
          id: 'live-specimens',
          when: liveAnimals,
          then: { requiredEvidence: ['veterinary-health-certificate'] },
        },
      ],
    },
    {
      id: 'national-steps',
      hitPolicy: 'collect',
      rows: [{ id: 'live-animals', when: liveAnimals, then: { addSteps: ['veterinary-check'] } }],
    },
  ],
  testCases: [
    {
      id: 'captive-re-export',
      data: {
        purpose: 'T',
        importer: { name: 'Importer', address: { streetLines: ['1 Street'], city: 'Tokyo', country: 'JP' } },
        blocks: [
          {
            scientificName: 'Psittacus erithacus',
            description: { term: 'FEA' },
            appendix: 'II',
            source: 'C',
            quantity: 10,
            countryOfOrigin: { country: 'ZA', permitNumber: 'ZA-0001' },
          },
        ],
      },
      expect: {
        fee: 4000,
        requiredEvidence: ['origin-permit-copy'],
        steps: ['completeness-check', 'ma-imported-in-accordance', 'final-decision'],
      },
    },
  ],
};

const importProcedure: ProcedureDefinition = {
  formId: 'import-permit',
  currency: 'KES',
  defaultDeadlineDays: 15,
  steps: [veterinaryCheck],
  tables: [
    { id: 'fees', hitPolicy: 'first', rows: [{ id: 'flat', when: true, then: { fee: 2000 } }] },
    {
      id: 'evidence',
      title: 'Documents the applicant attaches',
      hitPolicy: 'collect',
      rows: [
        {
          id: 'appendix-i-use',
          when: anyBlock({ '==': [{ var: 'appendix' }, 'I'] }),
          then: { requiredEvidence: ['facility-description'] },
        },
      ],
    },
    {
      id: 'national-steps',
      hitPolicy: 'collect',
      rows: [{ id: 'live-animals', when: liveAnimals, then: { addSteps: ['veterinary-check'] } }],
    },
  ],
  testCases: [
    {
      id: 'appendix-i-science',
      data: {
        purpose: 'S',
        exporter: {
          name: 'Exporter',
          address: { streetLines: ['1 Street'], city: 'Pretoria', country: 'ZA' },
        },
        blocks: [
          {
            scientificName: 'Diceros bicornis',
            description: { term: 'BLO' },
            appendix: 'I',
            source: 'W',
            quantity: 5,
          },
        ],
      },
      expect: {
        fee: 2000,
        requiredEvidence: ['facility-description'],
        steps: [
          'completeness-check',
          'sa-import-not-detrimental',
          'ma-not-primarily-commercial',
          'final-decision',
        ],
      },
    },
  ],
};

/** The national procedures a fresh installation starts with, published as version 1. */
export const DEFAULT_PROCEDURES: readonly DefaultProcedure[] = [
  { id: 'export-procedure', documentType: 'export', definition: exportProcedure },
  { id: 're-export-procedure', documentType: 're-export', definition: reExportProcedure },
  { id: 'import-procedure', documentType: 'import', definition: importProcedure },
];
