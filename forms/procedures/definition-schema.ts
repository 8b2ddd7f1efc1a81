/**
 * The shape of a procedure definition as JSON Schema, so the API refuses a malformed one with the
 * path of each problem before any rule is looked at.
 */
const stepId = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' };
const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['en', 'fr', 'es'],
  properties: {
    en: { type: 'string', minLength: 1, maxLength: 200 },
    fr: { type: 'string', minLength: 1, maxLength: 200 },
    es: { type: 'string', minLength: 1, maxLength: 200 },
  },
};
const days = { type: 'integer', minimum: 1, maximum: 365 };
const idList = { type: 'array', maxItems: 50, uniqueItems: true, items: stepId };
const deadlines = {
  type: 'object',
  maxProperties: 50,
  propertyNames: { pattern: '^[a-z][a-z0-9-]{1,62}$' },
  additionalProperties: days,
};

const rowResult = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requiredEvidence: idList,
    fee: { type: 'number', minimum: 0, maximum: 1e9 },
    office: { type: 'string', minLength: 1, maxLength: 100 },
    officerGroup: { type: 'string', minLength: 1, maxLength: 100 },
    addSteps: idList,
    skipSteps: idList,
    automaticSteps: idList,
    deadlines,
    autoApprove: { type: 'boolean' },
  },
};

const expectedOutcome = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requiredEvidence: idList,
    fee: { type: 'number', minimum: 0 },
    office: { type: 'string' },
    officerGroup: { type: 'string' },
    steps: { type: 'array', maxItems: 100, items: stepId },
    automaticSteps: idList,
    autoApprove: { type: 'boolean' },
    deadlines,
    matchedRows: {
      type: 'object',
      maxProperties: 50,
      additionalProperties: { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 64 } },
    },
  },
};

export const PROCEDURE_DEFINITION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['formId', 'currency', 'defaultDeadlineDays', 'steps', 'tables', 'testCases'],
  properties: {
    formId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    defaultDeadlineDays: days,
    steps: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'actor', 'deadlineDays'],
        properties: {
          id: stepId,
          title: localized,
          actor: { type: 'string', minLength: 1, maxLength: 100 },
          deadlineDays: days,
        },
      },
    },
    tables: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'hitPolicy', 'rows'],
        properties: {
          id: stepId,
          title: { type: 'string', maxLength: 200 },
          hitPolicy: { enum: ['first', 'collect'] },
          rows: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'when', 'then'],
              properties: {
                id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' },
                when: {},
                then: rowResult,
              },
            },
          },
        },
      },
    },
    testCases: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'data', 'expect'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' },
          description: { type: 'string', maxLength: 500 },
          data: { type: 'object' },
          expect: expectedOutcome,
        },
      },
    },
  },
} as const;
