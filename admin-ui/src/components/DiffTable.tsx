import type { FormChange } from '../api/types';
import { changeRows, type ChangeKind } from '../forms/changes';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

const kindLabel: Record<ChangeKind, MessageKey> = {
  added: 'changeAdded',
  removed: 'changeRemoved',
  changed: 'changeChanged',
};

/** The differences of one document between two versions: where, what kind, before and after. */
export function DiffTable({
  id,
  caption,
  changes,
}: {
  id: string;
  caption: string;
  changes: readonly FormChange[];
}) {
  const { t } = useI18n();
  const rows = changeRows(changes);
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="diff-table" data-testid={id}>
        <caption id={`${id}-caption`}>
          {caption} — {rows.length === 0 ? t('noDifferences') : t('changeCount', { count: rows.length })}
        </caption>
        {rows.length > 0 && (
          <>
            <thead>
              <tr>
                <th scope="col">{t('changePath')}</th>
                <th scope="col">{t('changeKind')}</th>
                <th scope="col">{t('changeBefore')}</th>
                <th scope="col">{t('changeAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.path}-${index}`} className={`change-${row.kind}`}>
                  <th scope="row">
                    <code className="pointer">{row.path}</code>
                  </th>
                  <td>{t(kindLabel[row.kind])}</td>
                  <td>{row.before && <pre className="json-value">{row.before}</pre>}</td>
                  <td>{row.after && <pre className="json-value">{row.after}</pre>}</td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      </table>
    </div>
  );
}
