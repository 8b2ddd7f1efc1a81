import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Task } from '../api/types';
import { ProblemText } from '../components/forms';
import { Link } from '../components/Link';
import { Alert, Loading } from '../components/Status';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ofEscalation, ofStep, oldestFirst, stepChoices, taskTitle } from '../tasks';

/**
 * The officer's inbox: the open steps their roles decide, oldest first, as cards that read as well
 * on a phone as on a desk. Deciding happens on the application's page, where the case can be read.
 */
export function TasksPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState('');
  const [escalatedOnly, setEscalatedOnly] = useState(false);
  const round = useRef(0);

  // The list stays on screen while it is refreshed; an answer to an older request is dropped.
  const load = useCallback(async () => {
    const mine = ++round.current;
    setLoading(true);
    setError(null);
    try {
      const found = await api.listTasks({ escalated: escalatedOnly });
      if (mine === round.current) setTasks(oldestFirst(found));
    } catch (failure) {
      if (mine === round.current) setError(failure);
    } finally {
      if (mine === round.current) setLoading(false);
    }
  }, [api, escalatedOnly]);

  useEffect(() => {
    void load();
  }, [load]);

  const choices = useMemo(() => {
    const found = stepChoices(tasks ?? [], language);
    // A step chosen before a refresh stays choosable even when none of its tasks is left.
    return step && !found.some((choice) => choice.type === step)
      ? [...found, { type: step, label: step }]
      : found;
  }, [tasks, language, step]);
  // The server lists only escalated tasks when asked; they are picked here too, so the list on
  // screen agrees with the filter while the server's answer is on its way.
  const listed = tasks ? ofEscalation(tasks, escalatedOnly) : [];
  const shown = ofStep(listed, step);

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
        <button type="button" className="secondary" onClick={() => void load()} disabled={loading}>
          {loading && tasks ? t('tasksRefreshing') : t('tasksRefresh')}
        </button>
      </div>
      <section aria-labelledby="tasks-count" aria-busy={loading}>
        {loading && <Loading label={tasks ? t('tasksRefreshing') : t('tasksLoading')} />}
        {error !== null && (
          <Alert>
            <ProblemText error={error} i18n={i18n} />{' '}
            <button type="button" className="secondary" onClick={() => void load()}>
              {t('retry')}
            </button>
          </Alert>
        )}
        {tasks && (
          <>
            <p id="tasks-count" className="task-count" data-testid="tasks-count">
              {step
                ? t(escalatedOnly ? 'tasksShownEscalated' : 'tasksShown', {
                    shown: shown.length,
                    count: listed.length,
                  })
                : t(escalatedOnly ? 'tasksEscalatedCount' : 'tasksCount', { count: listed.length })}
            </p>
            {shown.length === 0 ? (
              <p>{t(escalatedOnly ? 'tasksEscalatedEmpty' : 'tasksEmpty')}</p>
            ) : (
              <ul className="task-list" data-testid="tasks">
                {shown.map((task) => (
                  <TaskCard key={task.id} task={task} />
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}

function TaskCard({ task }: { task: Task }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const headingId = `task-${task.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const classes = ['task-card', task.overdue && 'overdue', task.escalatedAt && 'escalated'].filter(Boolean);
  return (
    <li
      className={classes.join(' ')}
      data-testid={`task-${task.type}`}
      data-escalated={task.escalatedAt ? 'true' : undefined}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="task-title">
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
