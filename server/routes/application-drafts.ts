import { DOCUMENT_TYPES } from '../../domain/documents';
import type { RouteTable } from '../http/route-table';
import type { ApplicationDraftInput, ApplicationDraftService } from '../services/application-drafts';

const draftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['documentType', 'data'],
  properties: {
    documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
    formVersionId: { type: 'string', maxLength: 80 },
    data: { type: 'object' },
  },
};

export function applicationDraftRoutes(routes: RouteTable, drafts: ApplicationDraftService) {
  routes.add({
    method: 'get',
    path: '/application-drafts',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary: 'Your unsubmitted applications, the one changed last first',
    responses: { 200: { description: '`[{id, documentType, formVersionId, data, createdAt, updatedAt}]`' } },
    handler: async ({ caller, res }) => {
      res.json(await drafts.list(caller));
    },
  });

  routes.add<ApplicationDraftInput>({
    method: 'post',
    path: '/application-drafts',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary: 'Save an unfinished application; the form’s rules are checked only on submission',
    body: draftBody,
    responses: {
      201: { description: 'The saved draft with its id' },
      413: { description: 'Larger than 512 KiB' },
    },
    handler: async ({ caller, body, res }) => {
      const draft = await drafts.create(caller, body);
      res.status(201).location(`/api/application-drafts/${draft.id}`).json(draft);
    },
  });

  routes.add({
    method: 'get',
    path: '/application-drafts/:id',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary: 'One of your drafts',
    responses: { 200: { description: 'The draft' }, 404: { description: 'No such draft, or not yours' } },
    handler: async ({ caller, params, res }) => {
      res.json(await drafts.get(caller, params.id!));
    },
  });

  routes.add<ApplicationDraftInput>({
    method: 'put',
    path: '/application-drafts/:id',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary: 'Replace the content of one of your drafts',
    body: draftBody,
    responses: {
      200: { description: 'The saved draft' },
      404: { description: 'No such draft, or not yours' },
      413: { description: 'Larger than 512 KiB' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await drafts.update(caller, params.id!, body));
    },
  });

  routes.add({
    method: 'delete',
    path: '/application-drafts/:id',
    access: { permission: 'applications.submit' },
    tag: 'Applications',
    summary: 'Throw away one of your drafts',
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such draft, or not yours' } },
    handler: async ({ caller, params, res }) => {
      await drafts.delete(caller, params.id!);
      res.status(204).end();
    },
  });
}
