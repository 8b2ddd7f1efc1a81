import type { OutcomeStep, TimelineEntry } from '../api/types';
import { useI18n } from '../i18n';
import { timelineItem } from '../timeline';

/** What happened to an application, oldest first, in words its applicant understands. */
export function Timeline({
  entries,
  steps,
}: {
  entries: readonly TimelineEntry[];
  /** The procedure's steps, whose titles name the step events. */
  steps: readonly OutcomeStep[];
}) {
  const { t, language, dateTime } = useI18n();
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry, index) => {
        const item = timelineItem(entry, steps, language, t);
        return (
          <li key={`${entry.at}-${index}`} className={`timeline-${item.tone}`} data-event={entry.event}>
            <time dateTime={entry.at}>{dateTime(entry.at)}</time> <strong>{item.label}</strong>
            {item.reasons && (
              <p className="timeline-text">{t('timelineReasons', { reasons: item.reasons })}</p>
            )}
            {item.comment && (
              <p className="timeline-text">{t('timelineComment', { comment: item.comment })}</p>
            )}
            {item.asked && <p className="timeline-text">{t('timelineAskedFor', { what: item.asked })}</p>}
            {item.findings && (
              <p className="timeline-text">{t('timelineFindings', { ids: item.findings })}</p>
            )}
            {item.reason && <p className="timeline-text">{t('timelineReason', { reason: item.reason })}</p>}
            {item.escalatedTo && (
              <p className="timeline-text">{t('timelineEscalatedTo', { who: item.escalatedTo })}</p>
            )}
            {item.importPermit && (
              <p className="timeline-text">{t('timelineImportPermit', { permit: item.importPermit })}</p>
            )}
            {item.note && <p className="timeline-text">{item.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
