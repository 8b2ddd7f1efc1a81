import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DateRange } from '../../api/dashboards';
import type { DashboardInterval } from '../../api/types';
import { statusBars, statusColour, statusTable } from '../../dashboard/applications';
import { csvFileName } from '../../dashboard/csv';
import { dayLabel, localDay, periodLabel, rangeScope } from '../../dashboard/periods';
import { statusLabel } from '../../documents';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { LoadedView } from '../LoadedView';
import { useLoad } from '../useLoad';
import { ChartCard } from './ChartCard';
import { ChartFrame, inSeriesOrder, tooltipStyle } from './chart-parts';
import { FigureTableView } from './FigureTableView';

/** Applications submitted in each week or month of the range, stacked by the status they have now. */
export function ApplicationsCard({ range, interval }: { range: DateRange; interval: DashboardInterval }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(
    () => api.applicationsByStatus(range, interval),
    `${range.from}/${range.to}/${interval}`,
  );
  const title = t('dashboardApplicationsTitle');
  const chart = state.kind === 'loaded' ? statusBars(state.value, range, localDay(new Date())) : null;
  const periodName = (period: string) => periodLabel(period, language, t);
  const table = chart && chart.total > 0 ? statusTable(chart, periodName, t) : undefined;

  return (
    <ChartCard
      id="chart-applications"
      title={title}
      explanation={t(
        interval === 'week' ? 'dashboardApplicationsExplainWeek' : 'dashboardApplicationsExplainMonth',
      )}
      busy={state.kind === 'loading'}
      download={table && { table, fileName: csvFileName('applications-by-status', rangeScope(range)) }}
      wide
    >
      <LoadedView state={state} reload={reload} loadingLabel={t('dashboardLoadingFigures')}>
        {() =>
          !chart || !table ? (
            <p className="chart-empty">
              {t('dashboardApplicationsEmpty', {
                from: dayLabel(range.from, language),
                to: dayLabel(range.to, language),
              })}
            </p>
          ) : (
            <>
              <p className="chart-figure">{t('dashboardApplicationsTotal', { count: chart.total })}</p>
              <ChartFrame height={320}>
                <BarChart data={chart.bars} accessibilityLayer={false} margin={{ left: -16, right: 8 }}>
                  <CartesianGrid vertical={false} />
                  <XAxis dataKey="period" tickFormatter={periodName} />
                  <YAxis allowDecimals={false} />
                  <Tooltip
                    itemSorter={inSeriesOrder}
                    contentStyle={tooltipStyle}
                    labelFormatter={(period) => periodName(String(period))}
                  />
                  <Legend itemSorter={null} />
                  {chart.statuses.map((status) => (
                    <Bar
                      key={status}
                      stackId="status"
                      name={statusLabel(status, t)}
                      dataKey={(bar: (typeof chart.bars)[number]) => bar.counts[status] ?? 0}
                      fill={statusColour(status)}
                    />
                  ))}
                </BarChart>
              </ChartFrame>
              <FigureTableView table={table} caption={title} />
            </>
          )
        }
      </LoadedView>
    </ChartCard>
  );
}
