import { createApiClient } from '../../../admin-ui/src/api/client';

describe('the dashboard endpoints', () => {
  it('ask for the range, the interval or the year in the query', async () => {
    const urls: string[] = [];
    const api = createApiClient({
      fetch: async (url) => {
        urls.push(url);
        return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const range = { from: '2026-01-01', to: '2026-03-31' };
    await api.applicationsByStatus(range, 'week');
    await api.processingTimes(range);
    await api.permitsIssued(2026);
    await api.listQuotas(2025);
    await api.quotaMonitoring(2026);
    expect(urls).toEqual([
      '/api/dashboard/applications?from=2026-01-01&to=2026-03-31&interval=week',
      '/api/dashboard/processing-times?from=2026-01-01&to=2026-03-31',
      '/api/dashboard/permits?year=2026',
      '/api/quotas?year=2025',
      '/api/dashboard/quota-monitoring?year=2026',
    ]);
  });
});
