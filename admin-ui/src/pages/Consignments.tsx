import { ConsignmentCard } from '../components/ConsignmentCard';
import { LoadedView } from '../components/LoadedView';
import { useLoad } from '../components/useLoad';
import { withIncomingPermit } from '../consignments';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/**
 * Expected consignments: the permits other Parties sent for consignments coming here, newest first,
 * one card each, made to be read on a phone at the point of entry. Customs confirm what arrived on a
 * valid one; the Management Authority follows them.
 */
export function ConsignmentsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const { state, reload, replace } = useLoad(() => api.listIncomingPermits(), 'incoming');

  // Read again without a spinner, so the card that was refused keeps saying why.
  const refreshQuietly = () => {
    api.listIncomingPermits().then(replace, () => undefined);
  };

  return (
    <div className="consignments" aria-busy={state.kind === 'loading'}>
      <p className="lead">{t('consignmentsLead')}</p>
      <LoadedView state={state} reload={reload} loadingLabel={t('consignmentsLoading')}>
        {(permits) =>
          permits.length === 0 ? (
            <p data-testid="consignments-empty">{t('consignmentsEmpty')}</p>
          ) : (
            <>
              <p className="task-count">{t('consignmentsCount', { count: permits.length })}</p>
              <ul className="consignment-list">
                {permits.map((permit) => (
                  <li key={permit.id}>
                    <ConsignmentCard
                      permit={permit}
                      onChanged={(answered) => replace(withIncomingPermit(permits, answered))}
                      onStale={refreshQuietly}
                    />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </LoadedView>
    </div>
  );
}
