import { createApiClient } from '../../admin-ui/src/api/client';
import type { Task } from '../../admin-ui/src/api/types';
import { nextPageAfter, withPage, type TaskPages } from '../../admin-ui/src/task-pages';

/** An open completeness check of application `KE-2026-<n>`, opened `n` minutes into 1 March. */
const check = (n: number, changes: Partial<Task> = {}): Task => ({
  id: `KE-2026-${String(n).padStart(2, '0')}:completeness-check`,
  type: 'completeness-check',
  applicationId: `KE-2026-${String(n).padStart(2, '0')}`,
  documentType: 'export',
  title: { en: 'Management Authority: the application is complete' },
  actor: 'ma_officer',
  status: 'open',
  openedAt: new Date(Date.UTC(2026, 2, 1, 8, n)).toISOString(),
  dueAt: '2026-03-10T00:00:00.000Z',
  overdue: false,
  ...changes,
});

const ids = (pages: TaskPages<Task>) => pages.tasks.map((task) => task.applicationId);

describe('the inbox a page at a time', () => {
  it('offers more after a full page, and starts the next page after the task opened last', () => {
    const first = withPage(null, [check(1), check(2), check(3)], 3);
    expect(ids(first)).toEqual(['KE-2026-01', 'KE-2026-02', 'KE-2026-03']);
    expect(first.more).toBe(true);
    expect(nextPageAfter(first)).toEqual({
      openedAfter: '2026-03-01T08:03:00.000Z',
      afterId: first.tasks[2]!.id,
    });
  });

  it('appends the next page and stops after a page shorter than asked for', () => {
    const first = withPage(null, [check(1), check(2)], 2);
    const second = withPage(first, [check(3)], 2);
    expect(ids(second)).toEqual(['KE-2026-01', 'KE-2026-02', 'KE-2026-03']);
    expect(second.more).toBe(false);
    // The first page is left as it was: a refresh or another filter starts from it again.
    expect(ids(first)).toEqual(['KE-2026-01', 'KE-2026-02']);
  });

  it('stops after an empty page, the last one having been exactly full', () => {
    const first = withPage(null, [check(1), check(2)], 2);
    const second = withPage(first, [], 2);
    expect(ids(second)).toEqual(['KE-2026-01', 'KE-2026-02']);
    expect(second.more).toBe(false);
  });

  it('lists a task sent twice once, as last sent, and keeps the pages oldest first', () => {
    const first = withPage(null, [check(1), check(2)], 2);
    const escalated = check(2, {
      escalatedAt: '2026-03-09T08:30:00.000Z',
      escalatedTo: 'supervisor@demo.test',
    });
    const second = withPage(first, [escalated, check(4), check(3)], 3);
    expect(ids(second)).toEqual(['KE-2026-01', 'KE-2026-02', 'KE-2026-03', 'KE-2026-04']);
    expect(second.tasks[1]).toEqual(escalated);
    // The page was full as sent, repeats included: the server may have more.
    expect(second.more).toBe(true);
    expect(nextPageAfter(second)).toMatchObject({ openedAfter: '2026-03-01T08:04:00.000Z' });
  });

  it('has no next page to start after when nothing is open', () => {
    const none = withPage(null, [], 50);
    expect(none).toEqual({ tasks: [], more: false });
    expect(nextPageAfter(none)).toBeUndefined();
  });
});

describe('asking the server for a page of tasks', () => {
  it('sends the page size, where the page starts and the filters chosen, and nothing else', async () => {
    const urls: string[] = [];
    const api = createApiClient({
      fetch: async (url) => {
        urls.push(url);
        return new Response('[]', { status: 200 });
      },
    });
    await api.listTasks({ limit: 50 });
    await api.listTasks({
      step: 'sa-non-detriment',
      escalated: true,
      limit: 50,
      openedAfter: '2026-03-01T08:03:00.000Z',
    });
    await api.listTasks({ documentType: 'export', assigned: 'nobody', overdue: true, escalated: false });
    await api.listTasks({ step: '', openedAfter: undefined });
    await api.listTasks({ applicationId: 'KE-2026-0123456789AB' });
    await api.listTasks({
      openedAfter: '2026-03-01T08:03:00.000Z',
      afterId: 'KE-2026-03:completeness-check',
    });
    expect(urls).toEqual([
      '/api/tasks?limit=50',
      '/api/tasks?step=sa-non-detriment&openedAfter=2026-03-01T08%3A03%3A00.000Z&escalated=true&limit=50',
      '/api/tasks?documentType=export&assigned=nobody&overdue=true',
      '/api/tasks',
      '/api/tasks?applicationId=KE-2026-0123456789AB',
      '/api/tasks?openedAfter=2026-03-01T08%3A03%3A00.000Z&afterId=KE-2026-03%3Acompleteness-check',
    ]);
  });
});
