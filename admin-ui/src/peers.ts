import type { PeerInput, PeerParty } from './api/types';

/** What the administrator typed about a peer, as typed. */
export interface PeerEntry {
  party: string;
  baseUrl: string;
  jwksUrl: string;
}

export const emptyPeerEntry: PeerEntry = { party: '', baseUrl: '', jwksUrl: '' };

export interface PeerProblems {
  party?: 'required' | 'invalid';
  baseUrl?: 'required' | 'invalid';
  jwksUrl?: 'invalid';
}

/** The longest address the server takes. */
const urlMax = 300;

/** An http(s) address without spaces, as the server takes it. */
function isWebAddress(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text) || text.length > urlMax) return false;
  try {
    return Boolean(new URL(text).host);
  } catch {
    return false;
  }
}

/**
 * Checks a peer before it is sent: a two-letter Party code (upper-cased, as ISO writes it), an
 * http(s) address, and a keys address that is one when given. Whether the keys address may be left
 * out (keys pinned instead) and whether the code is this Party's own, the server says.
 */
export function readPeerEntry(entry: PeerEntry): { body?: PeerInput; problems: PeerProblems } {
  const problems: PeerProblems = {};
  const party = entry.party.trim().toUpperCase();
  const baseUrl = entry.baseUrl.trim();
  const jwksUrl = entry.jwksUrl.trim();
  if (party === '') problems.party = 'required';
  else if (!/^[A-Z]{2}$/.test(party)) problems.party = 'invalid';
  if (baseUrl === '') problems.baseUrl = 'required';
  else if (!isWebAddress(baseUrl)) problems.baseUrl = 'invalid';
  if (jwksUrl !== '' && !isWebAddress(jwksUrl)) problems.jwksUrl = 'invalid';
  if (Object.keys(problems).length > 0) return { problems };
  return { body: { party, baseUrl, ...(jwksUrl ? { jwksUrl } : {}) }, problems };
}

/** A listed peer, ready to be changed in the form. */
export function entryOf(peer: PeerParty): PeerEntry {
  return { party: peer.party, baseUrl: peer.baseUrl, jwksUrl: peer.jwksUrl ?? '' };
}

/** Trusted peers first, then removed ones, each by Party code. */
export function sortedPeers(peers: readonly PeerParty[]): PeerParty[] {
  const rank = (peer: PeerParty) => (peer.status === 'active' ? 0 : 1);
  return [...peers].sort((a, b) => rank(a) - rank(b) || a.party.localeCompare(b.party));
}

/** The directory with one peer as the server answered it now: in its place, or added. */
export function withPeer(peers: readonly PeerParty[], saved: PeerParty): PeerParty[] {
  const others = peers.filter((peer) => peer.party !== saved.party);
  return sortedPeers([...others, saved]);
}
