import { quotaLooks, type QuotaState } from '../../dashboard/quotas';
import { useI18n } from '../../i18n';

/** The words for a quota nearly or wholly used, or still in preparation; nothing while well within it. */
export function QuotaBadge({ state }: { state: QuotaState }) {
  const { t } = useI18n();
  const look = quotaLooks[state];
  if (!look.badge) return null;
  return (
    <span className={`badge quota-badge ${state}`} data-testid="quota-badge">
      {t(look.label)}
    </span>
  );
}
