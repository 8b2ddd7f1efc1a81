import type { Client } from '@temporalio/client';
import type { DecisionOutcome, TaskRecord, TaskRepository } from '../../store/tasks';
import { decideStep, lifecycleWorkflowId } from '../../workflows/permit-lifecycle';
import { notFound, PangolinError } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import { lifecycleRefusal } from './lifecycles';

export interface DecisionInput {
  outcome: DecisionOutcome;
  comment?: string;
}

export interface TaskView {
  id: string;
  type: string;
  applicationId: string;
  documentType: TaskRecord['documentType'];
  title: TaskRecord['title'];
  actor: string;
  status: TaskRecord['status'];
  openedAt: Date;
  dueAt: Date;
  overdue: boolean;
}

/**
 * The officers' inbox and their decisions. A decision goes to the application's lifecycle as an
 * Update: the workflow's validator has the last word on role and state, and refuses before
 * anything is recorded.
 */
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly temporal: Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller, limit = 100): Promise<TaskView[]> {
    const officer = requirePermission(caller, 'tasks.work');
    const now = this.now();
    return (await this.tasks.openFor(officer.roles, limit)).map((task) => viewOf(task, now));
  }

  async decide(caller: Caller, taskId: string, input: DecisionInput): Promise<TaskView> {
    const officer = requirePermission(caller, 'tasks.work');
    const task = await this.tasks.find(taskId);
    if (!task) throw notFound(`Task ${taskId}`);
    if (!officer.roles.includes(task.actor as never)) {
      throw new PangolinError('not-allowed', `This task is decided by ${task.actor}.`);
    }
    if (task.status !== 'open') throw new PangolinError('conflict', 'This task has already been decided.');
    if (input.outcome !== 'approve' && !input.comment?.trim()) {
      throw new PangolinError('invalid', 'Say why: the applicant reads it.', [
        { path: '/comment', message: 'is required when refusing or asking for more information' },
      ]);
    }
    if (input.outcome === 'more-information' && task.step !== 'completeness-check') {
      throw new PangolinError('invalid', 'Only the completeness check sends an application back.', [
        { path: '/outcome', message: 'must be approve or reject for this step' },
      ]);
    }
    try {
      await this.temporal.workflow
        .getHandle(lifecycleWorkflowId(task.applicationId))
        .executeUpdate(decideStep, {
          args: [
            {
              step: task.step,
              outcome: input.outcome,
              ...(input.comment ? { comment: input.comment } : {}),
              officer: { userId: officer.userId, email: officer.email, roles: [...officer.roles] },
            },
          ],
        });
    } catch (error) {
      throw lifecycleRefusal(error, 'The decision');
    }
    return viewOf({ ...task, status: 'done' }, this.now());
  }
}

function viewOf(task: TaskRecord, now: Date): TaskView {
  return {
    id: task.id,
    type: task.step,
    applicationId: task.applicationId,
    documentType: task.documentType,
    title: task.title,
    actor: task.actor,
    status: task.status,
    openedAt: task.openedAt,
    dueAt: task.dueAt,
    overdue: task.status === 'open' && task.dueAt.getTime() < now.getTime(),
  };
}
