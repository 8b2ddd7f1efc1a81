import { createApiClient } from '../../admin-ui/src/api/client';
import type { PeerParty } from '../../admin-ui/src/api/types';
import { emptyPeerEntry, entryOf, readPeerEntry, sortedPeers, withPeer } from '../../admin-ui/src/peers';

const peer = (party: string, changes: Partial<PeerParty> = {}): PeerParty => ({
  party,
  baseUrl: `https://permits.${party.toLowerCase()}.example`,
  jwksUrl: `https://permits.${party.toLowerCase()}.example/.well-known/jwks.json`,
  status: 'active',
  updatedBy: 'admin@demo.test',
  updatedAt: '2026-11-28T09:00:00.000Z',
  ...changes,
});

describe('a peer Party, checked before it is sent', () => {
  const entry = {
    party: ' de ',
    baseUrl: ' https://permits.bfn.de ',
    jwksUrl: 'https://permits.bfn.de/.well-known/jwks.json',
  };

  it('upper-cases the code and trims the addresses', () => {
    expect(readPeerEntry(entry)).toEqual({
      body: {
        party: 'DE',
        baseUrl: 'https://permits.bfn.de',
        jwksUrl: 'https://permits.bfn.de/.well-known/jwks.json',
      },
      problems: {},
    });
  });

  it('leaves the keys address out when none is given: the server says whether keys are pinned', () => {
    expect(readPeerEntry({ ...entry, jwksUrl: '  ' }).body).toEqual({
      party: 'DE',
      baseUrl: 'https://permits.bfn.de',
    });
  });

  it('asks for a two-letter code and http(s) addresses without spaces', () => {
    expect(readPeerEntry(emptyPeerEntry).problems).toEqual({ party: 'required', baseUrl: 'required' });
    expect(readPeerEntry({ ...entry, party: 'DEU' }).problems).toEqual({ party: 'invalid' });
    expect(readPeerEntry({ ...entry, party: 'D1' }).problems).toEqual({ party: 'invalid' });
    for (const address of ['permits.bfn.de', 'ftp://permits.bfn.de', 'https://permits bfn.de', 'https://']) {
      expect(readPeerEntry({ ...entry, baseUrl: address }).problems).toEqual({ baseUrl: 'invalid' });
      expect(readPeerEntry({ ...entry, jwksUrl: address }).problems).toEqual({ jwksUrl: 'invalid' });
    }
    expect(readPeerEntry({ ...entry, baseUrl: `https://${'a'.repeat(300)}.de` }).problems).toEqual({
      baseUrl: 'invalid',
    });
    expect(readPeerEntry({ ...entry, baseUrl: 'http://127.0.0.1:3001' }).body).toBeDefined();
  });

  it('fills the form with a listed peer, pinned keys leaving the keys address empty', () => {
    expect(entryOf(peer('DE'))).toEqual({
      party: 'DE',
      baseUrl: 'https://permits.de.example',
      jwksUrl: 'https://permits.de.example/.well-known/jwks.json',
    });
    expect(entryOf(peer('FR', { jwksUrl: undefined, pinnedKeys: 2 })).jwksUrl).toBe('');
  });
});

describe('the directory', () => {
  it('lists trusted peers first, then removed ones, each by code', () => {
    const list = [
      peer('KE', { status: 'removed' }),
      peer('FR'),
      peer('DE'),
      peer('BE', { status: 'removed' }),
    ];
    expect(sortedPeers(list).map((entry) => entry.party)).toEqual(['DE', 'FR', 'BE', 'KE']);
  });

  it('puts a saved peer in its place, or adds it, and a removed one among the removed', () => {
    const list = [peer('DE'), peer('FR')];
    expect(withPeer(list, peer('DE', { status: 'removed' })).map((entry) => entry.party)).toEqual([
      'FR',
      'DE',
    ]);
    expect(withPeer(list, peer('BE')).map((entry) => entry.party)).toEqual(['BE', 'DE', 'FR']);
    expect(withPeer(list, peer('FR', { baseUrl: 'https://new.fr' }))[1]!.baseUrl).toBe('https://new.fr');
  });

  it('lists, saves and removes peers at /api/exchange/peers', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient({
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response('{}', { status: 200 });
      },
    });
    await api.listPeers();
    await api.savePeer({ party: 'DE', baseUrl: 'https://permits.bfn.de' });
    await api.removePeer('DE');
    expect(calls.map((call) => [call.init?.method, call.url])).toEqual([
      ['GET', '/api/exchange/peers'],
      ['POST', '/api/exchange/peers'],
      ['DELETE', '/api/exchange/peers/DE'],
    ]);
    expect(JSON.parse(String(calls[1]!.init?.body))).toEqual({
      party: 'DE',
      baseUrl: 'https://permits.bfn.de',
    });
  });
});
