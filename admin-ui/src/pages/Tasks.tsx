import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Task } from '../api/types';
import { ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { Alert, Loading } from '../components/Status';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { useSession } from '../session';
import { nextPageAfter, taskPageSize, withPage, type TaskPages } from '../task-pages';
import { newTasks, ofEscalation, ofStep, stepChoices, taskTitle } from '../tasks';

/** Which tasks the count counts, in the words of the filters chosen. */
function countKey(byStep: boolean, escalatedOnly: boolean): MessageKey {
  if (byStep) return escalatedOnly ? 'tasksStepEscalatedCount' : 'tasksStepCount';
  return escalatedOnly ? 'tasksEscalatedCount' : 'tasksCount';
}

/**
 * The officer's inbox: the open steps their roles decide, oldest first, as cards that read as well
 * on a phone as on a desk, a page at a time. Deciding happens on the application's page, where the
 * case can be read.
 */
export function TasksPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const [pages, setPages] = useState<TaskPages<Task> | null>(null);
  const [loading, setLoading] = useState<'first' | 'next' | null>('first');
  // The pages the failed request was to extend (null: the first page), so a retry asks again for it.
  const [failure, setFailure] = useState<{ error: unknown; extending: TaskPages<Task> | null } | null>(null);
  const [step, setStep] = useState('');
  const [escalatedOnly, setEscalatedOnly] = useState(false);
  // With a step chosen the server lists only its tasks; the other steps stay choosable from the
  // last list of every step.
  const [everyStep, setEveryStep] = useState<Task[]>([]);
  // The button that loaded them may be gone: the keyboard goes on to the first task it brought.
  const [firstNewId, setFirstNewId] = useState<string | null>(null);
  const round = useRef(0);

  // The list stays on screen while it is refreshed or extended; an answer to an older request is
  // dropped. Another filter (a new `load`) starts again from the first page.
  const load = useCallback(
    async (extending: TaskPages<Task> | null) => {
      const mine = ++round.current;
      setLoading(extending ? 'next' : 'first');
      setFailure(null);
      try {
        const page = await api.listTasks({
          step,
          escalated: escalatedOnly,
          limit: taskPageSize,
          ...(extending ? nextPageAfter(extending) : {}),
        });
        if (mine !== round.current) return;
        const loaded = withPage(extending, page, taskPageSize);
        setPages(loaded);
        if (!step) setEveryStep(loaded.tasks);
        setFirstNewId(extending ? (newTasks(extending.tasks, loaded.tasks)[0]?.id ?? null) : null);
      } catch (error) {
        if (mine === round.current) setFailure({ error, extending });
      } finally {
        if (mine === round.current) setLoading(null);
      }
    },
    [api, step, escalatedOnly],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const choices = useMemo(() => {
    const found = stepChoices(everyStep, language);
    // A step chosen before a refresh stays choosable even when none of its tasks is left.
    return step && !found.some((choice) => choice.type === step)
      ? [...found, { type: step, label: step }]
      : found;
  }, [everyStep, language, step]);
  // The server lists only the chosen step's or the escalated tasks; they are picked here too, so
  // the list on screen agrees with the filters while the server's answer is on its way.
  const shown = pages ? ofStep(ofEscalation(pages.tasks, escalatedOnly), step) : [];

  return (
    <>
      <p className="lead">{t('tasksLead')}</p>
      <div className="inline-tools task-tools">
        <div className="inline-field">
          <label htmlFor="task-step">{t('tasksFilter')}</label>
          <select id="task-step" value={step} onChange={(event) => setStep(event.target.value)}>
            <option value="">{t('tasksFilterAll')}</option>
            {choices.map((choice) => (
              <option key={choice.type} value={choice.type}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox inline-checkbox">
          <input
            type="checkbox"
            id="task-escalated"
            data-testid="tasks-escalated-only"
            checked={escalatedOnly}
            onChange={(event) => setEscalatedOnly(event.target.checked)}
          />
          <label htmlFor="task-escalated">{t('tasksEscalatedOnly')}</label>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={() => void load(null)}
          disabled={loading === 'first'}
        >
          {loading === 'first' && pages ? t('tasksRefreshing') : t('tasksRefresh')}
        </button>
      </div>
      <section aria-labelledby="tasks-count" aria-busy={loading !== null}>
        {loading === 'first' && <Loading label={pages ? t('tasksRefreshing') : t('tasksLoading')} />}
        {failure !== null && (
          <Alert>
            <ProblemText error={failure.error} i18n={i18n} />{' '}
            <button type="button" className="secondary" onClick={() => void load(failure.extending)}>
              {t('retry')}
            </button>
          </Alert>
        )}
        {pages && (
          <>
            <p id="tasks-count" className="task-count" data-testid="tasks-count">
              {t(countKey(Boolean(step), escalatedOnly), { count: shown.length })}
              {pages.more && ` ${t('tasksMore')}`}
            </p>
            {shown.length === 0 ? (
              <p>{t(escalatedOnly ? 'tasksEscalatedEmpty' : 'tasksEmpty')}</p>
            ) : (
              <ul className="task-list" data-testid="tasks">
                {shown.map((task) => (
                  <TaskCard key={task.id} task={task} focused={task.id === firstNewId} />
                ))}
              </ul>
            )}
            {pages.more && (
              <p className="actions task-more">
                <button
                  type="button"
                  className="secondary"
                  data-testid="tasks-load-more"
                  onClick={() => void load(pages)}
                  disabled={loading !== null}
                >
                  {loading === 'next' ? t('loading') : t('tasksLoadMore')}
                </button>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

function TaskCard({ task, focused }: { task: Task; focused: boolean }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focused) heading.current?.focus();
  }, [focused]);
  const headingId = `task-${task.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const classes = ['task-card', task.overdue && 'overdue', task.escalatedAt && 'escalated'].filter(Boolean);
  return (
    <li
      className={classes.join(' ')}
      data-testid={`task-${task.type}`}
      data-escalated={task.escalatedAt ? 'true' : undefined}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="task-title" ref={heading} tabIndex={-1}>
        {taskTitle(task, language)}
      </h2>
      {task.escalatedAt && (
        <p className="task-escalation">
          <span className="badge escalated-badge" data-testid="task-escalated">
            {t('taskEscalated', { date: i18n.dateTime(task.escalatedAt) })}
          </span>
        </p>
      )}
      <dl className="facts">
        <dt>{t('applicationId')}</dt>
        <dd>
          <Link to={`/applications/${encodeURIComponent(task.applicationId)}`} className="task-application">
            {task.applicationId}
          </Link>
        </dd>
        <dt>{t('documentType')}</dt>
        <dd>{documentTitle(task.documentType, language)}</dd>
        <dt>{t('taskDue')}</dt>
        <dd>
          <time dateTime={task.dueAt}>{i18n.dateTime(task.dueAt)}</time>
          {task.overdue && <span className="badge overdue-badge">{t('taskOverdue')}</span>}
        </dd>
        <dt>{t('taskWaitingSince')}</dt>
        <dd>
          <time dateTime={task.openedAt}>{i18n.dateTime(task.openedAt)}</time>
        </dd>
        {task.escalatedTo && (
          <>
            <dt>{t('taskEscalatedTo')}</dt>
            <dd className="task-escalated-to">{task.escalatedTo}</dd>
          </>
        )}
      </dl>
    </li>
  );
}
