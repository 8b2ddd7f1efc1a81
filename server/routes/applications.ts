import { DOCUMENT_TYPES } from '../../domain/documents';
import type { Language } from '../../domain/codes/types';
import type { RouteTable } from '../http/route-table';
import type { ApplicationService, SubmissionInput } from '../services/applications';

export function applicationRoutes(routes: RouteTable, applications: ApplicationService) {
  routes.add<SubmissionInput>({
    method: 'post',
    path: '/applications',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary:
      'Submit an application on the published national form (messages in the Accept-Language of the request)',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['documentType', 'data'],
      properties: {
        documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
        data: { type: 'object' },
        formVersionId: { type: 'string', maxLength: 80 },
        draftId: { type: 'string', maxLength: 80 },
      },
    },
    responses: {
      201: { description: 'Submitted: `{id, status, formVersionId, ...}`' },
      422: { description: 'Every field of the form that is missing or wrong, with its path under /data' },
    },
    handler: async ({ caller, body, req, res }) => {
      const language = (req.acceptsLanguages('en', 'fr', 'es') || 'en') as Language;
      const application = await applications.submit(caller, body, language, req.get('idempotency-key'));
      res.status(201).location(`/api/applications/${application.id}`).json(application);
    },
  });

  routes.add<{ data: Record<string, unknown> }>({
    method: 'post',
    path: '/applications/:id/amend',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary:
      'Answer a request for more information: the amended data, checked against the form version the application was filed under',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['data'],
      properties: { data: { type: 'object' } },
    },
    responses: {
      200: { description: 'Amended; the completeness check is asked again' },
      404: { description: 'No such application, or not yours' },
      409: { description: 'No more information has been asked for' },
      422: { description: 'Every field that is missing or wrong, under /data' },
    },
    handler: async ({ caller, params, body, req, res }) => {
      const language = (req.acceptsLanguages('en', 'fr', 'es') || 'en') as Language;
      res.json(await applications.amend(caller, params.id!, body.data, language));
    },
  });

  routes.add<{ reason?: string }>({
    method: 'post',
    path: '/applications/:id/withdraw',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary: 'Withdraw one’s own application before it is decided',
    body: {
      type: 'object',
      additionalProperties: false,
      properties: { reason: { type: 'string', maxLength: 2000 } },
    },
    responses: {
      200: { description: 'Withdrawn' },
      404: { description: 'No such application, or not yours' },
      409: { description: 'Already decided' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await applications.withdraw(caller, params.id!, body.reason));
    },
  });

  routes.add<unknown, { limit: number; before?: string }>({
    method: 'get',
    path: '/applications',
    access: { permission: 'applications.list' },
    tag: 'Applications',
    summary:
      'Applications, newest first: an applicant’s own, or the Party’s for officers and auditors (page with `before`)',
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
        before: { type: 'string', format: 'date-time' },
      },
    },
    responses: { 200: { description: '`[{id, status, documentType, formVersionId, submittedAt}]`' } },
    handler: async ({ caller, query, res }) => {
      res.json(
        await applications.list(caller, {
          limit: query.limit,
          ...(query.before ? { before: new Date(query.before) } : {}),
        }),
      );
    },
  });

  routes.add({
    method: 'get',
    path: '/applications/:id',
    access: 'signed-in',
    tag: 'Applications',
    summary: 'An application with its status and timeline (applicants: their own; officers: the Party’s)',
    responses: {
      200: { description: 'The application' },
      404: { description: 'No such application, or not yours' },
    },
    handler: async ({ caller, params, res }) => {
      res.json(await applications.get(caller, params.id!));
    },
  });
}
