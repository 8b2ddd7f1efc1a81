import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { Application, Task } from '../api/types';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { newTasks, oldestFirst, taskTitle } from '../tasks';
import { hasEnded } from '../timeline';
import { describedBy, ProblemText } from './forms';
import { Alert, Loading, Success } from './Status';
import { useLoad } from './useLoad';

/** How long, and how often, to look for the steps a decision opens: the workflow opens them. */
const followUpMs = 10_000;
const followUpEveryMs = 1_000;

type Outcome = 'approve' | 'reject' | 'more-information';

/** Only the completeness check may send an application back for more information. */
const asksForMore = (task: Task) => task.type === 'completeness-check';

/** What became of a decision, for the form that sent it. */
interface DecisionAnswer {
  /** The message to show next to the comment. */
  commentError?: string;
  /** Anything else that went wrong, shown above the buttons. */
  error?: unknown;
}

/** The outcome of the last decision sent from this page, shown where the decided form was. */
type Notice = { kind: 'decided'; message: string } | { kind: 'refused'; message: string; detail?: string };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The open steps of one application that the officer's roles decide, each with Approve and Refuse
 * and a comment that carries the reasons of a refusal. After a decision the application and the
 * tasks are read again, and again for a few seconds, as the workflow opens the next steps.
 */
export function TaskDecisions({
  application,
  refreshApplication,
}: {
  application: Application;
  /** Reads the application again and shows it, without blanking the page. */
  refreshApplication(): Promise<Application>;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const applicationId = application.id;
  // The server picks the application's tasks: filtering a page of every open task here would miss
  // them once an officer has more open than one page holds.
  const mine = useCallback(() => api.listTasks({ applicationId }).then(oldestFirst), [api, applicationId]);
  const { state, reload, replace } = useLoad(mine, applicationId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [decided, setDecided] = useState(false);
  const alive = useRef(true);
  const followUpRound = useRef(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // The decided task's form is gone: the outcome takes the focus, so it is read out and found.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  /** Reads tasks and application until a new step of ours opens, the case ends, or time is up. */
  const followUp = async (before: readonly Task[]) => {
    const round = ++followUpRound.current;
    const current = () => alive.current && round === followUpRound.current;
    const deadline = Date.now() + followUpMs;
    setWaiting(true);
    try {
      for (let attempt = 0; ; attempt += 1) {
        if (attempt > 0) await pause(followUpEveryMs);
        if (!current()) return;
        // Tasks first: the timeline records a step before the workflow opens the next ones.
        const tasks = await mine().catch(() => null);
        const fresh = await refreshApplication().catch(() => null);
        if (!current()) return;
        if (tasks) replace(tasks);
        const ended = fresh ? hasEnded(fresh.status) : false;
        if ((tasks && newTasks(before, tasks).length > 0) || ended || Date.now() >= deadline) return;
      }
    } finally {
      if (current()) setWaiting(false);
    }
  };

  const decide = async (task: Task, outcome: Outcome, comment: string): Promise<DecisionAnswer> => {
    const before = state.kind === 'loaded' ? state.value : [task];
    const reasons = comment.trim();
    setNotice(null);
    setSending(task.id);
    try {
      await api.decideTask(task.id, { outcome, ...(reasons ? { comment: reasons } : {}) });
    } catch (error) {
      if (!(error instanceof ApiError)) return { error };
      if (error.status === 422 || error.status === 400) {
        const fromServer = error.fieldMessages().comment;
        if (outcome === 'reject' && !reasons) return { commentError: t('decisionReasonsRequired') };
        if (outcome === 'more-information' && !reasons) {
          return { commentError: fromServer ?? t('decisionMoreInformationRequired') };
        }
        return fromServer ? { commentError: fromServer } : { error };
      }
      if (error.status === 403 || error.status === 409) {
        // Someone else decided it, or it is not ours to decide: it leaves this list.
        setNotice({
          kind: 'refused',
          message: `${taskTitle(task, language)}: ${t(error.status === 409 ? 'decisionConflict' : 'decisionForbidden')}`,
          detail: error.detail,
        });
        replace(before.filter((other) => other.id !== task.id));
        void followUp(before);
        return {};
      }
      return { error };
    } finally {
      setSending(null);
    }
    setDecided(true);
    setNotice({
      kind: 'decided',
      message: t(
        outcome === 'approve'
          ? 'decisionApproved'
          : outcome === 'reject'
            ? 'decisionRefused'
            : 'decisionMoreInformationAsked',
        { step: taskTitle(task, language) },
      ),
    });
    replace(before.filter((other) => other.id !== task.id));
    void followUp(before);
    return {};
  };

  const tasks = state.kind === 'loaded' ? state.value : [];
  if (state.kind === 'loaded' && tasks.length === 0 && !notice && !waiting && !decided) return null;

  return (
    <section
      className="card decisions"
      aria-labelledby="decisions-heading"
      aria-busy={state.kind === 'loading'}
      data-testid="decisions"
    >
      <h3 id="decisions-heading">{t('decisionsTitle')}</h3>
      <div ref={noticeRef} tabIndex={-1} className="decision-notice">
        {notice?.kind === 'decided' && <Success>{notice.message}</Success>}
        {notice?.kind === 'refused' && (
          <Alert>
            {notice.message}
            {notice.detail && <span className="problem-detail">{notice.detail}</span>}
          </Alert>
        )}
      </div>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {tasks.length > 0 && <p className="hint">{t('decisionsLead')}</p>}
      {tasks.map((task) => (
        <TaskDecisionForm
          key={task.id}
          task={task}
          busy={sending !== null}
          sending={sending === task.id}
          decide={decide}
        />
      ))}
      {waiting && <Loading label={t('decisionWaiting')} />}
      {!waiting && decided && state.kind === 'loaded' && tasks.length === 0 && (
        <p data-testid="decisions-done">{t('decisionNothingMore')}</p>
      )}
    </section>
  );
}

function TaskDecisionForm({
  task,
  busy,
  sending,
  decide,
}: {
  task: Task;
  /** A decision on some task of the page is on its way. */
  busy: boolean;
  /** The one on its way is this task's. */
  sending: boolean;
  decide(task: Task, outcome: Outcome, comment: string): Promise<DecisionAnswer>;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const id = useId();
  const commentId = `${id}-comment`;
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const title = taskTitle(task, language);

  const send = async (outcome: Outcome) => {
    setCommentError(undefined);
    setError(null);
    const answer = await decide(task, outcome, comment);
    setCommentError(answer.commentError);
    setError(answer.error ?? null);
    if (answer.commentError) commentRef.current?.focus();
  };

  return (
    <section className="decision" aria-labelledby={`${id}-title`} data-testid={`decision-${task.type}`}>
      <h4 id={`${id}-title`}>{title}</h4>
      <p className="decision-due">
        {t('taskDue')}: <time dateTime={task.dueAt}>{i18n.dateTime(task.dueAt)}</time>
        {task.overdue && <span className="badge overdue-badge">{t('taskOverdue')}</span>}
      </p>
      {error !== null && (
        <Alert>
          <ProblemText error={error} i18n={i18n} />
        </Alert>
      )}
      <div className={commentError ? 'field has-error' : 'field'}>
        <label htmlFor={commentId}>{t('decisionComment')}</label>
        <p className="hint" id={`${commentId}-hint`}>
          {t('decisionCommentHint')}
        </p>
        {commentError && (
          <p className="field-error" id={`${commentId}-error`} data-testid="comment-error">
            {commentError}
          </p>
        )}
        <textarea
          ref={commentRef}
          id={commentId}
          rows={3}
          maxLength={4000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={describedBy(`${commentId}-hint`, commentError && `${commentId}-error`)}
        />
      </div>
      <div className="actions decision-actions">
        <button type="button" disabled={busy} onClick={() => void send('approve')}>
          {t('decisionApprove')}
          <span className="visually-hidden">: {title}</span>
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={busy}
          onClick={() => void send('reject')}
        >
          {t('decisionRefuse')}
          <span className="visually-hidden">: {title}</span>
        </button>
        {asksForMore(task) && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            data-testid="decision-more-information"
            onClick={() => void send('more-information')}
          >
            {t('decisionMoreInformation')}
            <span className="visually-hidden">: {title}</span>
          </button>
        )}
        {sending && <Loading label={t('decisionSending')} />}
      </div>
    </section>
  );
}
