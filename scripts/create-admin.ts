import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { mongoUri } from '../server/mongo-uri';
import { errorMessage } from './services/managed-process';
import { AuditTrail } from '../server/services/audit-trail';
import { createAccount } from '../server/services/users';
import { AuditRepository } from '../store/audit';
import { connectStore } from '../store/connection';
import { UserRepository } from '../store/users';

const usage =
  'usage: npm run create-admin -- --email admin@example.org --name "Full Name"  (password from PANGOLIN_ADMIN_PASSWORD or asked)';

/**
 * Creates the first administrator of a real deployment (demo accounts never exist there). The
 * password comes from PANGOLIN_ADMIN_PASSWORD or is asked for, so it never sits in shell history.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) throw new Error(usage);
  const password = process.env.PANGOLIN_ADMIN_PASSWORD ?? (await askPassword());
  const config = loadConfig();
  const store = await connectStore({ uri: mongoUri(config), database: config.mongo.database }, 10_000);
  try {
    const admin = await createAccount(
      new UserRepository(store),
      new AuditTrail(new AuditRepository(store)),
      'system',
      { email: values.email, name: values.name, roles: ['admin'], password, party: config.party },
      new Date(),
    );
    console.log(
      `created admin ${admin.email} for Party ${config.party} in database ${config.mongo.database}`,
    );
  } finally {
    await store.close();
  }
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error('set PANGOLIN_ADMIN_PASSWORD or run in a terminal to type the password');
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: readline echoes through _writeToOutput.
  const muted = prompt as unknown as { _writeToOutput: (text: string) => void };
  const original = muted._writeToOutput.bind(prompt);
  let asking = true;
  muted._writeToOutput = (text) => original(asking && !text.startsWith('Password') ? '' : text);
  try {
    return await prompt.question('Password (at least 12 characters): ');
  } finally {
    asking = false;
    prompt.close();
    process.stdout.write('\n');
  }
}

main().catch((error: unknown) => {
  console.error(`create-admin: ${errorMessage(error)}`);
  process.exit(1);
});
