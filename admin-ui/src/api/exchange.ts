import type { Call } from './client';
import type { CountedBlocks, IncomingPermit, PeerInput, PeerParty } from './types';

const peerPath = (party: string) => `/api/exchange/peers/${encodeURIComponent(party)}`;

/** Permit exchange with other Parties: the directory of peers, and the permits they sent here. */
export function exchangeEndpoints(call: Call) {
  return {
    /** Administrators: every peer, removed ones included. */
    listPeers: () => call<PeerParty[]>('/api/exchange/peers'),
    /** Administrators: adds or changes a peer; 422 without a JWKS URL, or for this Party itself. */
    savePeer: (peer: PeerInput) => call<PeerParty>('/api/exchange/peers', { method: 'POST', body: peer }),
    /** Administrators: its messages are refused from now on; 404 for a Party not in the directory. */
    removePeer: (party: string) => call<PeerParty>(peerPath(party), { method: 'DELETE' }),
    /** The MA and customs: permits other Parties sent for consignments coming here, newest first. */
    listIncomingPermits: () => call<IncomingPermit[]>('/api/exchange/incoming'),
    /**
     * Customs: what arrived per block. The answer is the permit, used; the signed confirmation goes
     * back to the issuing Party. 409 when it is no longer valid; 422 for an unknown block or more
     * than the permit allows.
     */
    confirmArrival: (id: string, confirmation: CountedBlocks, idempotencyKey?: string) =>
      call<IncomingPermit>(`/api/exchange/incoming/${encodeURIComponent(id)}/confirmation`, {
        method: 'POST',
        body: confirmation,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      }),
  };
}
