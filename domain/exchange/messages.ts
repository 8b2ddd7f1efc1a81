import type { EndorsedBlock } from '../documents/endorsed-blocks';
import type { PermitDocument } from '../documents/model';

/** The JWS `typ` of a message between Parties: never mistaken for a signed permit. */
export const exchangeMessageType = 'cites-exchange+jws';

/** What a peer's inbox says of a message it took before: the sender counts it as delivered. */
export const ALREADY_RECEIVED = 'exchange-message-already-received';

/** How far a message's `sentAt` may be from the receiver's clock; older ones are refused as stale. */
export const EXCHANGE_MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A permit issued for the receiving Party: the signed permit, its UN/CEFACT XML, and its boxes as JSON. */
export interface PermitMessageBody {
  signedPermit: string;
  xml: string;
  /** Boxes 1 to 13 as JSON, for systems that read neither; only `signedPermit` is to be trusted. */
  permit: PermitDocument;
  /** Where the permit is on the issuer's side when sent (a replacement arrives valid). */
  status: 'valid';
}

export interface PermitCancelledBody {
  number: string;
  reason: string;
}

export interface PermitReplacedBody {
  number: string;
  replacedBy: string;
}

/** Box 14 as customs endorsed it at export. */
export interface ExportEndorsedBody {
  number: string;
  blocks: EndorsedBlock[];
  port: string;
  date: string;
}

/** What arrived, per block, as customs of the importing Party confirmed it (like EPIX ConfirmQuantities). */
export interface ImportConfirmedBody {
  number: string;
  blocks: EndorsedBlock[];
  date: string;
}

/** Pull: the importing Party asks for a permit it has not been sent (like EPIX GetNonFinal / GetFinal). */
export interface PermitRequestBody {
  number: string;
}

export interface ExchangeBodies {
  permit: PermitMessageBody;
  'permit-cancelled': PermitCancelledBody;
  'permit-replaced': PermitReplacedBody;
  'export-endorsed': ExportEndorsedBody;
  'import-confirmed': ImportConfirmedBody;
  'permit-request': PermitRequestBody;
}

export type ExchangeMessageKind = keyof ExchangeBodies;

/** What a signed message carries: who sends it to whom, when, and once only (its id). */
export type ExchangeEnvelope<K extends ExchangeMessageKind = ExchangeMessageKind> = {
  [Kind in K]: {
    messageId: string;
    from: string;
    to: string;
    sentAt: string;
    kind: Kind;
    body: ExchangeBodies[Kind];
  };
}[K];

const KINDS: readonly ExchangeMessageKind[] = [
  'permit',
  'permit-cancelled',
  'permit-replaced',
  'export-endorsed',
  'import-confirmed',
  'permit-request',
];
const PARTY = /^[A-Z]{2}$/;
const MESSAGE_ID = /^[A-Za-z0-9:_-]{8,100}$/;

/**
 * Why a verified message cannot be taken (it is for another Party, too old or from the future, or not
 * shaped like a message), or undefined when it can. The signature is checked before this; what
 * each kind's body holds is checked where it is used.
 */
export function envelopeProblem(content: unknown, receiver: string, now: Date): string | undefined {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return 'it is not a message';
  const envelope = content as Record<string, unknown>;
  if (typeof envelope.messageId !== 'string' || !MESSAGE_ID.test(envelope.messageId))
    return 'its messageId is missing or malformed';
  if (typeof envelope.from !== 'string' || !PARTY.test(envelope.from))
    return 'its sender is not a Party code';
  if (envelope.to !== receiver) return `it is addressed to ${String(envelope.to)}, not ${receiver}`;
  if (!KINDS.includes(envelope.kind as ExchangeMessageKind))
    return `its kind ${String(envelope.kind)} is unknown`;
  if (typeof envelope.body !== 'object' || envelope.body === null) return 'it has no body';
  const sentAt = typeof envelope.sentAt === 'string' ? Date.parse(envelope.sentAt) : Number.NaN;
  if (Number.isNaN(sentAt)) return 'its sentAt is not a time';
  if (Math.abs(now.getTime() - sentAt) > EXCHANGE_MAX_CLOCK_SKEW_MS)
    return `it was sent at ${String(envelope.sentAt)}, more than five minutes from now: stale or from a wrong clock`;
  return undefined;
}
