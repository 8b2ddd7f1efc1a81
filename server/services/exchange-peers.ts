import type { ExchangePeer, ExchangePeerRepository } from '../../store/exchange-peers';
import { PangolinError } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';

export interface PeerInput {
  party: string;
  baseUrl: string;
  jwksUrl?: string;
  /** Keys agreed out of band, in place of a JWKS URL. */
  keys?: Record<string, unknown>[];
}

export type PeerView = Omit<ExchangePeer, 'pinnedKeys'> & { pinnedKeys?: number };

const KEYS_CACHE_MS = 5 * 60_000;

/**
 * The directory of peer Parties, kept by administrators, and the public keys each one signs with:
 * pinned here, or fetched from its JWKS URL and kept for five minutes (fetched again at once when a
 * message names a key not seen yet, so a peer's key rotation is picked up).
 */
export class ExchangePeerService {
  private readonly cachedKeys = new Map<string, { keys: { keys: unknown[] }; at: number }>();

  constructor(
    private readonly ownParty: string,
    private readonly peers: ExchangePeerRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller): Promise<PeerView[]> {
    requirePermission(caller, 'exchange.peers');
    return (await this.peers.list()).map(viewOf);
  }

  /** Adds a peer, or changes one (a removed peer listed again is trusted again). */
  async save(caller: Caller, input: PeerInput): Promise<PeerView> {
    const admin = requirePermission(caller, 'exchange.peers');
    if (input.party === this.ownParty) {
      throw new PangolinError('invalid', 'A Party does not exchange permits with itself.', [
        { path: '/party', message: `is this Party (${this.ownParty})` },
      ]);
    }
    if (!input.jwksUrl && !input.keys?.length) {
      throw new PangolinError('invalid', 'Say where the peer’s keys are, or pin them.', [
        { path: '/jwksUrl', message: 'is required unless keys are given' },
      ]);
    }
    const before = await this.peers.find(input.party);
    const peer: ExchangePeer = {
      party: input.party,
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      ...(input.jwksUrl ? { jwksUrl: input.jwksUrl } : {}),
      ...(input.keys?.length ? { pinnedKeys: input.keys } : {}),
      status: 'active',
      updatedBy: admin.email,
      updatedAt: this.now(),
    };
    await this.peers.save(peer);
    this.cachedKeys.delete(peer.party);
    await this.audit.record(caller, {
      action: before ? 'exchange.peer-changed' : 'exchange.peer-added',
      objectType: 'exchange-peer',
      objectId: peer.party,
      before: before ? viewOf(before) : null,
      after: viewOf(peer),
    });
    return viewOf(peer);
  }

  /** No message from the peer is trusted after this, and nothing more is sent to it. */
  async remove(caller: Caller, party: string): Promise<PeerView> {
    const admin = requirePermission(caller, 'exchange.peers');
    const before = await this.peers.find(party);
    if (!before) throw new PangolinError('not-found', `Peer ${party} was not found`);
    const removed: ExchangePeer = {
      ...before,
      status: 'removed',
      updatedBy: admin.email,
      updatedAt: this.now(),
    };
    await this.peers.save(removed);
    this.cachedKeys.delete(party);
    await this.audit.record(caller, {
      action: 'exchange.peer-removed',
      objectType: 'exchange-peer',
      objectId: party,
      before: viewOf(before),
      after: viewOf(removed),
    });
    return viewOf(removed);
  }

  /**
   * The keys an active peer signs with, or undefined when the Party is not a trusted peer. With
   * `kid`, a cached key set that lacks it is fetched again.
   */
  async trustedKeys(party: string, kid?: string): Promise<{ keys: unknown[] } | undefined> {
    const peer = await this.peers.findActive(party);
    if (!peer) return undefined;
    if (peer.pinnedKeys?.length) return { keys: peer.pinnedKeys };
    const cached = this.cachedKeys.get(party);
    const fresh = cached && this.now().getTime() - cached.at < KEYS_CACHE_MS;
    const hasKid =
      kid === undefined || cached?.keys.keys.some((key) => (key as { kid?: unknown }).kid === kid);
    if (cached && fresh && hasKid) return cached.keys;
    const fetched = await fetchJwks(peer.jwksUrl!);
    if (!fetched) return cached?.keys;
    this.cachedKeys.set(party, { keys: fetched, at: this.now().getTime() });
    return fetched;
  }
}

/** A peer's published keys; undefined when they cannot be had now (the message is then refused). */
async function fetchJwks(url: string): Promise<{ keys: unknown[] } | undefined> {
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'error' });
    if (!answer.ok) return undefined;
    const text = await answer.text();
    if (text.length > 256 * 1024) return undefined;
    const jwks = JSON.parse(text) as { keys?: unknown };
    return Array.isArray(jwks.keys) ? { keys: jwks.keys } : undefined;
  } catch {
    return undefined;
  }
}

function viewOf(peer: ExchangePeer): PeerView {
  const { pinnedKeys, ...rest } = peer;
  return { ...rest, ...(pinnedKeys?.length ? { pinnedKeys: pinnedKeys.length } : {}) };
}
