import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DocumentType, LocalizedText } from '../domain/codes/types';
import { formatPermitNumber } from '../domain/permit-number';
import { computeValidUntil } from '../domain/validity';
import type { ApplicationRepository, ApplicationStatus } from '../store/applications';
import type { AuditActor, AuditRepository } from '../store/audit';
import {
  replacementPermitId,
  type PermitRecord,
  type PermitRepository,
  type ReplacedPermit,
} from '../store/permits';
import type { NonDetrimentFindingRepository } from '../store/non-detriment-findings';
import type { TaskDecision, TaskRepository } from '../store/tasks';
import { standingFindingsFor, type CoveredTrade } from '../domain/findings/standing-finding';
import { taskIdOf } from '../store/tasks';
import type { IncomingPermitRepository } from '../store/incoming-permits';
import { importedQuantityKey, type ReExportBalanceRepository } from '../store/re-export-balances';
import { blockLetter } from '../domain/documents/sheets';
import { importPermitSettles } from '../domain/findings/import-permit-first';
import type { Official, QuotaUse } from '../domain/documents/model';
import type { ExportQuotaRepository, QuotaLedger } from '../store/export-quotas';
import { quotaBasedFinding } from './quotas';
import type { UserRepository } from '../store/users';
import { signIssuedPermit, type PermitSigning } from './documents/issued-permit';

export interface OpenTaskInput {
  applicationId: string;
  /** 1 the first time a step is asked, 2 after the applicant amended the application, ... */
  round?: number;
  documentType: DocumentType;
  step: string;
  title: LocalizedText;
  actor: string;
  deadlineDays: number;
  /** The workflow that takes the decision, when it is not the application's lifecycle. */
  workflowId?: string;
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
  /** The officer who decided to grant it (Box 13); absent when a national rule decided. */
  issuedBy?: AuditActor;
  /** Box 11a per block, as reserved against export quotas. */
  quotaUse?: (QuotaUse | null)[];
}

export interface ReplacePermitInput {
  applicationId: string;
  /** The permit being replaced; it must be the application's valid permit. */
  replacedPermitId: string;
  reason: ReplacedPermit['reason'];
  explanation?: string;
  by: AuditActor;
}

/** How the Party runs its lifecycles, from its configuration. */
export interface LifecycleOptions {
  /** The supervisor (e-mail) who gets an overdue task, per deciding role. */
  supervisors: Partial<Record<string, string>>;
  signing: PermitSigning;
}

/** Where the lifecycle's activities read and write. */
export interface LifecycleRepositories {
  applications: ApplicationRepository;
  tasks: TaskRepository;
  permits: PermitRepository;
  audit: AuditRepository;
  findings: NonDetrimentFindingRepository;
  incomingPermits: IncomingPermitRepository;
  reExportBalances: ReExportBalanceRepository;
  users: UserRepository;
  quotas: ExportQuotaRepository;
  quotaLedger: QuotaLedger;
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

/**
 * The permit as a workflow keeps it: the signed document and the verification token stay in the
 * store, out of the history that the Temporal Web UI shows.
 */
function withoutSignature(permit: PermitRecord): PermitRecord {
  const { signedPermit: _signed, verificationToken: _token, ...rest } = permit;
  return rest;
}

/** How many replacements came before: 0 for the first permit, n for `<application>-R<n>`. */
const replacementCountOf = (permitId: string) => Number(/-R(\d+)$/.exec(permitId)?.[1] ?? 0);

/** The permit number, or a failure that no retry can mend. */
function permitNumberOrFailure(parts: Parameters<typeof formatPermitNumber>[0]): string {
  const number = formatPermitNumber(parts);
  if (!number.ok) throw ApplicationFailure.nonRetryable(number.error.message.en, 'PermitNotIssuable');
  return number.value;
}

/** The import a re-export block draws on: the last document it crossed into this country with. */
function importDocumentOf(block: FormData): { country: string; documentNumber: string } | undefined {
  const lastReExport = objectAt(block.countryOfLastReExport);
  if (textAt(lastReExport.certificateNumber)) {
    return { country: textAt(lastReExport.country), documentNumber: textAt(lastReExport.certificateNumber) };
  }
  const origin = objectAt(block.countryOfOrigin);
  if (textAt(origin.permitNumber)) {
    return { country: textAt(origin.country), documentNumber: textAt(origin.permitNumber) };
  }
  return undefined;
}

interface ReExportLine {
  quantity: number;
  /** The blocks' letters, and their positions, that draw on the import. */
  blocks: string[];
  blockIndexes: number[];
  document: string;
}

/** What each import named on a re-export's blocks gives, by ledger key, with notes on blocks naming none. */
function reExportLinesOf(application: { data: FormData } | undefined): {
  lines: Map<string, ReExportLine>;
  notes: string[];
} {
  const blocks = Array.isArray(application?.data.blocks) ? application.data.blocks.map(objectAt) : [];
  const lines = new Map<string, ReExportLine>();
  const notes: string[] = [];
  blocks.forEach((block, index) => {
    const letter = blockLetter(index) ?? String(index + 1);
    const document = importDocumentOf(block);
    if (!document) {
      notes.push(`${letter}: no import document named`);
      return;
    }
    const key = importedQuantityKey({
      ...document,
      scientificName: textAt(block.scientificName),
      term: textAt(objectAt(block.description).term),
      unit: textAt(block.unit),
    });
    const line = lines.get(key) ?? {
      quantity: 0,
      blocks: [],
      blockIndexes: [],
      document: `${document.country} ${document.documentNumber}`,
    };
    line.quantity += Number(block.quantity) || 0;
    line.blocks.push(letter);
    line.blockIndexes.push(index);
    lines.set(key, line);
  });
  return { lines, notes };
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
  {
    applications,
    tasks,
    permits,
    audit,
    findings,
    incomingPermits,
    reExportBalances,
    users,
    quotas,
    quotaLedger,
  }: LifecycleRepositories,
  options: LifecycleOptions,
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

  /** Box 13: the officer who decided, by name; the Management Authority itself when a rule decided. */
  const officialOf = async (officer: AuditActor | undefined | null): Promise<Official> => {
    const user = officer ? await users.findById(officer.userId) : undefined;
    return user
      ? { name: user.name, title: 'Management Authority officer' }
      : { name: options.signing.authority.name, title: 'decided under the national procedure' };
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
        ...(input.workflowId ? { workflowId: input.workflowId } : {}),
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
      const application = await applications.findWithoutTimeline(input.applicationId);
      if (!application)
        throw ApplicationFailure.nonRetryable(
          `Application ${input.applicationId} does not exist`,
          'NotFound',
        );
      const today = new Date().toISOString().slice(0, 10);
      const trades = tradesOf(application.data);
      return (
        standingFindingsFor(await findings.validOn(today), trades, today) ??
        // An export quota set on the SA's finding stands in for one (Res. Conf. 14.7).
        (application.documentType === 'export'
          ? await quotaBasedFinding(application.data, quotas, quotaLedger, Number(today.slice(0, 4)))
          : undefined) ??
        null
      );
    },

    /**
     * The import permit the application names, when the importing Party has sent it (signature
     * verified) and it settles Art. III.2(d): the MA need not enter it by hand. Otherwise null, with
     * the reason when the permit is there but does not fit, so the officer's task says why.
     */
    async verifiedImportPermitFor(input: {
      applicationId: string;
      party: string;
    }): Promise<{ settled: boolean; note: string } | null> {
      const application = await applications.findWithoutTimeline(input.applicationId);
      if (!application) return null;
      const importingParty = textAt(objectAt(objectAt(application.data.importer).address).country);
      const permitNumber = textAt(objectAt(application.data.importPermit).permitNumber);
      if (!importingParty || !permitNumber) return null;
      const permit = await incomingPermits.find(importingParty, permitNumber);
      if (!permit) return null;
      const blocks = Array.isArray(application.data.blocks) ? application.data.blocks.map(objectAt) : [];
      const verdict = importPermitSettles(
        {
          importingParty,
          permitNumber,
          appendixISpecies: blocks
            .filter((block) => block.appendix === 'I')
            .map((block) => textAt(block.scientificName)),
        },
        { ...permit, speciesNames: permit.blocks.map((block) => block.scientificName) },
        input.party,
        new Date().toISOString().slice(0, 10),
      );
      return verdict.settles
        ? { settled: true, note: `${importingParty} ${permitNumber} verified` }
        : { settled: false, note: verdict.reason };
    },

    /**
     * A re-export certificate takes its quantities from what came in under each block's import
     * document; more than is left refuses the whole certificate and gives back what it took.
     */
    async drawReExportQuantities(input: {
      applicationId: string;
    }): Promise<{ refused: false; notes: string[] } | { refused: true; reason: string }> {
      const { lines, notes } = reExportLinesOf(await applications.findWithoutTimeline(input.applicationId));
      const taken: string[] = [];
      for (const [key, line] of lines) {
        const answer = await reExportBalances.draw(key, input.applicationId, line.quantity);
        if (!answer.drawn) {
          for (const earlier of taken) await reExportBalances.release(earlier, input.applicationId);
          return {
            refused: true,
            reason: `${line.blocks.join('+')}: ${line.quantity} asked, ${answer.left} of ${answer.limit} left of the import under ${line.document}`,
          };
        }
        taken.push(key);
        notes.push(
          answer.left === null
            ? `${line.blocks.join('+')}: ${line.quantity} under ${line.document} (import not registered; not checked)`
            : `${line.blocks.join('+')}: ${line.quantity} taken, ${answer.left} left under ${line.document}`,
        );
      }
      return { refused: false, notes };
    },

    /**
     * Gives back to each import what the re-export certificate drew and did not take out: all of it
     * when the certificate was cancelled or expired, the part customs did not endorse otherwise.
     */
    async returnReExportQuantities(input: {
      applicationId: string;
      /** What customs endorsed per block; absent when nothing left the country. */
      endorsedQuantities?: number[];
    }): Promise<{ notes: string[] }> {
      const { lines } = reExportLinesOf(await applications.findWithoutTimeline(input.applicationId));
      const notes: string[] = [];
      for (const [key, line] of lines) {
        const drawn = await reExportBalances.drawnBy(key, input.applicationId);
        const used = line.blockIndexes.reduce(
          (sum, index) => sum + (input.endorsedQuantities?.[index] ?? 0),
          0,
        );
        if (drawn <= used) continue;
        await reExportBalances.giveBack(key, input.applicationId, drawn - used);
        notes.push(`${line.blocks.join('+')}: ${drawn - used} returned to the import under ${line.document}`);
      }
      return { notes };
    },

    /** The permit moved on after issuance: endorsed, used, expired or cancelled. */
    async updatePermit(input: {
      applicationId: string;
      /** Absent in lifecycles that began before replacements: the first permit, keyed by the application. */
      permitId?: string;
      change: Parameters<PermitRepository['update']>[1];
      by: AuditActor | null;
    }): Promise<void> {
      const permitId = input.permitId ?? input.applicationId;
      await permits.update(permitId, input.change);
      await auditOnce(`permit.${input.change.status}`, 'permit', permitId, input.by, input.change);
    },

    /**
     * A replacement for a permit that was lost, stolen or destroyed: a new number, the same blocks
     * and the same last day of validity (validity cannot be extended), Box 5 naming the replaced
     * permit and why; the replaced permit is marked so. Idempotent: a retry finds what it made.
     */
    async replacePermit(input: ReplacePermitInput): Promise<PermitRecord> {
      const replaced = await permits.find(input.replacedPermitId);
      if (!replaced || replaced.applicationId !== input.applicationId) {
        throw ApplicationFailure.nonRetryable(`Permit ${input.replacedPermitId} does not exist`, 'NotFound');
      }
      const id = replacementPermitId(input.applicationId, replacementCountOf(replaced.id) + 1);
      const issuedAt = new Date();
      const year = issuedAt.getUTCFullYear();
      const existing = await permits.find(id);
      let replacement = existing;
      if (!replacement) {
        const number = permitNumberOrFailure({
          party: replaced.party,
          year,
          serial: await permits.nextSerial(replaced.party, year, id),
          documentType: replaced.documentType,
        });
        const validFrom = issuedAt.toISOString().slice(0, 10);
        const application = await applications.findWithoutTimeline(input.applicationId);
        const { signedPermit: _replacedSignature, verificationToken: _replacedToken, ...kept } = replaced;
        replacement = await permits.createOnce({
          ...kept,
          id,
          number,
          status: 'valid',
          validFrom,
          issuedAt,
          replaces: {
            permitId: replaced.id,
            number: replaced.number,
            reason: input.reason,
            ...(input.explanation ? { explanation: input.explanation } : {}),
          },
          ...signIssuedPermit(options.signing, {
            documentType: replaced.documentType,
            data: application?.data ?? {},
            number,
            validFrom,
            validUntil: replaced.validUntil,
            issuedAt,
            official: await officialOf(input.by),
            replacement: {
              replacedPermitNumber: replaced.number,
              reason: input.reason,
              ...(input.explanation ? { explanation: input.explanation } : {}),
            },
          }),
        });
      }
      await permits.update(replaced.id, {
        status: 'replaced',
        replacedBy: { permitId: replacement.id, number: replacement.number },
      });
      await applications.setPermit(input.applicationId, replacement.id);
      await auditOnce('permit.replaced', 'permit', replaced.id, input.by, {
        replacedBy: replacement.number,
        reason: input.reason,
      });
      await auditOnce('permit.issued', 'permit', replacement.number, input.by, withoutSignature(replacement));
      return withoutSignature(replacement);
    },

    /**
     * The step's deadline passed: its task goes to the role's supervisor when the Party names one,
     * and is flagged as escalated either way, so supervisors' and officers' inboxes show it.
     */
    async escalateTask(input: {
      applicationId: string;
      step: string;
      round?: number;
      actor: string;
    }): Promise<{ escalatedTo: string }> {
      const supervisor = options.supervisors[input.actor];
      const escalatedTo = supervisor ?? input.actor;
      const id = taskIdOf(input.applicationId, input.step, input.round);
      await tasks.escalate(id, escalatedTo, new Date(), supervisor);
      await auditOnce('task.escalated', 'task', id, null, { escalatedTo });
      return { escalatedTo };
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
      if (existing) {
        // A retry after a crash may find the permit stored but not yet named on the application.
        await applications.setPermit(input.applicationId, existing.id);
        return withoutSignature(existing);
      }
      const application = await applications.findWithoutTimeline(input.applicationId);
      const issuedAt = new Date();
      const year = issuedAt.getUTCFullYear();
      const validFrom = issuedAt.toISOString().slice(0, 10);
      const validUntil = computeValidUntil(input.documentType, validFrom);
      if (!validUntil.ok)
        throw ApplicationFailure.nonRetryable(validUntil.error.message.en, 'PermitNotIssuable');
      const number = permitNumberOrFailure({
        party: input.party,
        year,
        serial: await permits.nextSerial(input.party, year, input.applicationId),
        documentType: input.documentType,
      });
      const signed = signIssuedPermit(options.signing, {
        documentType: input.documentType,
        data: application?.data ?? {},
        number,
        validFrom,
        validUntil: validUntil.value,
        issuedAt,
        official: await officialOf(input.issuedBy),
        ...(input.quotaUse ? { quotaUse: input.quotaUse.map((use) => use ?? undefined) } : {}),
      });
      const permit = await permits.createOnce({
        id: input.applicationId,
        applicationId: input.applicationId,
        number,
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
        ...signed,
      });
      await applications.setPermit(input.applicationId, permit.id);
      await auditOnce('permit.issued', 'permit', permit.number, null, withoutSignature(permit));
      return withoutSignature(permit);
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createLifecycleActivities>;
