import { Link } from '../components/Link';
import { useLoad } from '../components/useLoad';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { draftState } from './Forms';
import { LoadedView } from '../components/LoadedView';

/** The national procedures: the rules for fees, routing, evidence and steps of each document type. */
export function ProceduresPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, user } = useSession();
  const { state, reload } = useLoad(() => api.listProcedures(), 'procedures');
  const showForm = state.kind === 'loaded' && state.value.some((procedure) => procedure.formId);

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p className="lead">{t('proceduresLead')}</p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => (
          <div className="table-scroll" role="region" aria-labelledby="procedures-caption" tabIndex={0}>
            <table>
              <caption id="procedures-caption">{t('proceduresCaption', { count: loaded.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('procedure')}</th>
                  <th scope="col">{t('documentType')}</th>
                  {showForm && <th scope="col">{t('form')}</th>}
                  <th scope="col">{t('publishedVersion')}</th>
                  <th scope="col">{t('draft')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.map((procedure) => (
                  <tr key={procedure.id}>
                    <th scope="row">
                      <Link to={`/procedures/${encodeURIComponent(procedure.id)}`}>{procedure.id}</Link>
                    </th>
                    <td>{documentTitle(procedure.documentType, language)}</td>
                    {showForm && <td>{procedure.formId ? <code>{procedure.formId}</code> : '—'}</td>}
                    <td>
                      {procedure.published
                        ? t('versionN', { version: procedure.published.version })
                        : t('notPublished')}
                    </td>
                    <td className={procedure.draft ? 'state-pending' : undefined}>
                      {draftState(procedure.draft, i18n, user.id)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadedView>
    </div>
  );
}
