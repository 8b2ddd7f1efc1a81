import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DateRange } from '../../api/dashboards';
import { csvFileName } from '../../dashboard/csv';
import { dayLabel, rangeScope } from '../../dashboard/periods';
import { stepTimes, stepTimesTable } from '../../dashboard/processing-times';
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
import { FigureTableView } from './FigureTableView';

/** How long officers took over each step: the median and the 90th percentile, side by side. */
export function ProcessingTimesCard({ range }: { range: DateRange }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.processingTimes(range), `${range.from}/${range.to}`);
  const title = t('dashboardProcessingTitle');
  const steps = state.kind === 'loaded' ? stepTimes(state.value, language) : [];
  const table = steps.length > 0 ? stepTimesTable(steps, t) : undefined;
  const titleOf = new Map(steps.map((step) => [step.step, step.title]));
  const days = (value: unknown) => `${String(value)} ${t('dashboardDays')}`;

  return (
    <ChartCard
      id="chart-processing-times"
      title={title}
      explanation={t('dashboardProcessingExplain')}
      busy={state.kind === 'loading'}
      download={table && { table, fileName: csvFileName('processing-times', rangeScope(range)) }}
    >
      <LoadedView state={state} reload={reload} loadingLabel={t('dashboardLoadingFigures')}>
        {() =>
          !table ? (
            <p className="chart-empty">
              {t('dashboardProcessingEmpty', {
                from: dayLabel(range.from, language),
                to: dayLabel(range.to, language),
              })}
            </p>
          ) : (
            <>
              <ChartFrame height={heightFor(steps.length, 64)}>
                <BarChart data={steps} layout="vertical" accessibilityLayer={false} margin={{ right: 16 }}>
                  <CartesianGrid horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis
                    type="category"
                    dataKey="step"
                    width={categoryWidth}
                    tick={categoryTick((step) => titleOf.get(step) ?? step)}
                  />
                  <Tooltip
                    itemSorter={inSeriesOrder}
                    contentStyle={tooltipStyle}
                    labelFormatter={(step) => titleOf.get(String(step)) ?? String(step)}
                    formatter={days}
                  />
                  <Legend itemSorter={null} />
                  <Bar dataKey="median" name={t('dashboardMedianDays')} fill="#0072b2" />
                  <Bar dataKey="p90" name={t('dashboardP90Days')} fill="#e69f00" />
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
