import type { PermitSigning } from '../activities/documents/issued-permit';
import { loadPartyKeys, type PartyKeyRing } from '../activities/signing/party-keys';
import type { PangolinConfig } from './config';

/**
 * The Party's signing keys, from `PANGOLIN_SIGNING_KEYS` or the keys directory; created there on
 * the first start of a deployment that is not in production. API and worker read them at start:
 * after `npm run keys:rotate`, restart both.
 */
export function loadSigningKeys(config: PangolinConfig): Promise<PartyKeyRing> {
  return loadPartyKeys({
    party: config.party,
    keysDir: config.signingKeysDir,
    environment: process.env,
    production: config.nodeEnv === 'production',
  });
}

/** What the worker signs permits with: the keys, and the Management Authority as Box 6 and 13 name it. */
export async function loadPermitSigning(config: PangolinConfig): Promise<PermitSigning> {
  const { name, streetLines, city, place } = config.authority;
  return {
    keys: await loadSigningKeys(config),
    authority: { name, address: { streetLines, ...(city ? { city } : {}), country: config.party } },
    place,
  };
}
