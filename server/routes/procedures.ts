import { DOCUMENT_TYPES } from '../../domain/documents';
import { PROCEDURE_DEFINITION_SCHEMA, type ProcedureDefinition } from '../../forms/procedures';
import type { RouteTable } from '../http/route-table';
import type { ProcedureDraftInput, ProcedureService } from '../services/procedures';

const versionNumber = (text: string | undefined) => (/^[1-9]\d{0,8}$/.test(text ?? '') ? Number(text) : 0);

export function procedureRoutes(routes: RouteTable, procedures: ProcedureService) {
  routes.add({
    method: 'get',
    path: '/procedures',
    access: 'signed-in',
    tag: 'Procedures',
    summary:
      'The national procedures with their published version (and draft, for designers, publishers and auditors)',
    responses: { 200: { description: 'The procedures' } },
    handler: async ({ caller, res }) => {
      res.json(await procedures.list(caller));
    },
  });

  routes.add({
    method: 'get',
    path: '/procedures/:id',
    access: 'signed-in',
    tag: 'Procedures',
    summary: 'A procedure: its published definition (and the draft for its editors)',
    responses: { 200: { description: 'The procedure' }, 404: { description: 'No such procedure' } },
    handler: async ({ caller, params, res }) => {
      res.json(await procedures.get(caller, params.id!));
    },
  });

  routes.add({
    method: 'get',
    path: '/procedures/:id/versions/:version',
    access: 'signed-in',
    tag: 'Procedures',
    summary: 'A published version, immutable; applications filed under it are processed under it',
    responses: { 200: { description: 'The version' }, 404: { description: 'No such version' } },
    handler: async ({ caller, params, res }) => {
      res.json(await procedures.version(caller, params.id!, versionNumber(params.version)));
    },
  });

  routes.add<ProcedureDraftInput>({
    method: 'put',
    path: '/procedures/:id/draft',
    access: { permission: 'forms.design' },
    tag: 'Procedures',
    summary:
      'Save the draft (form designers); rules with operators not allowed, fields the form lacks or paths through __proto__ are refused',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['definition'],
      properties: {
        documentType: { type: 'string', enum: [...DOCUMENT_TYPES] },
        definition: PROCEDURE_DEFINITION_SCHEMA,
      },
    },
    responses: {
      200: { description: 'The procedure with its new draft' },
      422: { description: 'Every problem with its path under /definition' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await procedures.saveDraft(caller, params.id!, body));
    },
  });

  routes.add<{ definition?: ProcedureDefinition; data: Record<string, unknown> }>({
    method: 'post',
    path: '/procedures/:id/evaluate',
    access: { permission: 'forms.test-rules' },
    tag: 'Procedures',
    summary:
      'The rule test bench: what the posted definition (or the draft, or the published version) decides for some form data',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['data'],
      properties: { definition: PROCEDURE_DEFINITION_SCHEMA, data: { type: 'object' } },
    },
    idempotent: false,
    responses: { 200: { description: '`{outcome}`' }, 422: { description: 'The definition has problems' } },
    handler: async ({ caller, params, body, res }) => {
      res.json(await procedures.evaluate(caller, params.id!, body));
    },
  });

  routes.add<{ definition?: ProcedureDefinition }>({
    method: 'post',
    path: '/procedures/:id/check',
    access: { permission: 'forms.test-rules' },
    tag: 'Procedures',
    summary: 'Run the test cases and the Convention guard, as publishing will',
    body: {
      type: 'object',
      additionalProperties: false,
      properties: { definition: PROCEDURE_DEFINITION_SCHEMA },
    },
    idempotent: false,
    responses: { 200: { description: '`{testCases, convention, form, publishable}`' } },
    handler: async ({ caller, params, body, res }) => {
      res.json(await procedures.check(caller, params.id!, body));
    },
  });

  routes.add({
    method: 'post',
    path: '/procedures/:id/publish',
    access: { permission: 'forms.publish' },
    tag: 'Procedures',
    summary:
      'Publish the draft as a new version (form publishers, never the draft’s author) once every test case passes and no Convention step is skipped',
    responses: {
      201: { description: 'The new version' },
      403: { description: 'You saved this draft yourself: a second person must publish' },
      409: { description: 'There is no draft' },
      422: { description: 'A test case fails or the Convention guard refuses, with the reasons' },
    },
    handler: async ({ caller, params, res }) => {
      res.status(201).json(await procedures.publish(caller, params.id!));
    },
  });
}
