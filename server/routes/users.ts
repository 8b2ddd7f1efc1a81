import type { RouteTable } from '../http/route-table';
import type { NewUserInput, UserChanges, UserService } from '../services/users';
import { managedUserSchema, roleSchema } from './schemas';

const roles = { type: 'array', items: roleSchema, minItems: 1, maxItems: 9, uniqueItems: true };

export function userRoutes(routes: RouteTable, users: UserService) {
  routes.add({
    method: 'get',
    path: '/users',
    access: { permission: 'users.read' },
    tag: 'Identity',
    summary: 'All accounts of this deployment',
    responses: { 200: { description: 'Accounts', schema: { type: 'array', items: managedUserSchema } } },
    handler: async ({ caller, res }) => {
      res.json(await users.list(caller));
    },
  });

  routes.add<NewUserInput>({
    method: 'post',
    path: '/users',
    access: { permission: 'users.manage' },
    tag: 'Identity',
    summary: 'Create an account',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['email', 'name', 'roles', 'password'],
      properties: {
        email: { type: 'string', format: 'email', maxLength: 254 },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        roles,
        password: { type: 'string', minLength: 1, maxLength: 256 },
      },
    },
    responses: {
      201: { description: 'Created', schema: managedUserSchema },
      409: { description: 'An account with this email exists' },
      422: { description: 'Invalid data or a weak password' },
    },
    handler: async ({ caller, body, res }) => {
      res.status(201).json(await users.create(caller, body));
    },
  });

  routes.add({
    method: 'get',
    path: '/users/:id',
    access: { permission: 'users.read' },
    tag: 'Identity',
    summary: 'One account',
    responses: {
      200: { description: 'The account', schema: managedUserSchema },
      404: { description: 'No such account' },
    },
    handler: async ({ caller, params, res }) => {
      res.json(await users.get(caller, params.id!));
    },
  });

  routes.add<UserChanges>({
    method: 'patch',
    path: '/users/:id',
    access: { permission: 'users.manage' },
    tag: 'Identity',
    summary: 'Change roles, name, second-factor requirement; disable, enable or unlock an account',
    body: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        roles,
        disabled: { type: 'boolean' },
        totpRequired: { type: 'boolean' },
        unlock: { const: true },
      },
    },
    responses: {
      200: { description: 'The account after the change', schema: managedUserSchema },
      404: { description: 'No such account' },
      409: { description: 'An admin cannot disable themselves or drop their own admin role' },
    },
    handler: async ({ caller, body, params, res }) => {
      res.json(await users.update(caller, params.id!, body));
    },
  });
}
