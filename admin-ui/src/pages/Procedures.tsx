import { ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { Alert, Loading } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { draftState } from './Forms';

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
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {state.kind === 'loaded' && (
        <div className="table-scroll" role="region" aria-labelledby="procedures-caption" tabIndex={0}>
          <table>
            <caption id="procedures-caption">{t('proceduresCaption', { count: state.value.length })}</caption>
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
              {state.value.map((procedure) => (
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
    </div>
  );
}
