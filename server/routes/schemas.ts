import { ROLES } from '../../domain/roles';
import type { JsonSchema } from '../http/validation';

export const roleSchema: JsonSchema = { type: 'string', enum: [...ROLES] };

export const publicUserSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    party: { type: 'string' },
    roles: { type: 'array', items: roleSchema },
    totpEnabled: { type: 'boolean' },
    totpRequired: { type: 'boolean' },
    mustEnrollSecondFactor: { type: 'boolean' },
  },
};

export const managedUserSchema: JsonSchema = {
  type: 'object',
  properties: {
    ...(publicUserSchema.properties as object),
    disabled: { type: 'boolean' },
    lockedUntil: { type: ['string', 'null'], format: 'date-time' },
  },
};
