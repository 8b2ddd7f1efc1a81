import { randomBytes } from 'node:crypto';
import { isDocumentType } from '../../domain/documents';
import type { DocumentType } from '../../domain/codes/types';
import type {
  ApplicationDraftContent,
  ApplicationDraftRecord,
  ApplicationDraftRepository,
} from '../../store/application-drafts';
import { invalid, notFound, PangolinError } from '../errors';
import { requirePermission, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';
import { storableDataProblems } from './storable-data';

/** The largest draft kept, serialized: far more than any form needs, small enough to list quickly. */
export const MAX_DRAFT_BYTES = 512 * 1024;

export type ApplicationDraftInput = ApplicationDraftContent;

export interface ApplicationDraftView {
  id: string;
  documentType: DocumentType;
  formVersionId?: string;
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

// 96 random bits, like evidence files: a draft id does not tell anyone where another draft is.
const DRAFT_ID = /^[0-9a-f]{24}$/;

/**
 * Applications an applicant has started but not submitted. They are private to their owner
 * (officers see applications, not drafts), checked only for shape and size since an unfinished
 * form is expected to be invalid, and audited by id without their content.
 */
export class ApplicationDraftService {
  constructor(
    private readonly drafts: ApplicationDraftRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller): Promise<ApplicationDraftView[]> {
    const owner = requirePermission(caller, 'applications.submit');
    return (await this.drafts.listOwned(owner.userId)).map(viewOf);
  }

  async get(caller: Caller, id: string): Promise<ApplicationDraftView> {
    const owner = requirePermission(caller, 'applications.submit');
    return viewOf(await this.ownedOrNotFound(owner.userId, id));
  }

  async create(caller: Caller, input: ApplicationDraftInput): Promise<ApplicationDraftView> {
    const owner = requirePermission(caller, 'applications.submit');
    const content = checkedContent(input);
    const now = this.now();
    const draft: ApplicationDraftRecord = {
      id: randomBytes(12).toString('hex'),
      ownerId: owner.userId,
      ...content,
      createdAt: now,
      updatedAt: now,
    };
    await this.drafts.create(draft);
    await this.audit.record(caller, {
      action: 'application-draft.saved',
      objectType: 'application-draft',
      objectId: draft.id,
      after: auditSummary(draft),
    });
    return viewOf(draft);
  }

  async update(caller: Caller, id: string, input: ApplicationDraftInput): Promise<ApplicationDraftView> {
    const owner = requirePermission(caller, 'applications.submit');
    const content = checkedContent(input);
    const saved = DRAFT_ID.test(id)
      ? await this.drafts.replaceOwned(owner.userId, id, content, this.now())
      : undefined;
    if (!saved) throw notFound(`Application draft ${id}`);
    await this.audit.record(caller, {
      action: 'application-draft.saved',
      objectType: 'application-draft',
      objectId: saved.id,
      after: auditSummary(saved),
    });
    return viewOf(saved);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const owner = requirePermission(caller, 'applications.submit');
    if (!(await this.remove(owner.userId, id, caller))) throw notFound(`Application draft ${id}`);
  }

  /**
   * For application intake, after its own permission check: the draft an application is
   * submitted from, if it is the applicant's. It stays until `remove` after a successful submission.
   */
  async takeForSubmission(ownerId: string, draftId: string): Promise<ApplicationDraftRecord | undefined> {
    return DRAFT_ID.test(draftId) ? this.drafts.findOwned(ownerId, draftId) : undefined;
  }

  /**
   * Removes the owner's draft (once it has become an application, or on request) and audits it,
   * in the caller's name when there is one. Whether there was such a draft.
   */
  async remove(ownerId: string, draftId: string, caller?: Caller): Promise<boolean> {
    if (!DRAFT_ID.test(draftId) || !(await this.drafts.deleteOwned(ownerId, draftId))) return false;
    await this.audit.record(caller ?? 'system', {
      action: 'application-draft.deleted',
      objectType: 'application-draft',
      objectId: draftId,
      before: { ownerId },
    });
    return true;
  }

  private async ownedOrNotFound(ownerId: string, id: string): Promise<ApplicationDraftRecord> {
    const draft = DRAFT_ID.test(id) ? await this.drafts.findOwned(ownerId, id) : undefined;
    // The same answer whether it does not exist or is someone else's: draft ids are not to be probed.
    if (!draft) throw notFound(`Application draft ${id}`);
    return draft;
  }
}

/** Drafts are unfinished by nature: only their shape and size are checked, never the form's rules. */
function checkedContent(input: ApplicationDraftInput): ApplicationDraftContent {
  if (!isDocumentType(input.documentType)) {
    throw invalid('A draft is for one of the CITES document types.', [
      { path: '/documentType', message: 'is not a document type' },
    ]);
  }
  if (typeof input.data !== 'object' || input.data === null || Array.isArray(input.data)) {
    throw invalid('The draft data is the form data: an object.', [
      { path: '/data', message: 'must be an object' },
    ]);
  }
  if (input.formVersionId !== undefined && typeof input.formVersionId !== 'string') {
    throw invalid('The form version is named by its id.', [
      { path: '/formVersionId', message: 'must be text' },
    ]);
  }
  const content: ApplicationDraftContent = {
    documentType: input.documentType,
    ...(input.formVersionId !== undefined ? { formVersionId: input.formVersionId } : {}),
    data: input.data,
  };
  const size = Buffer.byteLength(JSON.stringify(content));
  if (size > MAX_DRAFT_BYTES) {
    throw new PangolinError(
      'too-large',
      `A draft may be at most ${MAX_DRAFT_BYTES / 1024} KiB; this one is ${Math.ceil(size / 1024)} KiB.`,
    );
  }
  const unstorable = storableDataProblems(content.data, '/data');
  if (unstorable.length > 0) {
    throw invalid('Some field names of the draft cannot be stored.', unstorable.slice(0, 20));
  }
  return content;
}

// Form data holds personal details and may be large: the audit trail keeps what identifies the draft.
function auditSummary(draft: ApplicationDraftRecord) {
  return {
    ownerId: draft.ownerId,
    documentType: draft.documentType,
    formVersionId: draft.formVersionId ?? null,
    updatedAt: draft.updatedAt,
  };
}

function viewOf(draft: ApplicationDraftRecord): ApplicationDraftView {
  return {
    id: draft.id,
    documentType: draft.documentType,
    ...(draft.formVersionId !== undefined ? { formVersionId: draft.formVersionId } : {}),
    data: draft.data,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
  };
}
