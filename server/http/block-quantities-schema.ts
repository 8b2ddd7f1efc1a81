/**
 * The quantities per block letter that customs enter at a border, at export (Box 14) or at import:
 * `[{block: 'A', quantity}]`, one entry per block that crossed.
 */
export const blockQuantitiesSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['block', 'quantity'],
    properties: {
      block: { type: 'string', pattern: '^[A-Za-z]{1,2}$' },
      quantity: { type: 'number', minimum: 0 },
    },
  },
} as const;
