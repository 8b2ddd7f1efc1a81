import { LoadedView } from '../components/LoadedView';
import { useLoad } from '../components/useLoad';
import { VersionedDocumentsTable } from '../components/VersionedDocumentsTable';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** The national forms: which document each is for, which version applicants get, and any draft. */
export function FormsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.listForms(), 'forms');

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p className="lead">{t('formsLead')}</p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => (
          <VersionedDocumentsTable
            documents={loaded}
            captionId="forms-caption"
            caption={t('formsCaption', { count: loaded.length })}
            nameHeading={t('form')}
            pathOf={(id) => `/forms/${encodeURIComponent(id)}`}
          />
        )}
      </LoadedView>
    </div>
  );
}
