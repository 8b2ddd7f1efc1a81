import type { ReactNode } from 'react';
import { csvOf } from '../../dashboard/csv';
import type { FigureTable } from '../../dashboard/figure-table';
import { useI18n } from '../../i18n';
import { downloadCsv } from './download';

/**
 * One chart of the dashboard: its title, what it shows in a sentence, and a button that downloads
 * exactly the figures it draws. Without figures (loading, failed, nothing to show) there is nothing
 * to download and no button.
 */
export function ChartCard({
  id,
  title,
  explanation,
  busy,
  download,
  wide,
  children,
}: {
  id: string;
  title: string;
  explanation: string;
  busy: boolean;
  download?: { table: FigureTable; fileName: string };
  /** Spans the whole width on wide screens: a time axis needs the room. */
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section
      className={wide ? 'card chart-card wide' : 'card chart-card'}
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      data-testid={id}
    >
      <div className="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {download && (
          <button
            type="button"
            className="secondary small"
            data-testid={`${id}-csv`}
            onClick={() => downloadCsv(download.fileName, csvOf(download.table))}
          >
            {t('dashboardDownloadCsv')}
            <span className="visually-hidden">: {title}</span>
          </button>
        )}
      </div>
      <p className="chart-explain">{explanation}</p>
      {children}
    </section>
  );
}
