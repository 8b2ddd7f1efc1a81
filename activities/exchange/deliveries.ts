import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { PermitDocument } from '../../domain/documents/model';
import {
  ALREADY_RECEIVED,
  exchangeMessageType,
  type ExchangeBodies,
  type ExchangeEnvelope,
  type ExchangeMessageKind,
} from '../../domain/exchange/messages';
import type { ExchangePeerRepository } from '../../store/exchange-peers';
import type { PermitRepository } from '../../store/permits';
import type { PartyKeyRing } from '../signing/party-keys';
import { decodeSignedPermit, signPermitContent } from '../signing/permit-signature';
import { counterpartPartyOf, permitMessageBodyOf } from './permit-message';

/**
 * A message to send, as a workflow names it: a permit by its id (its signed content is read at
 * sending time, so it never sits in a workflow's history), anything else with its body.
 */
export type OutgoingMessage =
  | { kind: 'permit'; permitId: string }
  | {
      [K in Exclude<ExchangeMessageKind, 'permit' | 'permit-request'>]: { kind: K; body: ExchangeBodies[K] };
    }[Exclude<ExchangeMessageKind, 'permit' | 'permit-request'>];

export interface DeliveryInput {
  /** The same for every attempt, so the peer takes it once. */
  messageId: string;
  message: OutgoingMessage;
  /** The permit the message is about: it goes to the Party across the border that permit names. */
  aboutPermitId?: string;
  /** The receiving Party, for a message about another Party's permit (an import confirmation). */
  to?: string;
}

export type DeliveryResult = { delivered: true; to: string } | { delivered: false; reason: string };

/** Signs a message to a peer with the Party's active key. */
export function signExchangeMessage(keys: PartyKeyRing, envelope: ExchangeEnvelope): string {
  return signPermitContent(keys, envelope, exchangeMessageType);
}

/** A new message id: random, so nobody can predict one to pre-empt a message. */
export const newMessageId = () => randomUUID();

/**
 * Sends messages to peer Parties. A delivery is retried by Temporal until the peer acknowledges it
 * (a peer that is down or refusing for now is tried again later); a peer that already has the
 * message says so (409), which counts as delivered. A Party not in the directory gets nothing.
 */
export function createExchangeActivities(
  { peers, permits }: { peers: ExchangePeerRepository; permits: PermitRepository },
  options: { party: string; keys: PartyKeyRing },
) {
  return {
    async deliverExchangeMessage(input: DeliveryInput): Promise<DeliveryResult> {
      const about = input.aboutPermitId ? await permits.find(input.aboutPermitId) : undefined;
      const to = about?.signedPermit
        ? counterpartPartyOf(decodeSignedPermit(about.signedPermit).content as PermitDocument)
        : input.to;
      if (!to || to === options.party) return { delivered: false, reason: 'no Party across the border' };
      let body: unknown;
      if (input.message.kind === 'permit') {
        const permit = await permits.find(input.message.permitId);
        if (!permit?.signedPermit) return { delivered: false, reason: 'the permit is not signed' };
        body = permitMessageBodyOf(permit.signedPermit);
      } else body = input.message.body;
      const peer = await peers.findActive(to);
      if (!peer) return { delivered: false, reason: `${to} is not a peer` };
      const message = signExchangeMessage(options.keys, {
        messageId: input.messageId,
        from: options.party,
        to,
        sentAt: new Date().toISOString(),
        kind: input.message.kind,
        body,
      } as ExchangeEnvelope);
      let answer: Response;
      try {
        answer = await fetch(`${peer.baseUrl}/api/exchange/inbox`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message }),
          signal: AbortSignal.timeout(15_000),
          redirect: 'error',
        });
      } catch (error) {
        throw ApplicationFailure.retryable(
          `${to} cannot be reached: ${(error as Error).message}`,
          'PeerUnreachable',
        );
      }
      // 409 with this code: the peer took the message on an earlier attempt whose answer was lost.
      if (answer.ok) return { delivered: true, to };
      const detail = (await answer.text().catch(() => '')).slice(0, 500);
      if (answer.status === 409 && detail.includes(ALREADY_RECEIVED)) return { delivered: true, to };
      // 422: the peer can never take this message as it is; anything else may pass later.
      if (answer.status === 422) {
        throw ApplicationFailure.nonRetryable(`${to} refused the message: ${detail}`, 'MessageRefused');
      }
      throw ApplicationFailure.retryable(`${to} answered ${answer.status}: ${detail}`, 'PeerRefused');
    },
  };
}

export type ExchangeActivities = ReturnType<typeof createExchangeActivities>;
