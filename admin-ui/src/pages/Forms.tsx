import type { DraftInfo } from '../api/types';
import { Link } from '../components/Link';
import { useLoad } from '../components/useLoad';
import { documentTitle } from '../documents';
import { useI18n, type I18n } from '../i18n';
import { useSession } from '../session';
import { LoadedView } from '../components/LoadedView';

/** Who saved the draft and when; the reader's own drafts say so. */
export function draftState(draft: DraftInfo | undefined, i18n: I18n, readerId: string): string {
  if (!draft) return i18n.t('noDraft');
  const time = i18n.dateTime(draft.updatedAt);
  return draft.updatedBy === readerId
    ? i18n.t('draftSavedByYou', { time })
    : i18n.t('draftSavedBy', { who: draft.updatedBy, time });
}

/** The national forms: which document each is for, which version applicants get, and any draft. */
export function FormsPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, user } = useSession();
  const { state, reload } = useLoad(() => api.listForms(), 'forms');

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p className="lead">{t('formsLead')}</p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => (
          <div className="table-scroll" role="region" aria-labelledby="forms-caption" tabIndex={0}>
            <table>
              <caption id="forms-caption">{t('formsCaption', { count: loaded.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('form')}</th>
                  <th scope="col">{t('documentType')}</th>
                  <th scope="col">{t('publishedVersion')}</th>
                  <th scope="col">{t('draft')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.map((form) => (
                  <tr key={form.id}>
                    <th scope="row">
                      <Link to={`/forms/${encodeURIComponent(form.id)}`}>{form.id}</Link>
                    </th>
                    <td>{documentTitle(form.documentType, language)}</td>
                    <td>
                      {form.published
                        ? t('versionN', { version: form.published.version })
                        : t('notPublished')}
                    </td>
                    <td className={form.draft ? 'state-pending' : undefined}>
                      {draftState(form.draft, i18n, user.id)}
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
