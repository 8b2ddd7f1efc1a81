import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { DocumentType, DraftInfo } from '../api/types';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { mayDo } from '../navigation';
import { useSession } from '../session';
import { problemDetail, ProblemText } from './forms';
import type { PointedProblem } from './JsonEditor';
import { Link } from './Link';
import { LoadedView } from './LoadedView';
import { ProblemList } from './ProblemList';
import { Alert, Success } from './Status';
import { useLoad } from './useLoad';
import { draftState } from './VersionedDocumentsTable';

/**
 * The shell the form editor and the procedure editor share: the page that loads what is edited,
 * its facts, and the save and publish bar with what the last attempt came to.
 */

/** What the last save or publication came to: a message, or the problem with the page's own words for it. */
export type Outcome = { ok: true; message: string } | { ok: false; error: unknown; message?: string };

/** The way back to the list, then the workspace once what it edits is loaded (`replace` puts a newer copy in). */
export function DraftEditorPage<T>({
  back,
  backLabel,
  id,
  load,
  children,
}: {
  back: string;
  backLabel: string;
  /** What is edited: loaded again when it changes. */
  id: string;
  load(): Promise<T>;
  children(loaded: T, replace: (value: T) => void): ReactNode;
}) {
  const { state, reload, replace } = useLoad(load, id);
  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to={back}>{backLabel}</Link>
      </p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => children(loaded, replace)}
      </LoadedView>
    </div>
  );
}

/**
 * Saving and publishing a draft: whether either is under way, what the last one came to, and the
 * problems a refused one listed, handed to `placeProblems` (an empty list once one succeeds).
 */
export function useDraftActions(placeProblems: (problems: PointedProblem[]) => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const perform = async (
    which: 'save' | 'publish',
    work: () => Promise<string>,
    refusal: (error: unknown, problems: PointedProblem[]) => string | undefined,
  ) => {
    setOutcome(null);
    setBusy(which);
    try {
      const message = await work();
      placeProblems([]);
      setOutcome({ ok: true, message });
    } catch (error) {
      const problems = error instanceof ApiError ? error.errors : [];
      placeProblems(problems);
      setOutcome({ ok: false, error, message: refusal(error, problems) });
    } finally {
      setBusy(null);
    }
  };
  return {
    busy,
    outcome,
    /** Saves the draft; `saved` takes the server's view of what it saved. */
    save: <T,>(send: () => Promise<T>, saved: (view: T) => void) =>
      void perform(
        'save',
        async () => {
          saved(await send());
          return t('draftSaved');
        },
        (_error, problems) => (problems.length > 0 ? t('draftNotSaved') : undefined),
      ),
    /**
     * Publishes the draft (a second person; 409 without a draft; `invalid` says what a 422 means
     * where the server checks the draft first); `message` names the version it became.
     */
    publish: (
      send: () => Promise<{ version: number }>,
      message: (version: number) => string,
      invalid?: MessageKey,
    ) =>
      void perform(
        'publish',
        async () => message((await send()).version),
        (error) => publishRefusal(error, t, invalid),
      ),
    succeeded: (message: string) => setOutcome({ ok: true, message }),
    refused: (message: string) => setOutcome({ ok: false, error: null, message }),
  };
}

export type DraftActions = ReturnType<typeof useDraftActions>;

function publishRefusal(error: unknown, t: (key: MessageKey) => string, invalid?: MessageKey) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403) return t('publishSecondPerson');
  if (status === 409) return t('publishNoDraft');
  if (status === 422 && invalid) return t(invalid);
  return undefined;
}

/**
 * What is edited, its published version and draft; what the last save or publication came to and
 * the problems that belong to no field; the save and publish buttons for the roles that may.
 */
export function DraftEditorHeader({
  subject,
  documentType,
  published,
  draft,
  facts,
  actions,
  general,
  dirty,
  onSave,
  onPublish,
}: {
  subject: string;
  documentType: DocumentType;
  published: { version: number; publishedAt: string } | null;
  draft: DraftInfo | undefined;
  /** More facts, after the document type. */
  facts?: ReactNode;
  actions: DraftActions;
  general: readonly PointedProblem[];
  dirty: boolean;
  onSave(): void;
  onPublish(): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { user } = useSession();
  const canDesign = mayDo(user.roles, 'designForms');
  const canPublish = mayDo(user.roles, 'publishForms');
  const { busy, outcome } = actions;
  return (
    <>
      <h2 className="subject">{subject}</h2>
      <dl className="facts">
        <dt>{t('documentType')}</dt>
        <dd>{documentTitle(documentType, language)}</dd>
        {facts}
        <dt>{t('publishedVersion')}</dt>
        <dd>
          {published
            ? t('versionPublishedAt', {
                version: published.version,
                time: i18n.dateTime(published.publishedAt),
              })
            : t('notPublished')}
        </dd>
        <dt>{t('draft')}</dt>
        <dd data-testid="draft-state">{draftState(draft, i18n, user.id)}</dd>
      </dl>

      <div className="editor-status">
        <div aria-live="polite">
          {outcome?.ok === true && <Success>{outcome.message}</Success>}
          {outcome?.ok === false && (
            <Alert>
              {outcome.message ? (
                <>
                  <p className="alert-title">{outcome.message}</p>
                  {problemDetail(outcome.error) && (
                    <p className="problem-detail">{problemDetail(outcome.error)}</p>
                  )}
                </>
              ) : (
                <ProblemText error={outcome.error} i18n={i18n} />
              )}
            </Alert>
          )}
          <ProblemList problems={general} />
        </div>
        <div className="actions">
          {canDesign && (
            <button type="button" onClick={onSave} disabled={busy !== null}>
              {busy === 'save' && <span className="spinner" aria-hidden="true" />}
              {busy === 'save' ? t('saving') : t('saveDraft')}
            </button>
          )}
          {canPublish && (
            <button type="button" onClick={onPublish} disabled={busy !== null || !draft}>
              {busy === 'publish' && <span className="spinner" aria-hidden="true" />}
              {busy === 'publish' ? t('publishing') : t('publishDraft')}
            </button>
          )}
          {dirty && <span className="state-pending">{t('unsavedChanges')}</span>}
          {!canDesign && <span className="hint">{t('readOnlyForYou')}</span>}
        </div>
      </div>
    </>
  );
}
