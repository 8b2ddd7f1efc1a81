import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { csvFileName } from '../../dashboard/csv';
import { monitoringBars, monitoringTable, percentTicks, quotaLooks, unitName } from '../../dashboard/quotas';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { LoadedView } from '../LoadedView';
import { useLoad } from '../useLoad';
import { ChartCard } from './ChartCard';
import {
  categoryTick,
  categoryWidth,
  ChartFrame,
  heightFor,
  inSeriesOrder,
  tooltipStyle,
} from './chart-parts';
import { QuotaBadge } from './QuotaBadge';

/**
 * The Scientific Authority's monitoring of exports against quotas (Art. IV.3): what permits reserved
 * beside what customs endorsed as actually exported, each as a share of the quota.
 */
export function QuotaMonitoringCard({ year }: { year: number }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.quotaMonitoring(year), String(year));
  const bars = state.kind === 'loaded' ? monitoringBars(state.value) : [];
  const unitOf = (unit?: string) => unitName(unit, language, t);
  const table = bars.length > 0 ? monitoringTable(bars, unitOf, t) : undefined;
  const nameOf = new Map(bars.map((bar) => [bar.id, bar.name]));
  const ticks = percentTicks(
    Math.max(0, ...bars.map((bar) => Math.max(bar.percent ?? 0, bar.exportedPercent ?? 0))),
  );

  return (
    <ChartCard
      id="chart-quota-monitoring"
      title={t('dashboardMonitoringTitle')}
      explanation={t('dashboardMonitoringExplain', { year })}
      busy={state.kind === 'loading'}
      download={table && { table, fileName: csvFileName('exports-against-quotas', year) }}
    >
      <LoadedView state={state} reload={reload} loadingLabel={t('dashboardLoadingFigures')}>
        {() =>
          !table ? (
            <p className="chart-empty">{t('dashboardNoQuotas', { year })}</p>
          ) : (
            <>
              <ChartFrame height={heightFor(bars.length, 56)}>
                <BarChart data={bars} layout="vertical" accessibilityLayer={false} margin={{ right: 16 }}>
                  <CartesianGrid horizontal={false} />
                  <XAxis type="number" domain={[0, ticks.at(-1)!]} ticks={ticks} unit="%" />
                  <YAxis
                    type="category"
                    dataKey="id"
                    width={categoryWidth}
                    tick={categoryTick((id) => nameOf.get(id) ?? id, 'scientific-name')}
                  />
                  <ReferenceLine x={100} stroke={quotaLooks['used-up'].colour} />
                  <Tooltip
                    itemSorter={inSeriesOrder}
                    contentStyle={tooltipStyle}
                    labelFormatter={(id) => nameOf.get(String(id)) ?? String(id)}
                    formatter={(value) => `${String(value)}%`}
                  />
                  <Legend itemSorter={null} />
                  <Bar dataKey="percent" name={t('dashboardReserved')} fill="#56b4e9" />
                  <Bar dataKey="exportedPercent" name={t('dashboardExported')} fill="#009e73" />
                </BarChart>
              </ChartFrame>
              <ul className="quota-list" data-testid="monitoring-list">
                {bars.map((bar) => (
                  <li key={bar.id} data-state={bar.state}>
                    <span className="scientific-name">{bar.name}</span>{' '}
                    <span>
                      {bar.quota === null
                        ? t('dashboardMonitoringInPreparation', {
                            exported: bar.exported,
                            reserved: bar.reserved,
                            unit: unitOf(bar.unit),
                          })
                        : t('dashboardMonitoringLine', {
                            exported: bar.exported,
                            reserved: bar.reserved,
                            quota: bar.quota,
                            unit: unitOf(bar.unit),
                          })}
                    </span>{' '}
                    <QuotaBadge state={bar.state} />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </LoadedView>
    </ChartCard>
  );
}
