import { APPLICATION_ID } from '../../domain/application-id';
import type { Client } from '@temporalio/client';
import type {
  DecisionAttachment,
  DecisionOutcome,
  TaskFilter,
  TaskRecord,
  TaskRepository,
} from '../../store/tasks';
import { decideStep, lifecycleWorkflowId } from '../../workflows/permit-lifecycle';
import { notFound, PangolinError } from '../errors';
import { requirePermission, type Caller, type UserActor } from '../identity/permissions';
import type { UserRepository } from '../../store/users';
import type { AuditTrail } from './audit-trail';
import type { EvidenceUploadService } from './evidence-uploads';
import { lifecycleRefusal } from './lifecycles';

export interface DecisionInput {
  outcome: DecisionOutcome;
  comment?: string;
  /** The officer's own uploads (POST /api/uploads) that back the decision. */
  attachments?: DecisionAttachment[];
}

/** What the inbox asks for: every filter optional, a page at a time. */
export interface TaskQuery {
  step?: string;
  documentType?: string;
  /** `me`: claimed by or given to the caller; `nobody`: not yet claimed. */
  assigned?: 'me' | 'nobody';
  overdue?: boolean;
  escalated?: boolean;
  /** The `openedAt` of the last task of the previous page. */
  openedAfter?: Date;
  /** With `openedAfter`, the id of that last task. */
  afterId?: string;
  applicationId?: string;
  limit?: number;
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
  assignedTo?: string;
  escalatedAt?: Date;
  escalatedTo?: string;
}

const TASK_ID = new RegExp(String.raw`^${APPLICATION_ID}:[a-z0-9-]{1,80}(:\d{1,3})?$`);

/**
 * The officers' inbox and their decisions. A decision goes to the application's lifecycle as an
 * Update: the workflow's validator has the last word on role and state, and refuses before
 * anything is recorded.
 */
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly temporal: Client,
    private readonly uploads: EvidenceUploadService,
    private readonly audit: AuditTrail,
    private readonly users: UserRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The open tasks of the caller's roles, oldest first, filtered. */
  async list(caller: Caller, query: TaskQuery = {}): Promise<TaskView[]> {
    const officer = requirePermission(caller, 'tasks.work');
    const now = this.now();
    const filter: TaskFilter = {
      actors: officer.roles,
      limit: query.limit ?? 100,
      ...(query.step ? { step: query.step } : {}),
      ...(query.documentType ? { documentType: query.documentType } : {}),
      ...(query.assigned === 'me' ? { assignedTo: officer.email } : {}),
      ...(query.assigned === 'nobody' ? { assignedTo: null } : {}),
      ...(query.overdue ? { dueBefore: now } : {}),
      ...(query.escalated ? { escalatedOnly: true } : {}),
      ...(query.openedAfter ? { openedAfter: query.openedAfter } : {}),
      ...(query.openedAfter && query.afterId ? { afterId: query.afterId } : {}),
      ...(query.applicationId ? { applicationId: query.applicationId } : {}),
    };
    return (await this.tasks.search(filter)).map((task) => viewOf(task, now));
  }

  /** The caller takes the task: other officers see it is theirs. 409 when someone was first. */
  async claim(caller: Caller, taskId: string): Promise<TaskView> {
    const officer = requirePermission(caller, 'tasks.work');
    const task = await this.openTaskOfRole(officer, taskId);
    if (task.assignedTo === officer.email) return viewOf(task, this.now());
    if (!(await this.tasks.assign(task.id, officer.email, true))) {
      const now = await this.tasks.find(task.id);
      throw new PangolinError(
        'conflict',
        now?.status === 'open'
          ? `${now.assignedTo ?? 'Another officer'} has this task already.`
          : 'This task has already been decided.',
      );
    }
    return this.assigned(caller, task, officer.email, 'task.claimed');
  }

  /** Gives the task to another officer of its role (a colleague or, from a supervisor, anyone of them). */
  async assign(caller: Caller, taskId: string, officerEmail: string): Promise<TaskView> {
    const officer = requirePermission(caller, 'tasks.work');
    const task = await this.openTaskOfRole(officer, taskId);
    const email = officerEmail.trim().toLowerCase();
    // Only the holder may decide a task: giving it to someone who cannot would strand it.
    const colleague = await this.users.findByEmail(email);
    if (!colleague || colleague.disabled || !colleague.roles.includes(task.actor as never)) {
      throw new PangolinError('invalid', `No active ${task.actor} has the e-mail ${email}.`, [
        { path: '/officer', message: `is not an active ${task.actor}` },
      ]);
    }
    if (!(await this.tasks.assign(task.id, email, false))) {
      throw new PangolinError('conflict', 'This task has already been decided.');
    }
    return this.assigned(caller, task, email, 'task.assigned');
  }

  /** Gives the task back to every officer of its role. */
  async release(caller: Caller, taskId: string): Promise<TaskView> {
    const officer = requirePermission(caller, 'tasks.work');
    const task = await this.openTaskOfRole(officer, taskId);
    await this.tasks.release(task.id);
    await this.audit.record(caller, {
      action: 'task.released',
      objectType: 'task',
      objectId: task.id,
      before: { assignedTo: task.assignedTo ?? null },
      after: { assignedTo: null },
    });
    const { assignedTo: _released, ...rest } = task;
    return viewOf(rest, this.now());
  }

  async decide(caller: Caller, taskId: string, input: DecisionInput): Promise<TaskView> {
    const officer = requirePermission(caller, 'tasks.work');
    const task = TASK_ID.test(taskId) ? await this.tasks.find(taskId) : undefined;
    if (!task) throw notFound(`Task ${taskId}`);
    if (!officer.roles.includes(task.actor as never)) {
      throw new PangolinError('not-allowed', `This task is decided by ${task.actor}.`);
    }
    if (task.status !== 'open') throw new PangolinError('conflict', 'This task has already been decided.');
    if (task.assignedTo && task.assignedTo !== officer.email) {
      throw new PangolinError(
        'conflict',
        `${task.assignedTo} has this task; ask them, or have it given to you.`,
      );
    }
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
    const attachments = await this.ownAttachments(officer, input.attachments ?? []);
    try {
      await this.temporal.workflow
        .getHandle(task.workflowId ?? lifecycleWorkflowId(task.applicationId))
        .executeUpdate(decideStep, {
          args: [
            {
              step: task.step,
              outcome: input.outcome,
              ...(input.comment ? { comment: input.comment } : {}),
              ...(attachments.length ? { attachments } : {}),
              officer: { userId: officer.userId, email: officer.email, roles: [...officer.roles] },
            },
          ],
        });
    } catch (error) {
      throw lifecycleRefusal(error, 'The decision');
    }
    return viewOf({ ...task, status: 'done' }, this.now());
  }

  /** Attachments must be the officer's own uploads: named by them, never someone else's file. */
  private async ownAttachments(
    officer: UserActor,
    attachments: readonly DecisionAttachment[],
  ): Promise<DecisionAttachment[]> {
    const owned = await this.uploads.ownedFiles(
      officer.userId,
      attachments.map((attachment) => attachment.fileId),
    );
    const problems = attachments.flatMap((attachment, index) =>
      owned.has(attachment.fileId)
        ? []
        : [{ path: `/attachments/${index}/fileId`, message: 'is not a file you uploaded' }],
    );
    if (problems.length) throw new PangolinError('invalid', 'An attachment is not yours.', problems);
    return attachments.map((attachment) => ({
      fileId: attachment.fileId,
      name: attachment.name ?? owned.get(attachment.fileId)!.name,
    }));
  }

  private async openTaskOfRole(officer: UserActor, taskId: string): Promise<TaskRecord> {
    const task = TASK_ID.test(taskId) ? await this.tasks.find(taskId) : undefined;
    if (!task || !officer.roles.includes(task.actor as never)) throw notFound(`Task ${taskId}`);
    if (task.status !== 'open') throw new PangolinError('conflict', 'This task has already been decided.');
    return task;
  }

  private async assigned(caller: Caller, task: TaskRecord, email: string, action: string): Promise<TaskView> {
    await this.audit.record(caller, {
      action,
      objectType: 'task',
      objectId: task.id,
      before: { assignedTo: task.assignedTo ?? null },
      after: { assignedTo: email },
    });
    return viewOf({ ...task, assignedTo: email }, this.now());
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
    ...(task.assignedTo ? { assignedTo: task.assignedTo } : {}),
    ...(task.escalatedAt ? { escalatedAt: task.escalatedAt, escalatedTo: task.escalatedTo } : {}),
  };
}
