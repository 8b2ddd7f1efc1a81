import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DocumentType, LocalizedText } from '../domain/codes/types';
import { formatPermitNumber } from '../domain/permit-number';
import { computeValidUntil } from '../domain/validity';
import type { ApplicationRepository, ApplicationStatus } from '../store/applications';
import type { AuditActor, AuditRepository } from '../store/audit';
import type { PermitRecord, PermitRepository } from '../store/permits';
import type { NonDetrimentFindingRepository } from '../store/non-detriment-findings';
import type { TaskDecision, TaskRepository } from '../store/tasks';
import { standingFindingsFor, type CoveredTrade } from '../domain/findings/standing-finding';
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
  /** The standing non-detriment findings the permit relied on. */
  nonDetrimentFindingIds?: string[];
}

export interface StandingFindingAnswer {
  decision: 'positive' | 'negative';
  findingIds: string[];
}

const DAY_MS = 86_400_000;

type FormData = Record<string, unknown>;
const objectAt = (value: unknown): FormData =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormData) : {};
const textAt = (value: unknown) => (typeof value === 'string' ? value : '');

/** Each block's trade, as a standing finding's scope is compared with it (forms of the default shape). */
function tradesOf(data: FormData): CoveredTrade[] {
  const importingCountry = textAt(objectAt(objectAt(data.importer).address).country);
  const blocks = Array.isArray(data.blocks) ? data.blocks.map(objectAt) : [];
  return blocks.map((block) => ({
    scientificName: textAt(block.scientificName),
    importingCountry,
    source: textAt(block.source),
    term: textAt(objectAt(block.description).term),
    purpose: textAt(data.purpose),
  }));
}

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
  findings: NonDetrimentFindingRepository,
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

    /** The standing non-detriment findings that settle the application's NDF step today, if any. */
    async standingFindingFor(input: { applicationId: string }): Promise<StandingFindingAnswer | null> {
      const application = await applications.find(input.applicationId);
      if (!application)
        throw ApplicationFailure.nonRetryable(
          `Application ${input.applicationId} does not exist`,
          'NotFound',
        );
      const today = new Date().toISOString().slice(0, 10);
      const trades = tradesOf(application.data);
      return standingFindingsFor(await findings.validOn(today), trades, today) ?? null;
    },

    /** The permit moved on after issuance: endorsed, used, expired or cancelled. */
    async updatePermit(input: {
      applicationId: string;
      change: Parameters<PermitRepository['update']>[1];
      by: AuditActor | null;
    }): Promise<void> {
      await permits.update(input.applicationId, input.change);
      await auditOnce(`permit.${input.change.status}`, 'permit', input.applicationId, input.by, input.change);
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
      const application = await applications.find(input.applicationId);
      const issuedAt = new Date();
      const year = issuedAt.getUTCFullYear();
      const number = formatPermitNumber({
        party: input.party,
        year,
        serial: await permits.nextSerial(input.party, year, input.applicationId),
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
        authorisedQuantities: (Array.isArray(application?.data.blocks) ? application.data.blocks : []).map(
          (block) => Number((block as { quantity?: unknown }).quantity) || 0,
        ),
        validFrom,
        validUntil: validUntil.value,
        issuedAt,
        nonDetrimentFindingIds: input.nonDetrimentFindingIds ?? [],
      });
      await auditOnce('permit.issued', 'permit', permit.number, null, permit);
      return permit;
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createLifecycleActivities>;
