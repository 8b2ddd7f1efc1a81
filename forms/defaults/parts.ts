/**
 * Building blocks of the default national forms. Field names follow the permit model of
 * domain/documents (boxes of the standard form), so an application maps onto a permit directly.
 */

export const addressSchema = {
  type: 'object',
  title: 'Address',
  required: ['streetLines', 'city', 'country'],
  additionalProperties: false,
  properties: {
    streetLines: {
      type: 'array',
      title: 'Street and number',
      minItems: 1,
      maxItems: 4,
      items: { type: 'string', minLength: 1, maxLength: 120 },
    },
    postcode: { type: 'string', title: 'Postcode', maxLength: 20 },
    city: { type: 'string', title: 'City', minLength: 1, maxLength: 80 },
    subdivision: { type: 'string', title: 'State or province', maxLength: 80 },
    country: { type: 'string', title: 'Country', format: 'iso-country' },
  },
};

export function tradePartySchema(title: string) {
  return {
    type: 'object',
    title,
    required: ['name', 'address'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', title: 'Name', minLength: 1, maxLength: 200 },
      address: addressSchema,
      registrationNumber: { type: 'string', title: 'Registration number', maxLength: 50 },
    },
  };
}

const permitReference = {
  type: 'object',
  additionalProperties: false,
  required: ['country'],
  properties: {
    country: { type: 'string', title: 'Country', format: 'iso-country' },
    permitNumber: { type: 'string', title: 'Permit number', format: 'cites-permit-number' },
    date: { type: 'string', title: 'Date of issue', format: 'date' },
  },
};

/** Boxes 7 to 12b: one species, one description, one source, one quantity. */
export function specimenBlockSchema(options: { originRequired: boolean }) {
  return {
    type: 'object',
    title: 'Specimens',
    required: [
      'scientificName',
      'description',
      'appendix',
      'source',
      'quantity',
      ...(options.originRequired ? ['countryOfOrigin'] : []),
    ],
    additionalProperties: false,
    properties: {
      scientificName: { type: 'string', title: 'Scientific name', format: 'cites-species' },
      commonName: { type: 'string', title: 'Common name', maxLength: 120 },
      description: {
        type: 'object',
        title: 'Description of the specimens',
        required: ['term'],
        additionalProperties: false,
        properties: {
          term: { type: 'string', title: 'Type of specimen', format: 'cites-term' },
          text: { type: 'string', title: 'Description', maxLength: 300 },
          sex: { type: 'string', title: 'Sex', enum: ['male', 'female', 'unknown'] },
          age: { type: 'string', title: 'Age or life stage', maxLength: 50 },
        },
      },
      marks: {
        type: 'array',
        title: 'Identifying marks',
        maxItems: 500,
        items: {
          type: 'object',
          required: ['type', 'value'],
          additionalProperties: false,
          properties: {
            type: {
              type: 'string',
              title: 'Kind of mark',
              enum: ['microchip', 'ring', 'tag', 'label', 'other'],
            },
            value: { type: 'string', title: 'Number or code', minLength: 1, maxLength: 60 },
            description: { type: 'string', title: 'What the mark is', maxLength: 100 },
          },
        },
      },
      appendix: { type: 'string', title: 'Appendix', format: 'cites-appendix' },
      source: { type: 'string', title: 'Source', format: 'cites-source' },
      underlyingSource: {
        type: 'string',
        title: 'Source before confiscation or pre-Convention',
        format: 'cites-source',
      },
      sourceReason: { type: 'string', title: 'Why the source is unknown', maxLength: 300 },
      quantity: { type: 'number', title: 'Quantity', exclusiveMinimum: 0 },
      unit: { type: 'string', title: 'Unit (leave empty for a number of specimens)', format: 'cites-unit' },
      countryOfOrigin: { ...permitReference, title: 'Country of origin and its export permit' },
      countryOfLastReExport: {
        type: 'object',
        title: 'Country of last re-export and its certificate',
        additionalProperties: false,
        required: ['country'],
        properties: {
          country: { type: 'string', title: 'Country', format: 'iso-country' },
          certificateNumber: { type: 'string', title: 'Certificate number', format: 'cites-permit-number' },
          date: { type: 'string', title: 'Date of issue', format: 'date' },
        },
      },
      registeredOperation: {
        type: 'string',
        title: 'Registered captive-breeding operation number',
        maxLength: 40,
      },
      dateOfAcquisition: { type: 'string', title: 'Date of acquisition', format: 'date' },
    },
    // The Convention's source rules, stated where the applicant types: I and O need the earlier
    // source, U needs a reason.
    allOf: [
      {
        if: { properties: { source: { enum: ['I', 'O'] } }, required: ['source'] },
        then: { required: ['underlyingSource'] },
      },
      {
        if: { properties: { source: { const: 'U' } }, required: ['source'] },
        then: { required: ['sourceReason'] },
      },
      {
        if: { properties: { source: { const: 'O' } }, required: ['source'] },
        then: { required: ['dateOfAcquisition'] },
      },
    ],
  };
}

export const purposeSchema = { type: 'string', title: 'Purpose of the transaction', format: 'cites-purpose' };

/** The kinds of supporting document a procedure may ask for; the rules name them by code. */
export const EVIDENCE_KINDS = [
  { const: 'proof-of-legal-acquisition', title: 'Proof of legal acquisition' },
  { const: 'captive-breeding-registration', title: 'Registration of the captive-breeding operation' },
  { const: 'veterinary-health-certificate', title: 'Veterinary health certificate' },
  { const: 'import-permit-copy', title: 'Copy of the import permit' },
  { const: 'origin-permit-copy', title: 'Copy of the permit of the country of origin' },
  { const: 'facility-description', title: 'Description of the facility that will house the specimens' },
  { const: 'other', title: 'Other document' },
];

/**
 * Supporting documents: files are uploaded first (POST /api/uploads) and the form keeps only the
 * reference, never the bytes, so applications and workflow histories stay small.
 */
export const evidenceSchema = {
  type: 'array',
  title: 'Supporting documents',
  maxItems: 20,
  items: {
    type: 'object',
    title: 'Document',
    required: ['kind', 'fileId', 'name', 'mime', 'size', 'sha256'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', title: 'What the document is', oneOf: EVIDENCE_KINDS },
      fileId: { type: 'string', title: 'File', pattern: '^[A-Za-z0-9_-]{16,64}$' },
      name: { type: 'string', title: 'File name', maxLength: 200 },
      mime: { type: 'string', title: 'File type', enum: ['application/pdf', 'image/jpeg', 'image/png'] },
      size: { type: 'integer', title: 'Size in bytes', minimum: 1 },
      sha256: { type: 'string', title: 'SHA-256', pattern: '^[0-9a-f]{64}$' },
    },
  },
};
