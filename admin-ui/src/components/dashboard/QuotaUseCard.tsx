import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import { csvFileName } from '../../dashboard/csv';
import { percentTicks, quotaBars, quotaLooks, quotaTable, unitName } from '../../dashboard/quotas';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { LoadedView } from '../LoadedView';
import { useLoad } from '../useLoad';
import { ChartCard } from './ChartCard';
import { categoryTick, categoryWidth, ChartFrame, heightFor } from './chart-parts';
import { QuotaBadge } from './QuotaBadge';

/**
 * How much of each export quota of the year issued permits have taken, as a share, so that quotas of
 * ten and of ten thousand read alike; the list under the chart gives the quantities and the warnings
 * in words.
 */
export function QuotaUseCard({ year }: { year: number }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.listQuotas(year), String(year));
  const bars = state.kind === 'loaded' ? quotaBars(state.value) : [];
  const unitOf = (unit?: string) => unitName(unit, language, t);
  const table = bars.length > 0 ? quotaTable(bars, unitOf, t) : undefined;
  const nameOf = new Map(bars.map((bar) => [bar.id, bar.name]));
  const ticks = percentTicks(Math.max(0, ...bars.map((bar) => bar.percent ?? 0)));

  return (
    <ChartCard
      id="chart-quotas"
      title={t('dashboardQuotasTitle')}
      explanation={t('dashboardQuotasExplain', { year })}
      busy={state.kind === 'loading'}
      download={table && { table, fileName: csvFileName('export-quota-use', year) }}
    >
      <LoadedView state={state} reload={reload} loadingLabel={t('dashboardLoadingFigures')}>
        {() =>
          !table ? (
            <p className="chart-empty">{t('dashboardNoQuotas', { year })}</p>
          ) : (
            <>
              <ChartFrame height={heightFor(bars.length)}>
                <BarChart data={bars} layout="vertical" accessibilityLayer={false} margin={{ right: 40 }}>
                  <CartesianGrid horizontal={false} />
                  <XAxis type="number" domain={[0, ticks.at(-1)!]} ticks={ticks} unit="%" />
                  <YAxis
                    type="category"
                    dataKey="id"
                    width={categoryWidth}
                    tick={categoryTick((id) => nameOf.get(id) ?? id, 'scientific-name')}
                  />
                  <ReferenceLine x={80} stroke={quotaLooks['nearly-used'].colour} strokeDasharray="4 4" />
                  <ReferenceLine x={100} stroke={quotaLooks['used-up'].colour} />
                  <Bar dataKey="percent" name={t('dashboardUsed')}>
                    {bars.map((bar) => (
                      <Cell key={bar.id} fill={quotaLooks[bar.state].colour} />
                    ))}
                    <LabelList
                      dataKey="percent"
                      position="right"
                      formatter={(value) => (typeof value === 'number' ? `${value}%` : '')}
                    />
                  </Bar>
                </BarChart>
              </ChartFrame>
              <ul className="quota-list" data-testid="quota-list">
                {bars.map((bar) => (
                  <li key={bar.id} data-state={bar.state}>
                    <span className="scientific-name">{bar.name}</span>{' '}
                    <span>
                      {bar.quota === null
                        ? t('dashboardQuotaInPreparation', { used: bar.used, unit: unitOf(bar.unit) })
                        : t('dashboardQuotaUsed', {
                            used: bar.used,
                            quota: bar.quota,
                            unit: unitOf(bar.unit),
                            left: bar.left ?? 0,
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
