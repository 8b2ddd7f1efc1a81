import path from 'node:path';
import { parseArgs } from 'node:util';
import { rotatePartyKeys, signingKeysVariable } from '../activities/signing/party-keys';
import { loadConfig } from '../server/config';
import { errorMessage } from './services/managed-process';

const usage =
  'usage: npm run keys:rotate -- [--keys-dir <dir>] [--party KE]  ' +
  '(defaults: $PANGOLIN_SIGNING_KEYS_DIR, else $PANGOLIN_DATA_DIR/keys, and $PANGOLIN_PARTY)';

/**
 * `npm run keys:rotate`: makes a new signing key active and retires the current one, which stays
 * published so that the permits it signed still verify. Also creates the first key of a
 * production deployment.
 */
async function main(): Promise<void> {
  let values: { 'keys-dir'?: string; party?: string };
  try {
    ({ values } = parseArgs({ options: { 'keys-dir': { type: 'string' }, party: { type: 'string' } } }));
  } catch {
    throw new Error(usage);
  }
  if (process.env[signingKeysVariable]?.trim())
    throw new Error(
      `${signingKeysVariable} is set, so Pangolin signs with the keys it holds, not with key files: ` +
        'rotate them where that variable is managed',
    );
  // The same defaults as the server's, so the key lands where the API and the worker look for it.
  const config = values['keys-dir'] !== undefined && values.party !== undefined ? undefined : loadConfig();
  const keysDir = values['keys-dir']
    ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values['keys-dir'])
    : config!.signingKeysDir;
  const party = (values.party ?? config!.party).toUpperCase();

  const ring = await rotatePartyKeys(keysDir, party, new Date());
  console.log(`new active signing key ${ring.active.kid} in ${keysDir}`);
  if (ring.retired.length > 0)
    console.log(`retired (still published, still verify): ${ring.retired.map((key) => key.kid).join(', ')}`);
  console.log('Restart the API and the worker so that they sign with the new key.');
}

main().catch((error: unknown) => {
  console.error(`keys:rotate: ${errorMessage(error)}`);
  process.exit(2);
});
