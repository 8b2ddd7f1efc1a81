import type { CookieOptions } from 'express';
import { SESSION_COOKIE } from '../http/authenticate';
import type { RouteTable } from '../http/route-table';
import { rateLimiter } from '../http/security';
import type { AuthService, LoginInput } from '../services/auth';
import { publicUserSchema } from './schemas';

export function authRoutes(
  routes: RouteTable,
  auth: AuthService,
  options: { cookie: CookieOptions; loginAttemptsPerMinute: number },
) {
  routes.add<LoginInput>({
    method: 'post',
    path: '/auth/login',
    access: 'public',
    tag: 'Identity',
    summary: 'Sign in; answers a bearer token and sets the session cookie',
    before: [rateLimiter('login', options.loginAttemptsPerMinute)],
    idempotent: false,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['email', 'password'],
      properties: {
        email: { type: 'string', format: 'email', maxLength: 254 },
        password: { type: 'string', minLength: 1, maxLength: 256 },
        totp: { type: 'string', pattern: '^[0-9]{6}$' },
      },
    },
    responses: {
      200: {
        description: 'Signed in',
        schema: { type: 'object', properties: { token: { type: 'string' }, user: publicUserSchema } },
      },
      401: {
        description:
          'Wrong email, password or code; `secondFactorRequired: true` when the TOTP code is missing or wrong',
      },
      429: { description: 'Too many attempts, or the account is locked for a while' },
    },
    handler: async ({ body, caller, res }) => {
      const { token, user } = await auth.login(body, caller.requestId);
      res.cookie(SESSION_COOKIE, token, options.cookie).json({ token, user });
    },
  });

  routes.add({
    method: 'post',
    path: '/auth/logout',
    access: 'signed-in',
    tag: 'Identity',
    summary: 'Sign out: ends this session',
    idempotent: false,
    responses: { 204: { description: 'Signed out' } },
    handler: async ({ caller, res }) => {
      await auth.logout(caller);
      const { maxAge: _maxAge, ...clearOptions } = options.cookie;
      res.clearCookie(SESSION_COOKIE, clearOptions).status(204).end();
    },
  });

  routes.add({
    method: 'get',
    path: '/auth/me',
    access: 'signed-in',
    tag: 'Identity',
    summary: 'The signed-in user',
    responses: {
      200: { description: 'The user', schema: { type: 'object', properties: { user: publicUserSchema } } },
    },
    handler: async ({ caller, res }) => {
      res.json({ user: await auth.me(caller) });
    },
  });

  routes.add<{ currentPassword: string; newPassword: string }>({
    method: 'post',
    path: '/auth/password',
    access: 'signed-in',
    tag: 'Identity',
    summary: 'Change my password (signs out my other sessions)',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['currentPassword', 'newPassword'],
      properties: {
        currentPassword: { type: 'string', minLength: 1, maxLength: 256 },
        newPassword: { type: 'string', minLength: 1, maxLength: 256 },
      },
    },
    responses: {
      204: { description: 'Changed' },
      422: { description: 'Current password wrong or new one too weak' },
    },
    handler: async ({ caller, body, res }) => {
      await auth.changePassword(caller, body);
      res.status(204).end();
    },
  });

  routes.add({
    method: 'post',
    path: '/auth/totp/setup',
    access: 'signed-in',
    tag: 'Identity',
    summary: 'Start setting up the TOTP second factor: a new secret and its otpauth:// URL',
    responses: {
      200: {
        description: 'The secret to add to an authenticator app',
        schema: {
          type: 'object',
          properties: { secret: { type: 'string' }, otpauthUrl: { type: 'string' } },
        },
      },
      409: { description: 'Already set up' },
    },
    handler: async ({ caller, res }) => {
      res.json(await auth.setupTotp(caller));
    },
  });

  routes.add<{ code: string }>({
    method: 'post',
    path: '/auth/totp/enable',
    access: 'signed-in',
    tag: 'Identity',
    summary: 'Finish setting up TOTP with a code from the authenticator app',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['code'],
      properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } },
    },
    responses: { 204: { description: 'Second factor on' }, 422: { description: 'Wrong code' } },
    handler: async ({ caller, body, res }) => {
      await auth.enableTotp(caller, body);
      res.status(204).end();
    },
  });
}
