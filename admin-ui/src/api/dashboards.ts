import type { Call } from './client';
import type {
  ApplicationsByStatus,
  DashboardInterval,
  PermitsIssued,
  ProcessingTime,
  QuotaMonitoring,
  QuotaUse,
} from './types';

/** From and to are calendar dates, YYYY-MM-DD, both included. */
export interface DateRange {
  from: string;
  to: string;
}

const rangeQuery = (range: DateRange) => new URLSearchParams({ from: range.from, to: range.to });

/** The figures behind the dashboard's charts; the MA's and SA's officers and auditors read them. */
export function dashboardEndpoints(call: Call) {
  return {
    applicationsByStatus: (range: DateRange, interval: DashboardInterval) => {
      const query = rangeQuery(range);
      query.set('interval', interval);
      return call<ApplicationsByStatus>(`/api/dashboard/applications?${query.toString()}`);
    },
    processingTimes: (range: DateRange) =>
      call<ProcessingTime[]>(`/api/dashboard/processing-times?${rangeQuery(range).toString()}`),
    permitsIssued: (year: number) => call<PermitsIssued>(`/api/dashboard/permits?year=${year}`),
    /** The year's export quotas with what issued permits took of each. */
    listQuotas: (year: number) => call<QuotaUse[]>(`/api/quotas?year=${year}`),
    quotaMonitoring: (year: number) =>
      call<QuotaMonitoring[]>(`/api/dashboard/quota-monitoring?year=${year}`),
  };
}
