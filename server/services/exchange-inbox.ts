import type { Client } from '@temporalio/client';
import { permitMessageBodyOf, counterpartPartyOf } from '../../activities/exchange/permit-message';
import { newMessageId, signExchangeMessage } from '../../activities/exchange/deliveries';
import type { PartyKeyRing } from '../../activities/signing/party-keys';
import { decodeSignedPermit, verifyPermitSignature } from '../../activities/signing/permit-signature';
import type { PermitDocument } from '../../domain/documents/model';
import { endorsedQuantitiesOf } from '../../domain/documents/endorsed-blocks';
import { blockLetter } from '../../domain/documents/sheets';
import {
  ALREADY_RECEIVED,
  envelopeProblem,
  exchangeMessageType,
  type ExchangeBodies,
  type ExchangeEnvelope,
} from '../../domain/exchange/messages';
import type { ReceivedMessageRepository } from '../../store/exchange-messages';
import type { IncomingPermitRepository } from '../../store/incoming-permits';
import type { PermitRepository } from '../../store/permits';
import { confirmImport, lifecycleWorkflowId } from '../../workflows/permit-lifecycle';
import { PangolinError } from '../errors';
import type { AuditTrail } from './audit-trail';
import type { ExchangePeerService } from './exchange-peers';
import type { ImportPermitArrivals } from './import-permit-arrivals';

const refused = (reason: string) => new PangolinError('not-allowed', `Message refused: ${reason}.`);
const malformed = (reason: string) => new PangolinError('invalid', `Message refused: ${reason}.`);

/**
 * Messages from peer Parties. Each is taken only when the sender is an active peer, the signature
 * is by a key it publishes, it is addressed here, fresh (five minutes) and not taken before;
 * otherwise it is refused and nothing is stored. Public by design: the signature is the caller's
 * credential, so there is no signed-in caller to check.
 */
export class ExchangeInbox {
  constructor(
    private readonly party: string,
    private readonly peers: ExchangePeerService,
    private readonly received: ReceivedMessageRepository,
    private readonly incomingPermits: IncomingPermitRepository,
    private readonly permits: PermitRepository,
    private readonly temporal: Client,
    private readonly arrivals: ImportPermitArrivals,
    private readonly keys: PartyKeyRing,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Takes a pushed message (a permit, a cancellation, an endorsement, an import confirmation). */
  async receive(message: string): Promise<{ acknowledged: true; messageId: string }> {
    const envelope = await this.open(message);
    if (envelope.kind === 'permit-request')
      throw malformed('a permit request goes to /api/exchange/requests');
    await this.take(envelope);
    // Recorded once taken, so a crash in between lets the sender's retry complete it (taking is idempotent).
    await this.received.record(envelope.from, envelope.messageId, envelope.kind, this.now());
    await this.audit.record('system', {
      action: `exchange.received.${envelope.kind}`,
      objectType: 'exchange-message',
      objectId: `${envelope.from}:${envelope.messageId}`,
      before: null,
      after: { from: envelope.from, kind: envelope.kind },
    });
    return { acknowledged: true, messageId: envelope.messageId };
  }

  /**
   * Pull: answers a signed "get permit N" with the signed permit, only to the Party across the
   * border the permit names; to anyone else as if there were no such permit.
   */
  async answerPermitRequest(message: string): Promise<{ message: string }> {
    const envelope = await this.open(message);
    if (envelope.kind !== 'permit-request') throw malformed('only a permit request is answered here');
    const { number } = envelope.body;
    const permit = typeof number === 'string' ? await this.permits.findByNumber(number) : undefined;
    const document = permit?.signedPermit
      ? (decodeSignedPermit(permit.signedPermit).content as PermitDocument)
      : undefined;
    if (!permit?.signedPermit || !document || counterpartPartyOf(document) !== envelope.from) {
      throw new PangolinError('not-found', `Permit ${String(number)} was not found`);
    }
    await this.received.record(envelope.from, envelope.messageId, envelope.kind, this.now());
    await this.audit.record('system', {
      action: 'exchange.permit-requested',
      objectType: 'permit',
      objectId: permit.id,
      before: null,
      after: { by: envelope.from },
    });
    return {
      message: signExchangeMessage(this.keys, {
        messageId: newMessageId(),
        from: this.party,
        to: envelope.from,
        sentAt: this.now().toISOString(),
        kind: 'permit',
        body: permitMessageBodyOf(permit.signedPermit),
      }),
    };
  }

  /** Checks who sent the message and that it is fresh and new; nothing is stored here. */
  private async open(message: string): Promise<ExchangeEnvelope> {
    let claimed: { header: Record<string, unknown>; content: unknown };
    try {
      claimed = decodeSignedPermit(message);
    } catch (error) {
      throw malformed((error as Error).message);
    }
    const from = (claimed.content as { from?: unknown } | null)?.from;
    if (typeof from !== 'string' || !/^[A-Z]{2}$/.test(from)) throw malformed('it does not say who sent it');
    const kid = typeof claimed.header.kid === 'string' ? claimed.header.kid : undefined;
    const keys = await this.peers.trustedKeys(from, kid);
    if (!keys) throw refused(`${from} is not a trusted peer`);
    const check = verifyPermitSignature(message, keys, exchangeMessageType);
    if (!check.valid) throw refused(check.reason);
    const problem = envelopeProblem(check.content, this.party, this.now());
    if (problem) throw malformed(problem);
    const envelope = check.content as ExchangeEnvelope;
    if (await this.received.seen(envelope.from, envelope.messageId)) {
      throw new PangolinError(
        'conflict',
        `Message ${envelope.messageId} was received already (${ALREADY_RECEIVED}).`,
      );
    }
    return envelope;
  }

  private async take(envelope: ExchangeEnvelope): Promise<void> {
    const id = (number: string) => `${envelope.from}:${number}`;
    switch (envelope.kind) {
      case 'permit':
        return this.takePermit(envelope.from, envelope.body);
      case 'permit-cancelled':
        return this.updateIncoming(id(envelope.body.number), {
          status: 'cancelled',
          cancellation: { reason: String(envelope.body.reason) },
        });
      case 'permit-replaced':
        return this.updateIncoming(id(envelope.body.number), {
          status: 'replaced',
          replacedBy: String(envelope.body.replacedBy),
        });
      case 'export-endorsed':
        return this.updateIncoming(id(envelope.body.number), {
          exportEndorsement: {
            blocks: blocksOf(envelope.body.blocks),
            port: String(envelope.body.port),
            date: String(envelope.body.date),
          },
        });
      case 'import-confirmed':
        return this.takeImportConfirmation(envelope.from, envelope.body);
    }
  }

  /** A permit issued for a consignment to or from here, signed by the same peer as the message. */
  private async takePermit(from: string, body: ExchangeBodies['permit']): Promise<void> {
    const keys = await this.peers.trustedKeys(from);
    const check =
      typeof body?.signedPermit === 'string' ? verifyPermitSignature(body.signedPermit, keys!) : undefined;
    if (!check?.valid)
      throw refused(`the permit in it is not signed by ${from}: ${check?.reason ?? 'no permit'}`);
    const document = check.content as PermitDocument;
    if (document.managementAuthority?.address?.country !== from) {
      throw refused(
        `the permit was issued by ${String(document.managementAuthority?.address?.country)}, not ${from}`,
      );
    }
    if (counterpartPartyOf(document) !== this.party) {
      throw malformed(`permit ${document.permitNumber} is not for a consignment with ${this.party}`);
    }
    const exporter = 'exporter' in document ? document.exporter.address.country : from;
    const importer = 'importer' in document ? document.importer.address.country : this.party;
    await this.incomingPermits.keepOnce({
      id: `${from}:${document.permitNumber}`,
      number: document.permitNumber,
      fromParty: from,
      documentType: document.documentType,
      status: 'valid',
      validUntil: document.validUntil,
      exporterCountry: exporter,
      importerCountry: importer,
      blocks: document.specimens.map((block) => ({
        scientificName: block.scientificName,
        quantity: block.quantity,
        ...(block.unit ? { unit: block.unit } : {}),
      })),
      signedPermit: body.signedPermit,
      verifiedAt: this.now(),
      ...(typeof body.xml === 'string' ? { xml: body.xml } : {}),
    });
    // An import permit may be what an Appendix I export here is waiting for.
    if (document.documentType === 'import') await this.arrivals.announce();
  }

  private async updateIncoming(
    id: string,
    change: Parameters<IncomingPermitRepository['update']>[1],
  ): Promise<void> {
    // Sent after the permit itself; the peer retries until its permit is here.
    if (!(await this.incomingPermits.findById(id))) {
      throw new PangolinError('unavailable', `Permit ${id} has not arrived yet; send it again later.`);
    }
    await this.incomingPermits.update(id, change);
  }

  /** The importing Party's customs confirmed what arrived under a permit issued here: it is used. */
  private async takeImportConfirmation(
    from: string,
    body: ExchangeBodies['import-confirmed'],
  ): Promise<void> {
    const permit =
      typeof body?.number === 'string' ? await this.permits.findByNumber(body.number) : undefined;
    const document = permit?.signedPermit
      ? (decodeSignedPermit(permit.signedPermit).content as PermitDocument)
      : undefined;
    if (!permit || !document || counterpartPartyOf(document) !== from) {
      throw malformed(`no permit ${String(body?.number)} was issued here for ${from}`);
    }
    if (permit.status === 'used') return;
    if (permit.status === 'valid') {
      throw new PangolinError(
        'unavailable',
        `Permit ${permit.number} is not endorsed at export yet; send it again later.`,
      );
    }
    if (permit.status !== 'endorsed') throw malformed(`permit ${permit.number} is ${permit.status}`);
    const quantities = endorsedQuantitiesOf(blocksOf(body.blocks), permit.authorisedQuantities.length);
    if (!quantities.ok)
      throw malformed(quantities.problems.map((problem) => `${problem.path} ${problem.message}`).join('; '));
    try {
      await this.temporal.workflow
        .getHandle(lifecycleWorkflowId(permit.applicationId))
        .executeUpdate(confirmImport, {
          args: [
            {
              quantities: quantities.quantities,
              permitId: permit.id,
              officer: { userId: `peer:${from}`, email: `peer:${from}`, roles: ['peer_party'] },
            },
          ],
        });
    } catch (error) {
      // Confirmed meanwhile (by the Management Authority, or this message's earlier attempt).
      if ((await this.permits.find(permit.id))?.status === 'used') return;
      throw new PangolinError(
        'unavailable',
        `The confirmation could not be recorded yet: ${(error as Error).message}`,
      );
    }
  }
}

/** Blocks as a peer sent them, read defensively: a letter and a number each. */
function blocksOf(blocks: unknown): { block: string; quantity: number }[] {
  if (!Array.isArray(blocks)) throw malformed('its blocks are not a list');
  return blocks.map((entry, index) => {
    const { block, quantity } = (entry ?? {}) as { block?: unknown; quantity?: unknown };
    if (typeof quantity !== 'number' || !(quantity >= 0))
      throw malformed(`block ${index + 1} has no quantity`);
    return { block: typeof block === 'string' ? block : (blockLetter(index) ?? String(index + 1)), quantity };
  });
}
