import type { Client } from '@temporalio/client';
import type { Role } from '../../../domain/roles';
import { PangolinError } from '../../../server/errors';
import type { Caller } from '../../../server/identity/permissions';
import { PermitService } from '../../../server/services/permits';
import type { PermitRecord, PermitRepository } from '../../../store/permits';

const ma: Caller = {
  actor: {
    kind: 'user',
    userId: 'ma-1',
    email: 'ma@example.org',
    roles: ['ma_officer'] as Role[],
    party: 'KE',
    sessionId: 's',
    mustEnrollSecondFactor: false,
  },
  requestId: 'r',
};

/**
 * A permit whose record the lifecycle's activity has already written as `recordStatus`, and a
 * lifecycle whose execution shows the statuses given in turn (the status it last recorded).
 */
function permitWithLifecycle(recordStatus: PermitRecord['status'], lifecycleStatuses: string[]) {
  const permit = { id: 'KE-2026-0123456789AB', applicationId: 'KE-2026-0123456789AB', status: recordStatus };
  const seen = { looks: 0, sentAfterLooks: [] as number[] };
  const handle = {
    describe: async () => {
      if (lifecycleStatuses.length === 0) throw new Error('Temporal did not answer');
      const status = lifecycleStatuses[Math.min(seen.looks++, lifecycleStatuses.length - 1)];
      return { typedSearchAttributes: { get: () => status } };
    },
    executeUpdate: async () => {
      seen.sentAfterLooks.push(seen.looks);
      // Stops the service before it reads the permit back; what matters is when it was sent.
      throw new PangolinError('conflict', 'sent');
    },
  };
  const permits = { find: async () => permit } as unknown as PermitRepository;
  const temporal = { workflow: { getHandle: () => handle } } as unknown as Client;
  return {
    service: new PermitService(permits, {} as never, temporal, 'https://permits.example', async () => {}),
    seen,
  };
}

describe('a change of a permit reaches its lifecycle only once the lifecycle has caught up with the record', () => {
  it.each<[string, PermitRecord['status'], string[], number]>([
    ['the lifecycle already shows the endorsement', 'endorsed', ['endorsed'], 1],
    [
      'the lifecycle takes in the endorsement two looks later',
      'endorsed',
      ['issued', 'issued', 'endorsed'],
      3,
    ],
  ])('%s', async (_case, recordStatus, lifecycleStatuses, looksBeforeSending) => {
    const { service, seen } = permitWithLifecycle(recordStatus, lifecycleStatuses);
    await expect(service.confirmImport(ma, 'KE-2026-0123456789AB', [50])).rejects.toThrow('sent');
    expect(seen.sentAfterLooks).toEqual([looksBeforeSending]);
  });

  it.each<[string, string[]]>([
    ['the lifecycle stays behind', ['issued']],
    ['Temporal does not answer for the lifecycle', []],
  ])('is not sent at all while %s: the caller is told to try again shortly', async (_case, statuses) => {
    const { service, seen } = permitWithLifecycle('endorsed', statuses);
    await expect(service.confirmImport(ma, 'KE-2026-0123456789AB', [50])).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(seen.sentAfterLooks).toEqual([]);
  });
});
