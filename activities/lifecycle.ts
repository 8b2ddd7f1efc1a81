import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DocumentType, LocalizedText } from '../domain/codes/types';
import { formatPermitNumber } from '../domain/permit-number';
import { computeValidUntil } from '../domain/validity';
import type { ApplicationRepository, ApplicationStatus } from '../store/applications';
import type { AuditActor, AuditRepository } from '../store/audit';
import type { PermitRecord, PermitRepository } from '../store/permits';
import type { TaskDecision, TaskRepository } from '../store/tasks';
import { taskIdOf } from '../store/tasks';

export interface OpenTaskInput {
  applicationId: string;
  /** 1 the first time a step is asked, 2 after the applicant amended the application, ... */
  round?: number;
  documentType: DocumentType;
  step: string;
  title: LocalizedText;
  actor: string;
  deadlineDays: number;
}

export interface CloseTaskInput {
  applicationId: string;
  round?: number;
  step: string;
  decision: Omit<TaskDecision, 'at'> & { at: string };
}

export interface ApplicationEventInput {
  applicationId: string;
  event: string;
  /** The officer who acted, or null for the lifecycle itself. */
  by: AuditActor | null;
  step?: string;
  note?: string;
  status?: ApplicationStatus;
}

export interface IssuePermitInput {
  applicationId: string;
  party: string;
  documentType: DocumentType;
}

const DAY_MS = 86_400_000;

/** The id of the activity's own run, stable across its retries: a retried write finds its own mark. */
function eventIdOfThisActivity(): string {
  const { workflowExecution, activityId } = Context.current().info;
  return `${workflowExecution?.workflowId ?? 'activity'}/${workflowExecution?.runId ?? ''}/${activityId}`;
}

/**
 * What a permit lifecycle writes to the store: every write is idempotent, so Temporal may retry
 * any of them after a crash and the record stays as if it had run once. Each also goes to the
 * audit trail in the name of the person who acted (or the system).
 */
export function createLifecycleActivities(
  applications: ApplicationRepository,
  tasks: TaskRepository,
  permits: PermitRepository,
  audit: AuditRepository,
) {
  // A retry after a crash between the write and this append may add the entry twice; the
  // write itself is not repeated.
  const auditOnce = async (
    action: string,
    objectType: string,
    objectId: string,
    actor: AuditActor | null,
    after: unknown,
  ) => {
    await audit.append({
      actor,
      action,
      objectType,
      objectId,
      before: null,
      after,
      requestId: eventIdOfThisActivity(),
    });
  };

  return {
    async openTask(input: OpenTaskInput): Promise<{ taskId: string; dueAt: string }> {
      const openedAt = new Date();
      const id = taskIdOf(input.applicationId, input.step, input.round);
      const dueAt = new Date(openedAt.getTime() + input.deadlineDays * DAY_MS);
      await tasks.open({
        id,
        applicationId: input.applicationId,
        step: input.step,
        title: input.title,
        actor: input.actor,
        documentType: input.documentType,
        openedAt,
        dueAt,
      });
      const stored = await tasks.find(id);
      return { taskId: id, dueAt: (stored?.dueAt ?? dueAt).toISOString() };
    },

    async closeTask(input: CloseTaskInput): Promise<void> {
      await tasks.close(taskIdOf(input.applicationId, input.step, input.round), {
        ...input.decision,
        at: new Date(input.decision.at),
      });
    },

    /** The task of a step no one needs to decide any more (the application was withdrawn). */
    async cancelTask(input: { applicationId: string; step: string; round?: number }): Promise<void> {
      await tasks.cancel(taskIdOf(input.applicationId, input.step, input.round));
    },

    async recordApplicationEvent(input: ApplicationEventInput): Promise<void> {
      const eventId = eventIdOfThisActivity();
      await applications.recordEvent(
        input.applicationId,
        {
          at: new Date(),
          event: input.event,
          by: input.by?.userId ?? null,
          eventId,
          ...(input.step ? { step: input.step } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
        input.status,
      );
      await auditOnce(`application.${input.event}`, 'application', input.applicationId, input.by, {
        step: input.step ?? null,
        status: input.status ?? null,
        note: input.note ?? null,
      });
    },

    /** The permit number comes from the Party's counter for the year; an application gets one permit, ever. */
    async issuePermit(input: IssuePermitInput): Promise<PermitRecord> {
      const existing = await permits.forApplication(input.applicationId);
      if (existing) return existing;
      const issuedAt = new Date();
      const year = issuedAt.getUTCFullYear();
      const number = formatPermitNumber({
        party: input.party,
        year,
        serial: await permits.nextSerial(input.party, year),
        documentType: input.documentType,
      });
      const validFrom = issuedAt.toISOString().slice(0, 10);
      const validUntil = computeValidUntil(input.documentType, validFrom);
      if (!number.ok || !validUntil.ok) {
        const reason = !number.ok
          ? number.error.message.en
          : !validUntil.ok
            ? validUntil.error.message.en
            : '';
        throw ApplicationFailure.nonRetryable(reason, 'PermitNotIssuable');
      }
      const permit = await permits.createOnce({
        applicationId: input.applicationId,
        number: number.value,
        party: input.party,
        documentType: input.documentType,
        status: 'valid',
        validFrom,
        validUntil: validUntil.value,
        issuedAt,
      });
      await auditOnce('permit.issued', 'permit', permit.number, null, permit);
      return permit;
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createLifecycleActivities>;
