import { useState, type FormEvent } from 'react';
import type { FormDiff, FormPart, PublishedRef } from '../api/types';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { useSession } from '../session';
import { DiffTable } from './DiffTable';
import { ProblemText } from './forms';
import { Alert, Loading } from './Status';

export const partLabels: Record<FormPart, MessageKey> = {
  schema: 'formSchema',
  uiSchema: 'formUiSchema',
  translations: 'formTranslations',
};

/**
 * The published versions of a form: what changed between any two, and (for publishers) bringing
 * an earlier one back as the next version.
 */
export function FormVersions({
  formId,
  latest,
  canPublish,
  onRepublished,
}: {
  formId: string;
  latest: number;
  canPublish: boolean;
  /** Told after an earlier version was published again, with its number and the new one's. */
  onRepublished(from: number, published: PublishedRef): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const numbers = Array.from({ length: latest }, (_, index) => latest - index);
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [diff, setDiff] = useState<
    | { kind: 'idle' }
    | { kind: 'loading' }
    | { kind: 'failed'; error: unknown }
    | { kind: 'loaded'; from: number; to: number; value: FormDiff }
  >({ kind: 'idle' });
  const [republishing, setRepublishing] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    setDiff({ kind: 'loading' });
    try {
      setDiff({ kind: 'loaded', from, to, value: await api.diffForm(formId, from, to) });
    } catch (error) {
      setDiff({ kind: 'failed', error });
    }
  };

  const republish = async (version: number) => {
    setRepublishing(version);
    setFailure(null);
    try {
      onRepublished(version, await api.republishFormVersion(formId, version));
    } catch (error) {
      setFailure(error);
    } finally {
      setRepublishing(null);
    }
  };

  if (latest === 0) return <p>{t('noVersions')}</p>;

  return (
    <>
      {failure !== null && (
        <Alert>
          <ProblemText error={failure} i18n={i18n} />
        </Alert>
      )}
      <ul className="version-list" data-testid="versions">
        {numbers.map((version) => (
          <li key={version}>
            <span>
              {t('versionN', { version })}
              {version === latest && <strong className="badge">{t('current')}</strong>}
            </span>
            {canPublish && version !== latest && (
              <button
                type="button"
                className="secondary small"
                disabled={republishing !== null}
                onClick={() => void republish(version)}
              >
                {republishing === version && <span className="spinner" aria-hidden="true" />}
                {t('republishVersion', { version })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {latest > 1 && (
        <form
          className="compare-form"
          onSubmit={(event) => void compare(event)}
          aria-busy={diff.kind === 'loading'}
        >
          <div className="field inline-field">
            <label htmlFor="compare-from">{t('compareFrom')}</label>
            <select id="compare-from" value={from} onChange={(event) => setFrom(Number(event.target.value))}>
              {numbers.map((version) => (
                <option key={version} value={version}>
                  {t('versionN', { version })}
                </option>
              ))}
            </select>
          </div>
          <div className="field inline-field">
            <label htmlFor="compare-to">{t('compareTo')}</label>
            <select id="compare-to" value={to} onChange={(event) => setTo(Number(event.target.value))}>
              {numbers.map((version) => (
                <option key={version} value={version}>
                  {t('versionN', { version })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary" disabled={diff.kind === 'loading'}>
            {diff.kind === 'loading' && <span className="spinner" aria-hidden="true" />}
            {t('compare')}
          </button>
        </form>
      )}
      {diff.kind === 'loading' && <Loading />}
      {diff.kind === 'failed' && (
        <Alert>
          <ProblemText error={diff.error} i18n={i18n} />
        </Alert>
      )}
      {diff.kind === 'loaded' && (
        <div className="diff" data-testid="version-diff">
          <h3>{t('changesBetween', { from: diff.from, to: diff.to })}</h3>
          {(Object.keys(partLabels) as FormPart[]).map((part) => (
            <DiffTable
              key={part}
              id={`diff-${part}`}
              caption={t(partLabels[part])}
              changes={diff.value[part] ?? []}
            />
          ))}
        </div>
      )}
    </>
  );
}
