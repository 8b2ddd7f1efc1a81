import { Link } from '../components/Link';
import { useLoad } from '../components/useLoad';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { LoadedView } from '../components/LoadedView';

/** The first step of applying: which document the applicant needs, among the published forms. */
export function ApplyPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.listForms(), 'forms');
  const published = state.kind === 'loaded' ? state.value.filter((form) => form.published) : [];

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p className="lead">{t('applyLead')}</p>
      <LoadedView state={state} reload={reload}>
        {() => (
          <section className="card" aria-labelledby="document-types-heading">
            <h2 id="document-types-heading">{t('applyChooseDocument')}</h2>
            {published.length === 0 ? (
              <p>{t('applyNoForms')}</p>
            ) : (
              <ul className="link-list">
                {published.map((form) => (
                  <li key={form.id}>
                    <Link to={`/apply/${encodeURIComponent(form.id)}`} data-testid={`apply-${form.id}`}>
                      {documentTitle(form.documentType, language)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </LoadedView>
      <p>
        <Link to="/applications">{t('applyDraftsElsewhere')}</Link>
      </p>
    </div>
  );
}
