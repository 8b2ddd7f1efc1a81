import { LoadedView } from '../components/LoadedView';
import { useLoad } from '../components/useLoad';
import { VersionedDocumentsTable } from '../components/VersionedDocumentsTable';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** The national procedures: the rules for fees, routing, evidence and steps of each document type. */
export function ProceduresPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.listProcedures(), 'procedures');

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p className="lead">{t('proceduresLead')}</p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => (
          <VersionedDocumentsTable
            documents={loaded}
            captionId="procedures-caption"
            caption={t('proceduresCaption', { count: loaded.length })}
            nameHeading={t('procedure')}
            pathOf={(id) => `/procedures/${encodeURIComponent(id)}`}
          />
        )}
      </LoadedView>
    </div>
  );
}
