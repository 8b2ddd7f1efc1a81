import type { Connection } from 'mongoose';
import { ApplicationRepository, type ApplicationRecord } from '../../store/applications';
import { connectStore } from '../../store/connection';
import { testConfig } from '../support/test-stack';

describe('the application timeline', () => {
  const config = testConfig();
  let store: Connection;
  beforeAll(async () => {
    store = await connectStore({ uri: config.mongo.uri!, database: config.mongo.database });
  });
  afterAll(async () => {
    await store?.dropDatabase().catch(() => undefined);
    await store?.close();
  });

  it('keeps every entry written at the same moment, once each however often it is retried', async () => {
    const applications = new ApplicationRepository(store);
    const submittedAt = new Date('2026-11-30T10:00:00Z');
    await applications.create({
      id: 'KE-2026-0000000000AA',
      party: 'KE',
      applicantId: 'applicant-1',
      documentType: 'export',
      formId: 'export-permit',
      formVersionId: 'export-permit@1',
      procedureVersionId: 'export-procedure@1',
      procedure: { steps: [] },
      data: {},
      status: 'submitted',
      timeline: [{ at: submittedAt, event: 'submitted', by: 'applicant-1' }],
      submittedAt,
    } as unknown as ApplicationRecord);
    // Parallel findings decided at once, each written twice (a retried activity).
    const entry = (index: number) => ({
      at: new Date(submittedAt.getTime() + 1000 + index),
      event: 'step-approved',
      by: 'officer',
      step: `step-${index}`,
      eventId: `lifecycle/run/${index}`,
    });
    await Promise.all(
      Array.from({ length: 30 }, (_, index) => [
        applications.recordEvent('KE-2026-0000000000AA', entry(index)),
        applications.recordEvent('KE-2026-0000000000AA', entry(index)),
      ]).flat(),
    );
    await applications.recordEvent('KE-2026-0000000000AA', { ...entry(99), event: 'issued' }, 'issued');

    const found = (await applications.find('KE-2026-0000000000AA'))!;
    expect(found.status).toBe('issued');
    expect(found.timeline.map((item) => item.step ?? item.event)).toEqual([
      'submitted',
      ...Array.from({ length: 30 }, (_, index) => `step-${index}`),
      'step-99',
    ]);
    // Another application's entries stay its own.
    expect(await applications.find('KE-2026-0000000000AB')).toBeUndefined();
  });
});
