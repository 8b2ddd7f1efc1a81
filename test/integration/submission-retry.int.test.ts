import example from '../../examples/applications/export-appendix-ii-wild.json';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * An API process killed after it stored an application, before the answer left: the client sends
 * the submission again with its Idempotency-Key, and once the dead process's claim on the key has
 * lapsed the retry runs again. It must find the same application, not file a second one.
 */
describe('a submission retried after the process that took it died', () => {
  let stack: TestStack;
  let applicant: string;
  beforeAll(async () => {
    stack = await startTestStack();
    applicant = await stack.login('applicant@demo.test');
  });
  afterAll(() => stack?.close());

  it('is the same application and lifecycle, however often it runs again', async () => {
    const headers = { 'idempotency-key': 'submitted-before-the-crash' };
    const first = await stack.api<{ id: string }>('/api/applications', {
      token: applicant,
      body: example,
      headers,
    });
    expect(first.status).toBe(201);
    // What the lapsed claim of a dead process comes to: the key is free, the application stored.
    await stack.store.collection('idempotencyKeys').deleteMany({});
    const again = await stack.api<{ id: string }>('/api/applications', {
      token: applicant,
      body: example,
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await stack.store.collection('applications').countDocuments()).toBe(1);

    // Another submission with another key, or none, is another application.
    const other = await stack.api<{ id: string }>('/api/applications', {
      token: applicant,
      body: example,
      headers: { 'idempotency-key': 'the-next-consignment' },
    });
    const unkeyed = await stack.api<{ id: string }>('/api/applications', { token: applicant, body: example });
    expect(new Set([first.body.id, other.body.id, unkeyed.body.id]).size).toBe(3);
  });
});
