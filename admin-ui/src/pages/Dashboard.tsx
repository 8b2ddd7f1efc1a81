import { useState } from 'react';
import type { DateRange } from '../api/dashboards';
import type { DashboardInterval } from '../api/types';
import { ApplicationsCard } from '../components/dashboard/ApplicationsCard';
import { PermitCards } from '../components/dashboard/PermitCards';
import { ProcessingTimesCard } from '../components/dashboard/ProcessingTimesCard';
import { QuotaMonitoringCard } from '../components/dashboard/QuotaMonitoringCard';
import { QuotaUseCard } from '../components/dashboard/QuotaUseCard';
import { rangeProblem, yearChoices, yearRange } from '../dashboard/periods';
import { useI18n } from '../i18n';

const intervals: ReadonlyArray<{ value: DashboardInterval; label: 'dashboardWeek' | 'dashboardMonth' }> = [
  { value: 'week', label: 'dashboardWeek' },
  { value: 'month', label: 'dashboardMonth' },
];

/**
 * Charts for the Management and Scientific Authorities and auditors: applications and how long
 * their steps took over a range of days, and the permits and export quotas of a year. Each chart's
 * figures download as CSV.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [typed, setTyped] = useState<DateRange>(() => yearRange(thisYear));
  // The charts keep the last range that makes sense while a date is being typed.
  const [range, setRange] = useState<DateRange>(typed);
  const [interval, chooseInterval] = useState<DashboardInterval>('month');
  const [year, setYear] = useState(thisYear);
  const problem = rangeProblem(typed);

  const type = (next: DateRange) => {
    setTyped(next);
    if (!rangeProblem(next)) setRange(next);
  };

  return (
    <div className="dashboard">
      <p className="lead">{t('dashboardLead')}</p>
      <fieldset className="dashboard-controls">
        <legend>{t('dashboardRangeLegend')}</legend>
        <div className="inline-tools">
          <div className="inline-field">
            <label htmlFor="dashboard-from">{t('dashboardFrom')}</label>
            <input
              id="dashboard-from"
              type="date"
              value={typed.from}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'dashboard-range-problem' : undefined}
              onChange={(event) => type({ ...typed, from: event.target.value })}
            />
          </div>
          <div className="inline-field">
            <label htmlFor="dashboard-to">{t('dashboardTo')}</label>
            <input
              id="dashboard-to"
              type="date"
              value={typed.to}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'dashboard-range-problem' : undefined}
              onChange={(event) => type({ ...typed, to: event.target.value })}
            />
          </div>
          <fieldset className="inline-field interval-switch">
            <legend>{t('dashboardInterval')}</legend>
            {intervals.map((choice) => (
              <label key={choice.value}>
                <input
                  type="radio"
                  name="dashboard-interval"
                  value={choice.value}
                  checked={interval === choice.value}
                  onChange={() => chooseInterval(choice.value)}
                />
                {t(choice.label)}
              </label>
            ))}
          </fieldset>
        </div>
        {problem && (
          <p className="field-error" id="dashboard-range-problem" role="alert">
            {t('dashboardRangeInvalid')}
          </p>
        )}
      </fieldset>
      <div className="dashboard-grid">
        <ApplicationsCard range={range} interval={interval} />
        <ProcessingTimesCard range={range} />
      </div>
      <div className="inline-tools dashboard-controls">
        <div className="inline-field">
          <label htmlFor="dashboard-year">{t('dashboardYear')}</label>
          <select id="dashboard-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {yearChoices(thisYear).map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="dashboard-grid">
        <PermitCards year={year} />
        <QuotaUseCard year={year} />
        <QuotaMonitoringCard year={year} />
      </div>
    </div>
  );
}
