import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { countryName } from '../../../../domain/codes/lookups';
import type { PermitsIssued } from '../../api/types';
import { csvFileName } from '../../dashboard/csv';
import { partnerBars, partnerTable, speciesTable, topSpecies } from '../../dashboard/permits';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { LoadedView } from '../LoadedView';
import type { Loaded } from '../useLoad';
import { useLoad } from '../useLoad';
import { ChartCard } from './ChartCard';
import { categoryTick, categoryWidth, ChartFrame, heightFor, tooltipStyle } from './chart-parts';
import { FigureTableView } from './FigureTableView';

/** What the year's permit charts say when no permit was issued: "yet" only while the year lasts. */
function useNoPermitsText(year: number): string {
  const { t } = useI18n();
  return t(year >= new Date().getFullYear() ? 'dashboardNoPermitsYet' : 'dashboardNoPermits', { year });
}

/** The permits issued in the year, per species and per partner country: one request, two charts. */
export function PermitCards({ year }: { year: number }) {
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.permitsIssued(year), String(year));
  return (
    <>
      <SpeciesCard year={year} state={state} reload={reload} />
      <PartnersCard year={year} state={state} reload={reload} />
    </>
  );
}

interface CardProps {
  year: number;
  state: Loaded<PermitsIssued>;
  reload(): void;
}

function SpeciesCard({ year, state, reload }: CardProps) {
  const { t } = useI18n();
  const noPermits = useNoPermitsText(year);
  const title = t('dashboardSpeciesTitle');
  const { shown, others } = topSpecies(state.kind === 'loaded' ? state.value.bySpecies : []);
  const table = shown.length > 0 ? speciesTable(shown, t) : undefined;
  const permits = t('dashboardPermits');

  return (
    <ChartCard
      id="chart-species"
      title={title}
      explanation={t('dashboardSpeciesExplain', { year })}
      busy={state.kind === 'loading'}
      download={table && { table, fileName: csvFileName('permits-by-species', year) }}
    >
      <LoadedView state={state} reload={reload} loadingLabel={t('dashboardLoadingFigures')}>
        {() =>
          !table ? (
            <p className="chart-empty">{noPermits}</p>
          ) : (
            <>
              <ChartFrame height={heightFor(shown.length)}>
                <BarChart data={shown} layout="vertical" accessibilityLayer={false} margin={{ right: 16 }}>
                  <CartesianGrid horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis
                    type="category"
                    dataKey="scientificName"
                    width={categoryWidth}
                    tick={categoryTick((name) => name, 'scientific-name')}
                  />
                  <Tooltip
                    contentStyle={tooltipStyle}
                    labelFormatter={(name, payload) =>
                      `${String(name)} (${t('dashboardQuantity')}: ${String(payload[0]?.payload?.quantity ?? '')})`
                    }
                  />
                  <Bar dataKey="permits" name={permits} fill="#0072b2" />
                </BarChart>
              </ChartFrame>
              {others > 0 && <p className="chart-note">{t('dashboardSpeciesOthers', { count: others })}</p>}
              <FigureTableView table={table} caption={title} />
            </>
          )
        }
      </LoadedView>
    </ChartCard>
  );
}

function PartnersCard({ year, state, reload }: CardProps) {
  const { t, language } = useI18n();
  const noPermits = useNoPermitsText(year);
  const title = t('dashboardPartnersTitle');
  const bars =
    state.kind === 'loaded' ? partnerBars(state.value.byPartner, (code) => countryName(code, language)) : [];
  const table = bars.length > 0 ? partnerTable(bars, t) : undefined;
  const nameOf = new Map(bars.map((bar) => [bar.country, bar.name]));

  return (
    <ChartCard
      id="chart-partners"
      title={title}
      explanation={t('dashboardPartnersExplain', { year })}
      busy={state.kind === 'loading'}
      download={table && { table, fileName: csvFileName('permits-by-partner-country', year) }}
    >
      <LoadedView state={state} reload={reload} loadingLabel={t('dashboardLoadingFigures')}>
        {() =>
          !table ? (
            <p className="chart-empty">{noPermits}</p>
          ) : (
            <>
              <ChartFrame height={heightFor(bars.length)}>
                <BarChart data={bars} layout="vertical" accessibilityLayer={false} margin={{ right: 16 }}>
                  <CartesianGrid horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis
                    type="category"
                    dataKey="country"
                    width={categoryWidth}
                    tick={categoryTick((code) => nameOf.get(code) ?? code)}
                  />
                  <Tooltip
                    contentStyle={tooltipStyle}
                    labelFormatter={(code) => nameOf.get(String(code)) ?? String(code)}
                  />
                  <Bar dataKey="permits" name={t('dashboardPermits')} fill="#009e73" />
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
