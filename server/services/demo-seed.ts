import type { UserRepository } from '../../store/users';
import { DEMO_ACCOUNTS } from '../identity/demo-accounts';
import type { AuditTrail } from './audit-trail';
import { createAccount } from './users';

/** Creates the demo accounts that are missing; never called in production (see config). */
export async function seedDemoAccounts(
  users: UserRepository,
  audit: AuditTrail,
  party: string,
  password: string,
): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByEmail(account.email)) continue;
    try {
      await createAccount(
        users,
        audit,
        'system',
        { email: account.email, name: account.name, roles: [account.role], password, party },
        new Date(),
      );
      created++;
    } catch (error) {
      // Another API process seeding at the same moment created it first.
      if ((error as { kind?: string }).kind !== 'conflict') throw error;
    }
  }
  return created;
}
