import { loadConfig } from '../server/config';
import { mongoUri } from '../server/mongo-uri';
import { AuditRepository } from '../store/audit';
import { connectStore } from '../store/connection';
import { errorMessage } from './services/managed-process';

/** `npm run audit:verify`: walks the audit chain; exit code 1 names the first altered or missing entry. */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = await connectStore({ uri: mongoUri(config), database: config.mongo.database }, 10_000);
  try {
    const result = await new AuditRepository(store).verify();
    if (result.intact) {
      console.log(
        `audit trail intact: ${result.checked} entries${result.head ? `, head ${result.head.seq} ${result.head.hash}` : ''}`,
      );
    } else {
      console.log(
        `audit trail NOT intact after ${result.checked} good entries: ${result.firstProblem!.message}`,
      );
      process.exitCode = 1;
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`audit:verify: ${errorMessage(error)}`);
  process.exit(2);
});
