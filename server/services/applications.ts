import { isApplicationId } from '../../domain/application-id';
import { canonicalJson } from '../../domain/canonical-json';
import { createHash, randomBytes } from 'node:crypto';
import type { DocumentType, Language } from '../../domain/codes/types';
import { validateApplication } from '../../domain/validation/application';
import { applicationFactsOf, formPathOf } from '../../forms/application-facts';
import { validateFormData } from '../../forms/schema-kit';
import type { ApplicationRecord, ApplicationRepository, ApplicationSummary } from '../../store/applications';
import { invalid, notFound, PangolinError, unavailable, type FieldProblem } from '../errors';
import { hasPermission, requirePermission, requireSignedIn, type Caller } from '../identity/permissions';
import type { ApplicationDraftService } from './application-drafts';
import type { AuditTrail } from './audit-trail';
import type { EvidenceUploadService } from './evidence-uploads';
import type { FormService } from './forms';
import type { Lifecycles } from './lifecycles';
import type { ApplicationProcedure, ProcedureService } from './procedures';
import type { SpeciesService } from './species';
import { storableDataProblems } from './storable-data';

export interface SubmissionInput {
  documentType: DocumentType;
  data: Record<string, unknown>;
  formVersionId?: string;
  /** The saved draft this application comes from; it is removed once the application is in. */
  draftId?: string;
}

export interface ApplicationView {
  id: string;
  status: ApplicationRecord['status'];
  documentType: DocumentType;
  formVersionId: string;
  procedureVersionId: string | null;
  procedure: ApplicationRecord['procedure'];
  /** Evidence the procedure asks for that is not attached yet; the completeness check follows it up. */
  missingEvidence: string[];
  submittedAt: Date;
  timeline: ApplicationRecord['timeline'];
  data: Record<string, unknown>;
  /** The permit issued on it, once issued: a replacement's id after a replacement. */
  permitId?: string;
}

/** Collaborators of intake besides the store: forms, procedures, the checklist, evidence and drafts. */
export interface IntakeServices {
  forms: FormService;
  procedures: ProcedureService;
  species: SpeciesService;
  uploads: EvidenceUploadService;
  drafts: ApplicationDraftService;
  lifecycles: Lifecycles;
}

interface EvidenceReference {
  kind?: unknown;
  fileId?: unknown;
}

const evidenceOf = (data: Record<string, unknown>): EvidenceReference[] =>
  Array.isArray(data.evidence) ? (data.evidence as EvidenceReference[]) : [];

/**
 * The random part of a new application's id; with an Idempotency-Key, the same for every retry of
 * the same submission (applicant, key and body) and no other.
 */
function applicationNumber(applicantId: string, input: SubmissionInput, idempotencyKey?: string): string {
  const random =
    idempotencyKey === undefined
      ? randomBytes(6)
      : createHash('sha256')
          .update(canonicalJson([applicantId, idempotencyKey, input]))
          .digest();
  return random.subarray(0, 6).toString('hex').toUpperCase();
}

/**
 * Application intake: the data is validated against the form version it is filed under and by the
 * Convention's own checks (the server's answer is the one that counts), the national procedure
 * decides steps, fee and routing, and all of it is stored with the versions and audited.
 */
export class ApplicationService {
  constructor(
    private readonly party: string,
    private readonly applications: ApplicationRepository,
    private readonly intake: IntakeServices,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * With the request's Idempotency-Key, the application's id comes from the applicant and the key:
   * a retry that runs again (its first attempt's process died after storing it) finds the same
   * application and lifecycle instead of filing a second one.
   */
  async submit(
    caller: Caller,
    input: SubmissionInput,
    language: Language = 'en',
    idempotencyKey?: string,
  ): Promise<ApplicationView> {
    const applicant = requirePermission(caller, 'applications.submit');
    const { forms, procedures, drafts } = this.intake;
    if (input.draftId !== undefined && !(await drafts.takeForSubmission(applicant.userId, input.draftId))) {
      throw invalid('There is no such draft.', [{ path: '/draftId', message: 'is not one of your drafts' }]);
    }
    const version = await forms.versionForApplication(input.documentType, input.formVersionId);
    await this.checkData(applicant.userId, input.documentType, version.schema, input.data, language);
    const procedure = await procedures.outcomeForApplication(input.documentType, input.data);
    const now = this.now();
    const { procedureVersionId, ...outcome } = procedure;
    const application: ApplicationRecord = {
      id: `${this.party}-${now.getUTCFullYear()}-${applicationNumber(applicant.userId, input, idempotencyKey)}`,
      party: this.party,
      applicantId: applicant.userId,
      documentType: input.documentType,
      formId: version.ownerId,
      formVersionId: version.versionId,
      procedureVersionId,
      procedure: outcome,
      data: input.data,
      status: 'submitted',
      timeline: [{ at: now, event: 'submitted', by: applicant.userId }],
      submittedAt: now,
    };
    // The lifecycle first: if Temporal cannot take it, nothing is stored and the applicant may
    // simply send again; its first activity waits for the application to be stored.
    try {
      await this.intake.lifecycles.start(application);
    } catch (error) {
      throw unavailable(`The application could not be handed to its lifecycle: ${(error as Error).message}`);
    }
    const stored = await this.applications.createOnce(application);
    await this.audit.record(caller, {
      action: 'application.submitted',
      objectType: 'application',
      objectId: stored.id,
      after: stored,
    });
    if (input.draftId !== undefined) await drafts.remove(applicant.userId, input.draftId, caller);
    return viewOf(stored);
  }

  /** Applicants see their own applications only; officers and auditors see the Party's. */
  async get(caller: Caller, id: string): Promise<ApplicationView> {
    const actor = requireSignedIn(caller);
    const application = isApplicationId(id) ? await this.applications.find(id) : undefined;
    const visible =
      application !== undefined &&
      (application.applicantId === actor.userId || hasPermission(caller.actor, 'applications.read-all'));
    // The same answer whether it does not exist or is someone else's: ids are not to be probed.
    if (!visible) throw notFound(`Application ${id}`);
    return viewOf(application);
  }

  /** The applicant withdraws an application no decision has been taken on yet. */
  async withdraw(caller: Caller, id: string, reason?: string): Promise<ApplicationView> {
    const applicant = requirePermission(caller, 'applications.submit');
    const application = isApplicationId(id) ? await this.applications.find(id) : undefined;
    if (!application || application.applicantId !== applicant.userId) throw notFound(`Application ${id}`);
    await this.intake.lifecycles.withdraw(id, {
      applicantId: applicant.userId,
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
    });
    // The lifecycle has accepted it; its projection into the store follows a moment later.
    return { ...viewOf(application), status: 'withdrawn' };
  }

  /** Newest first: an applicant's own, or the Party's for officers and auditors. */
  async list(caller: Caller, page: { limit: number; before?: Date }): Promise<ApplicationSummary[]> {
    const actor = requirePermission(caller, 'applications.list');
    const everyone = hasPermission(caller.actor, 'applications.read-all');
    return this.applications.list({
      ...(everyone ? {} : { applicantId: actor.userId }),
      ...(page.before ? { before: page.before } : {}),
      limit: page.limit,
    });
  }

  /**
   * The applicant answers a request for more information with amended data, checked like a new
   * submission against the form version the application was filed under.
   */
  async amend(
    caller: Caller,
    id: string,
    data: Record<string, unknown>,
    language: Language = 'en',
  ): Promise<ApplicationView> {
    const applicant = requirePermission(caller, 'applications.submit');
    const application = isApplicationId(id) ? await this.applications.find(id) : undefined;
    if (!application || application.applicantId !== applicant.userId) throw notFound(`Application ${id}`);
    if (!(await this.intake.lifecycles.awaitsAmendment(id))) {
      throw new PangolinError('conflict', 'No more information has been asked for on this application.');
    }
    const version = await this.intake.forms.versionForApplication(
      application.documentType,
      application.formVersionId,
    );
    await this.checkData(applicant.userId, application.documentType, version.schema, data, language);
    // The amended data may change the evidence, fee or steps the filed procedure version asks for.
    const { procedureVersionId: _, ...procedure } = await this.intake.procedures.outcomeForAmendment(
      application.procedureVersionId,
      application.documentType,
      data,
    );
    await this.applications.replaceData(id, data, procedure);
    await this.intake.lifecycles.amend(id, applicant.userId);
    await this.audit.record(caller, {
      action: 'application.amended',
      objectType: 'application',
      objectId: id,
      before: application.data,
      after: data,
    });
    return viewOf({ ...application, data, procedure, status: 'under-review' });
  }

  /** Everything intake checks in the data: storable names, the form, the Convention, evidence ownership. */
  private async checkData(
    applicantId: string,
    documentType: DocumentType,
    schema: Record<string, unknown>,
    data: Record<string, unknown>,
    language: Language,
  ): Promise<void> {
    // Field names the database cannot store ($-prefixed, dotted) are refused before anything else.
    const unstorable = storableDataProblems(data, '/data');
    if (unstorable.length > 0)
      throw invalid('The application has field names that cannot be kept.', unstorable);
    const formProblems = validateFormData(schema, data, {
      language,
      speciesNameKnown: await this.intake.species.nameChecker(),
    });
    // The Convention's checks read fields the form has already vouched for; on a broken form they
    // would only repeat its complaints in other words.
    const problems =
      formProblems.length > 0
        ? formProblems
        : [
            ...(await this.conventionProblems(documentType, data, language)),
            ...(await this.evidenceProblems(applicantId, data)),
          ];
    if (problems.length > 0) {
      throw invalid(
        'The application is not complete or not valid.',
        problems.map((problem) => ({
          path: `/data${problem.path === '/' ? '' : problem.path}`,
          message: problem.message,
        })),
      );
    }
  }

  private async conventionProblems(
    documentType: DocumentType,
    data: Record<string, unknown>,
    language: Language,
  ): Promise<FieldProblem[]> {
    const facts = applicationFactsOf(
      documentType,
      this.party,
      data,
      await this.intake.species.checklistLookup(),
    );
    return validateApplication(facts).map((issue) => ({
      path: formPathOf(issue.path),
      message: issue.message[language],
    }));
  }

  /** Evidence may only point at files the applicant uploaded. */
  private async evidenceProblems(
    applicantId: string,
    data: Record<string, unknown>,
  ): Promise<FieldProblem[]> {
    const evidence = evidenceOf(data);
    if (evidence.length === 0) return [];
    const owned = await this.intake.uploads.ownedFiles(
      applicantId,
      evidence.map((item) => String(item.fileId)),
    );
    return evidence.flatMap((item, index) =>
      owned.has(String(item.fileId))
        ? []
        : [{ path: `/evidence/${index}/fileId`, message: 'is not a file you uploaded' }],
    );
  }
}

const WITH_PERMIT = new Set<ApplicationRecord['status']>([
  'issued',
  'endorsed',
  'used',
  'expired',
  'cancelled',
]);

// Permits issued before applications recorded theirs carry the application's id.
const permitIdOf = (application: ApplicationRecord) =>
  application.permitId ?? (WITH_PERMIT.has(application.status) ? application.id : undefined);

function viewOf(application: ApplicationRecord): ApplicationView {
  const attached = new Set(evidenceOf(application.data).map((item) => item.kind));
  return {
    id: application.id,
    status: application.status,
    documentType: application.documentType,
    formVersionId: application.formVersionId,
    procedureVersionId: application.procedureVersionId,
    procedure: application.procedure,
    missingEvidence: application.procedure.requiredEvidence.filter((kind) => !attached.has(kind)),
    submittedAt: application.submittedAt,
    timeline: application.timeline,
    data: application.data,
    ...(permitIdOf(application) ? { permitId: permitIdOf(application) } : {}),
  };
}

export type { ApplicationProcedure };
