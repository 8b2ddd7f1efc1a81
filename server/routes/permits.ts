import { blockQuantitiesSchema } from '../http/block-quantities-schema';
import type { RouteTable } from '../http/route-table';
import { PERMIT_REPLACEMENT_REASONS } from '../../domain/documents/replacement-reasons';
import type { Language } from '../../domain/codes/types';
import type { PermitDocumentService } from '../services/permit-documents';
import type { EndorsementInput, PermitService, ReplacementInput } from '../services/permits';
import type { ImportedLine, ReExportBalanceService } from '../services/re-export-balances';

const importedLine = {
  country: { type: 'string', pattern: '^[A-Z]{2}$' },
  documentNumber: { type: 'string', minLength: 1, maxLength: 40 },
  scientificName: { type: 'string', minLength: 3, maxLength: 200 },
  term: { type: 'string', pattern: '^[A-Z]{3}$' },
  unit: { type: 'string', maxLength: 10 },
};

/** The imports re-export certificates draw on. */
export function reExportBalanceRoutes(routes: RouteTable, balances: ReExportBalanceService) {
  routes.add<ImportedLine & { quantity: number }>({
    method: 'post',
    path: '/re-export-balances',
    access: { permission: 'permits.manage' },
    tag: 'Permits',
    summary:
      'Register what came in under a foreign document (per species, term and unit): re-export certificates may take out no more',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['country', 'documentNumber', 'scientificName', 'term', 'quantity'],
      properties: { ...importedLine, quantity: { type: 'number', exclusiveMinimum: 0 } },
    },
    responses: { 201: { description: '`{imported, drawn, left}`' } },
    handler: async ({ caller, body, res }) => {
      res.status(201).json(await balances.registerImport(caller, body));
    },
  });

  routes.add({
    method: 'get',
    path: '/re-export-balances',
    access: { permission: 'permits.manage' },
    tag: 'Permits',
    summary: 'How much of an import re-export certificates have taken, and what is left',
    query: {
      type: 'object',
      additionalProperties: false,
      required: ['country', 'documentNumber', 'scientificName', 'term'],
      properties: importedLine,
    },
    responses: { 200: { description: '`{imported, drawn, left}`' } },
    handler: async ({ caller, query, res }) => {
      res.json(await balances.get(caller, query as unknown as ImportedLine));
    },
  });
}

const quantities = { type: 'array', minItems: 1, maxItems: 50, items: { type: 'number', minimum: 0 } };

export function permitRoutes(routes: RouteTable, permits: PermitService, documents: PermitDocumentService) {
  routes.add({
    method: 'get',
    path: '/permits/:id',
    access: 'signed-in',
    tag: 'Permits',
    summary:
      'An issued permit: `{id, number, status, documentType, validFrom, validUntil, ...}` (its holder and the Party’s officers)',
    responses: { 200: { description: 'The permit' }, 404: { description: 'No such permit, or not yours' } },
    handler: async ({ caller, params, res }) => {
      res.json(await permits.get(caller, params.id!));
    },
  });

  routes.add<EndorsementInput>({
    method: 'post',
    path: '/permits/:id/endorsement',
    access: { permission: 'permits.endorse' },
    tag: 'Permits',
    summary:
      'Endorse at the border (customs), Boxes 14 and 15: `{blocks: [{block, quantity}], port, date, billOfLading?}` with the quantity actually exported per block letter (a block not named leaves nothing); `quantities` (one per block, in order) is accepted instead of `blocks`',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['port', 'date'],
      properties: {
        blocks: blockQuantitiesSchema,
        quantities,
        port: { type: 'string', minLength: 2, maxLength: 100 },
        date: { type: 'string', format: 'date' },
        billOfLading: { type: 'string', maxLength: 100 },
      },
    },
    responses: {
      200: { description: 'The permit, endorsed' },
      409: { description: 'Endorsed already (one consignment per permit), expired or cancelled' },
      422: { description: 'More than authorised' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await permits.endorse(caller, params.id!, body));
    },
  });

  routes.add<unknown, { language?: Language; copy?: boolean }>({
    method: 'get',
    path: '/permits/:id/pdf',
    access: 'signed-in',
    tag: 'Permits',
    summary:
      'The permit on the CITES standard form as a PDF, with its QR code for verification; `language` en, fr or es (the Party’s choice when absent); `copy=true` marks every sheet COPY',
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        language: { type: 'string', enum: ['en', 'fr', 'es'] },
        copy: { type: 'boolean' },
      },
    },
    responses: {
      200: { description: 'The PDF', contentType: 'application/pdf' },
      404: { description: 'No such permit, or not yours' },
      409: { description: 'Issued before permits were signed' },
    },
    handler: async ({ caller, params, query, res }) => {
      const pdf = await documents.pdf(caller, params.id!, query);
      res
        .type('application/pdf')
        .set('Content-Disposition', `inline; filename="${params.id}${query.copy ? '-copy' : ''}.pdf"`)
        .send(pdf);
    },
  });

  routes.add({
    method: 'get',
    path: '/permits/:id/signed',
    access: 'signed-in',
    tag: 'Permits',
    summary:
      'The signed permit as a compact JWS (EdDSA, `typ` cites-permit+jws): boxes 1 to 13 and the blocks, verifiable with `/.well-known/jwks.json`',
    responses: {
      200: { description: 'The JWS', contentType: 'application/jose' },
      404: { description: 'No such permit, or not yours' },
      409: { description: 'Issued before permits were signed' },
    },
    handler: async ({ caller, params, res }) => {
      res.type('application/jose').send(await documents.signed(caller, params.id!));
    },
  });

  routes.add<{ reason: string }>({
    method: 'post',
    path: '/permits/:id/cancel',
    access: { permission: 'permits.manage' },
    tag: 'Permits',
    summary: 'Cancel an issued permit that has not been used, with the reason',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } },
    },
    responses: { 200: { description: 'The permit, cancelled' }, 409: { description: 'Endorsed or ended' } },
    handler: async ({ caller, params, body, res }) => {
      res.json(await permits.cancel(caller, params.id!, body.reason));
    },
  });

  routes.add<{ quantities: number[] }>({
    method: 'post',
    path: '/permits/:id/import-confirmation',
    access: { permission: 'permits.manage' },
    tag: 'Permits',
    summary: 'Record the importing Party’s confirmation of the quantities received; the permit is then used',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['quantities'],
      properties: { quantities },
    },
    responses: { 200: { description: 'The permit, used' }, 409: { description: 'Not endorsed yet' } },
    handler: async ({ caller, params, body, res }) => {
      res.json(await permits.confirmImport(caller, params.id!, body.quantities));
    },
  });

  routes.add<ReplacementInput>({
    method: 'post',
    path: '/permits/:id/replacement',
    access: { permission: 'permits.manage' },
    tag: 'Permits',
    summary:
      'Replace a valid permit that was lost, stolen or destroyed: a new number with the same validity, Box 5 naming the replaced permit and the reason',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      properties: {
        reason: { type: 'string', enum: [...PERMIT_REPLACEMENT_REASONS] },
        explanation: { type: 'string', maxLength: 500 },
      },
    },
    responses: {
      201: { description: 'The replacement permit' },
      409: { description: 'Endorsed, cancelled, expired or replaced already' },
      422: { description: 'No reason, or “other” without an explanation' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.status(201).json(await permits.replace(caller, params.id!, body));
    },
  });
}
