import { blockQuantitiesSchema } from '../http/block-quantities-schema';
import type { RouteTable } from '../http/route-table';
import { rateLimiter } from '../http/security';
import type { ExchangeInbox } from '../services/exchange-inbox';
import type { PeerInput, ExchangePeerService } from '../services/exchange-peers';
import type { ImportConfirmationInput, IncomingPermitService } from '../services/incoming-permits';

const PARTY = { type: 'string', pattern: '^[A-Z]{2}$' };
const signedMessage = {
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: { message: { type: 'string', minLength: 10, maxLength: 900_000 } },
};

/** Permit exchange with other Parties: the directory, the signed inbox, pull requests and expected consignments. */
export function exchangeRoutes(
  routes: RouteTable,
  services: { peers: ExchangePeerService; inbox: ExchangeInbox; incoming: IncomingPermitService },
  perMinute: number,
) {
  routes.add({
    method: 'get',
    path: '/exchange/peers',
    access: { permission: 'exchange.peers' },
    tag: 'Exchange',
    summary: 'The directory of trusted peer Parties: `[{party, baseUrl, jwksUrl, status}]`',
    responses: { 200: { description: 'The peers, removed ones included' } },
    handler: async ({ caller, res }) => {
      res.json(await services.peers.list(caller));
    },
  });

  routes.add<PeerInput>({
    method: 'post',
    path: '/exchange/peers',
    access: { permission: 'exchange.peers' },
    tag: 'Exchange',
    summary:
      'Add or change a peer Party: `{party, baseUrl, jwksUrl}` (or `keys`, pinned); only listed peers are trusted',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['party', 'baseUrl'],
      properties: {
        party: PARTY,
        baseUrl: { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 300 },
        jwksUrl: { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 300 },
        keys: { type: 'array', maxItems: 20, items: { type: 'object' } },
      },
    },
    responses: { 200: { description: 'The peer' } },
    handler: async ({ caller, body, res }) => {
      res.json(await services.peers.save(caller, body));
    },
  });

  routes.add({
    method: 'delete',
    path: '/exchange/peers/:party',
    access: { permission: 'exchange.peers' },
    tag: 'Exchange',
    summary: 'Stop trusting a peer: its messages are refused from now on, and nothing more is sent to it',
    responses: { 200: { description: 'The peer, removed' }, 404: { description: 'No such peer' } },
    handler: async ({ caller, params, res }) => {
      res.json(await services.peers.remove(caller, params.party!));
    },
  });

  routes.add<{ message: string }>({
    method: 'post',
    path: '/exchange/inbox',
    access: 'public',
    tag: 'Exchange',
    summary:
      'A peer Party’s signed message `{message}` (compact JWS, typ cites-exchange+jws): a permit, a cancellation, a replacement, an export endorsement or an import confirmation',
    before: [rateLimiter('exchange-inbox', perMinute)],
    body: signedMessage,
    responses: {
      200: { description: '`{acknowledged: true, messageId}`' },
      403: { description: 'Not a trusted peer, or not signed by its key' },
      409: { description: 'Received already (a replay)' },
      422: { description: 'Malformed, not addressed here, or stale' },
      503: { description: 'Cannot be taken yet (its permit has not arrived): send it again later' },
    },
    handler: async ({ body, res }) => {
      res.json(await services.inbox.receive(body.message));
    },
  });

  routes.add<{ message: string }>({
    method: 'post',
    path: '/exchange/requests',
    access: 'public',
    tag: 'Exchange',
    summary:
      'Pull: a peer’s signed request for permit N (kind permit-request); answered with the signed permit only to the Party across the border it names',
    before: [rateLimiter('exchange-requests', perMinute)],
    body: signedMessage,
    responses: {
      200: { description: '`{message}`: the permit, signed as a message to the requester' },
      403: { description: 'Not a trusted peer, or not signed by its key' },
      404: { description: 'No such permit for the requester' },
    },
    handler: async ({ body, res }) => {
      res.json(await services.inbox.answerPermitRequest(body.message));
    },
  });

  routes.add({
    method: 'get',
    path: '/exchange/incoming',
    access: { permission: 'exchange.incoming' },
    tag: 'Exchange',
    summary:
      'Permits other Parties sent for consignments coming here: `[{id, number, fromParty, status, blocks, exportEndorsement?, importConfirmation?}]`',
    responses: { 200: { description: 'Newest first' } },
    handler: async ({ caller, res }) => {
      res.json(await services.incoming.list(caller));
    },
  });

  routes.add<ImportConfirmationInput>({
    method: 'post',
    path: '/exchange/incoming/:id/confirmation',
    access: { permission: 'exchange.confirm' },
    tag: 'Exchange',
    summary:
      'Customs at import: what arrived per block `{blocks: [{block, quantity}], date}`; the signed confirmation goes back to the issuing Party, whose permit becomes used',
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['blocks', 'date'],
      properties: { blocks: blockQuantitiesSchema, date: { type: 'string', format: 'date' } },
    },
    responses: {
      200: { description: 'The incoming permit, used' },
      404: { description: 'No such permit for here' },
      409: { description: 'Confirmed already, cancelled or replaced' },
      422: { description: 'A block the permit does not have, or more than it allows' },
    },
    handler: async ({ caller, params, body, res }) => {
      res.json(await services.incoming.confirm(caller, params.id!, body));
    },
  });
}
