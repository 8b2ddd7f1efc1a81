import type { DocumentType, DraftInfo } from '../api/types';
import { documentTitle } from '../documents';
import { useI18n, type I18n } from '../i18n';
import { useSession } from '../session';
import { Link } from './Link';

/** Who saved the draft and when; the reader's own drafts say so. */
export function draftState(draft: DraftInfo | undefined, i18n: I18n, readerId: string): string {
  if (!draft) return i18n.t('noDraft');
  const time = i18n.dateTime(draft.updatedAt);
  return draft.updatedBy === readerId
    ? i18n.t('draftSavedByYou', { time })
    : i18n.t('draftSavedBy', { who: draft.updatedBy, time });
}

/** A national form or procedure: published in numbered versions, edited as a draft. */
export interface VersionedDocument {
  id: string;
  documentType: DocumentType;
  published: { version: number } | null;
  draft?: DraftInfo;
  /** The national form a procedure is for, when it names one. */
  formId?: string;
}

/**
 * The national forms or procedures as a table: which document each is for, which version
 * applicants get, and any draft. The form column appears only when some document names a form, so
 * the forms' own table does not carry an empty one.
 */
export function VersionedDocumentsTable({
  documents,
  captionId,
  caption,
  nameHeading,
  pathOf,
}: {
  documents: readonly VersionedDocument[];
  captionId: string;
  caption: string;
  /** The heading of the first column, naming what the documents are ("Form", "Procedure"). */
  nameHeading: string;
  /** Where a document's editor is. */
  pathOf(id: string): string;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { user } = useSession();
  const showForm = documents.some((entry) => entry.formId);

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeading}</th>
            <th scope="col">{t('documentType')}</th>
            {showForm && <th scope="col">{t('form')}</th>}
            <th scope="col">{t('publishedVersion')}</th>
            <th scope="col">{t('draft')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <Link to={pathOf(entry.id)}>{entry.id}</Link>
              </th>
              <td>{documentTitle(entry.documentType, language)}</td>
              {showForm && <td>{entry.formId ? <code>{entry.formId}</code> : '—'}</td>}
              <td>
                {entry.published ? t('versionN', { version: entry.published.version }) : t('notPublished')}
              </td>
              <td className={entry.draft ? 'state-pending' : undefined}>
                {draftState(entry.draft, i18n, user.id)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
