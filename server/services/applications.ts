import { randomBytes } from 'node:crypto';
import type { DocumentType, Language } from '../../domain/codes/types';
import { validateFormData } from '../../forms/schema-kit';
import type { ApplicationRecord, ApplicationRepository } from '../../store/applications';
import { invalid, notFound } from '../errors';
import { hasPermission, requirePermission, requireSignedIn, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';
import type { FormService } from './forms';
import type { SpeciesService } from './species';

export interface SubmissionInput {
  documentType: DocumentType;
  data: Record<string, unknown>;
  formVersionId?: string;
}

export interface ApplicationView {
  id: string;
  status: ApplicationRecord['status'];
  documentType: DocumentType;
  formVersionId: string;
  submittedAt: Date;
  timeline: ApplicationRecord['timeline'];
  data: Record<string, unknown>;
}

/**
 * Application intake: the data is validated against the form version it is filed under (the
 * server's answer is the one that counts), stored with that version, and audited.
 */
export class ApplicationService {
  constructor(
    private readonly party: string,
    private readonly applications: ApplicationRepository,
    private readonly forms: FormService,
    private readonly species: SpeciesService,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(caller: Caller, input: SubmissionInput, language: Language = 'en'): Promise<ApplicationView> {
    const applicant = requirePermission(caller, 'applications.submit');
    const version = await this.forms.versionForApplication(input.documentType, input.formVersionId);
    const problems = validateFormData(version.schema, input.data, {
      language,
      speciesNameKnown: await this.species.nameChecker(),
    });
    if (problems.length > 0) {
      throw invalid(
        'The application is not complete or not valid.',
        problems.map((problem) => ({
          path: `/data${problem.path === '/' ? '' : problem.path}`,
          message: problem.message,
        })),
      );
    }
    const now = this.now();
    const application: ApplicationRecord = {
      id: `${this.party}-${now.getUTCFullYear()}-${randomBytes(6).toString('hex').toUpperCase()}`,
      party: this.party,
      applicantId: applicant.userId,
      documentType: input.documentType,
      formId: version.ownerId,
      formVersionId: version.versionId,
      data: input.data,
      status: 'submitted',
      timeline: [{ at: now, event: 'submitted', by: applicant.userId }],
      submittedAt: now,
    };
    await this.applications.create(application);
    await this.audit.record(caller, {
      action: 'application.submitted',
      objectType: 'application',
      objectId: application.id,
      after: application,
    });
    return viewOf(application);
  }

  /** Applicants see their own applications only; officers and auditors see the Party's. */
  async get(caller: Caller, id: string): Promise<ApplicationView> {
    const actor = requireSignedIn(caller);
    const application = /^[A-Z]{2}-\d{4}-[0-9A-F]{12}$/.test(id)
      ? await this.applications.find(id)
      : undefined;
    const visible =
      application !== undefined &&
      (application.applicantId === actor.userId || hasPermission(caller.actor, 'applications.read-all'));
    // The same answer whether it does not exist or is someone else's: ids are not to be probed.
    if (!visible) throw notFound(`Application ${id}`);
    return viewOf(application);
  }
}

function viewOf(application: ApplicationRecord): ApplicationView {
  return {
    id: application.id,
    status: application.status,
    documentType: application.documentType,
    formVersionId: application.formVersionId,
    submittedAt: application.submittedAt,
    timeline: application.timeline,
    data: application.data,
  };
}
