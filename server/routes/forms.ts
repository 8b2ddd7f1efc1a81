import { DOCUMENT_TYPES } from '../../domain/documents';
import type { RouteTable } from '../http/route-table';
import type { DraftInput, FormService } from '../services/forms';

const draftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'uiSchema', 'translations'],
  properties: {
    documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
    schema: { type: 'object' },
    uiSchema: { type: 'object' },
    translations: {
      type: 'object',
      additionalProperties: false,
      properties: { en: { type: 'object' }, fr: { type: 'object' }, es: { type: 'object' } },
    },
  },
};

const versionNumber = (text: string | undefined) => (/^[1-9]\d{0,8}$/.test(text ?? '') ? Number(text) : 0);

export function formRoutes(routes: RouteTable, forms: FormService) {
  routes.add<unknown, { from: number; to: number }>({
    method: 'get',
    path: '/forms/:formId/diff',
    access: { permission: 'forms.read-drafts' },
    tag: 'Forms',
    summary:
      'What changed between two published versions: schema, UI schema and translations, by JSON pointer',
    query: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to'],
      properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
    },
    responses: { 200: { description: 'The changes' }, 404: { description: 'No such version' } },
    handler: async ({ caller, params, query, res }) => {
      res.json(await forms.diff(caller, params.formId!, query.from, query.to));
    },
  });

  routes.add({
    method: 'post',
    path: '/forms/:formId/versions/:version/republish',
    access: { permission: 'forms.publish' },
    tag: 'Forms',
    summary: 'Publish an earlier version again as the next version (form publishers)',
    responses: { 201: { description: 'The new version' }, 404: { description: 'No such version' } },
    handler: async ({ caller, params, res }) => {
      res.status(201).json(await forms.republish(caller, params.formId!, versionNumber(params.version)));
    },
  });

  routes.add({
    method: 'get',
    path: '/forms',
    access: 'signed-in',
    tag: 'Forms',
    summary:
      'The national forms with their published version (and draft, for designers, publishers and auditors)',
    responses: { 200: { description: 'The forms' } },
    handler: async ({ caller, res }) => {
      res.json(await forms.list(caller));
    },
  });

  routes.add({
    method: 'get',
    path: '/forms/:formId',
    access: 'signed-in',
    tag: 'Forms',
    summary:
      'A form: its published version with schema, UI schema and translations (and the draft for its editors)',
    responses: { 200: { description: 'The form' }, 404: { description: 'No such form' } },
    handler: async ({ caller, params, res }) => {
      res.json(await forms.get(caller, params.formId!));
    },
  });

  routes.add({
    method: 'get',
    path: '/forms/:formId/versions/:version',
    access: 'signed-in',
    tag: 'Forms',
    summary: 'A published version, immutable; applications filed under it keep using it',
    responses: { 200: { description: 'The version' }, 404: { description: 'No such version' } },
    handler: async ({ caller, params, res }) => {
      res.json(await forms.version(caller, params.formId!, versionNumber(params.version)));
    },
  });

  routes.add<DraftInput>({
    method: 'put',
    path: '/forms/:formId/draft',
    access: { permission: 'forms.design' },
    tag: 'Forms',
    summary: 'Save the draft (form designers); a schema ajv cannot compile is refused with the reason',
    body: draftBody,
    responses: {
      200: { description: 'The form with its new draft' },
      422: { description: 'The schema is not usable; every problem with its path under /schema' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await forms.saveDraft(caller, params.formId!, body));
    },
  });

  routes.add({
    method: 'post',
    path: '/forms/:formId/publish',
    access: { permission: 'forms.publish' },
    tag: 'Forms',
    summary: 'Publish the draft as a new immutable version (form publishers, never the draft’s author)',
    responses: {
      201: { description: 'The new version' },
      403: { description: 'You saved this draft yourself: a second person must publish' },
      409: { description: 'There is no draft' },
    },
    handler: async ({ caller, params, res }) => {
      res.status(201).json(await forms.publish(caller, params.formId!));
    },
  });
}
