import { isDocumentType } from '../../domain/documents';
import type { DocumentType } from '../../domain/codes/types';
import { DEFAULT_FORMS } from '../../forms/defaults';
import { diffJson, type FormChange } from '../../forms/diff';
import { checkFormSchema } from '../../forms/schema-kit';
import {
  formVersionId,
  type FormContent,
  type FormRepository,
  type FormVersionRecord,
} from '../../store/forms';
import { invalid, notFound } from '../errors';
import { hasPermission, requirePermission, requireSignedIn, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';
import { draftForPublishing, publishedOrConflict } from './four-eyes';
import { installDefaults } from './install-defaults';
import { storableDataProblems } from './storable-data';

export interface DraftInput extends FormContent {
  documentType?: DocumentType;
}

export interface PublishedSummary {
  versionId: string;
  version: number;
}

export interface FormView {
  id: string;
  documentType: DocumentType;
  published: (PublishedSummary & FormContent & { publishedAt: Date }) | null;
  draft?: FormContent & { updatedBy: string; updatedAt: Date };
}

const FORM_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * National forms without code: designers edit a draft, a second person publishes it as an
 * immutable numbered version (four eyes), and every change is audited.
 */
export class FormService {
  constructor(
    private readonly forms: FormRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller): Promise<
    Array<
      Omit<FormView, 'published' | 'draft'> & {
        published: PublishedSummary | null;
        draft?: { updatedBy: string; updatedAt: Date };
      }
    >
  > {
    requireSignedIn(caller);
    const seesDrafts = hasPermission(caller.actor, 'forms.read-drafts');
    return (await this.forms.list()).map((form) => ({
      id: form.id,
      documentType: form.documentType,
      published:
        form.latestVersion > 0
          ? { versionId: formVersionId(form.id, form.latestVersion), version: form.latestVersion }
          : null,
      ...(seesDrafts && form.draft
        ? { draft: { updatedBy: form.draft.updatedBy, updatedAt: form.draft.updatedAt } }
        : {}),
    }));
  }

  async get(caller: Caller, formId: string): Promise<FormView> {
    requireSignedIn(caller);
    const form = await this.forms.find(formId);
    if (!form) throw notFound(`Form ${formId}`);
    const published = await this.forms.latestVersion(form);
    return {
      id: form.id,
      documentType: form.documentType,
      published: published ? publishedView(published) : null,
      ...(hasPermission(caller.actor, 'forms.read-drafts') && form.draft ? { draft: form.draft } : {}),
    };
  }

  /** A published version by number; applications filed under it keep rendering with it. */
  async version(
    caller: Caller,
    formId: string,
    version: number,
  ): Promise<PublishedSummary & FormContent & { publishedAt: Date }> {
    requireSignedIn(caller);
    const found = await this.forms.findVersion(formId, version);
    if (!found) throw notFound(`Version ${version} of form ${formId}`);
    return publishedView(found);
  }

  /** What changed between two published versions, per part of the form. */
  async diff(
    caller: Caller,
    formId: string,
    from: number,
    to: number,
  ): Promise<Record<keyof FormContent, FormChange[]>> {
    requirePermission(caller, 'forms.read-drafts');
    const [older, newer] = await Promise.all([
      this.forms.findVersion(formId, from),
      this.forms.findVersion(formId, to),
    ]);
    if (!older || !newer) throw notFound(`Version ${!older ? from : to} of form ${formId}`);
    return {
      schema: diffJson(older.schema, newer.schema),
      uiSchema: diffJson(older.uiSchema, newer.uiSchema),
      translations: diffJson(older.translations, newer.translations),
    };
  }

  /** Publishes an earlier version again as the next one, e.g. to undo a change quickly. */
  async republish(caller: Caller, formId: string, version: number): Promise<PublishedSummary> {
    const actor = requirePermission(caller, 'forms.publish');
    const form = await this.forms.find(formId);
    const earlier = form ? await this.forms.findVersion(formId, version) : undefined;
    if (!form || !earlier) throw notFound(`Version ${version} of form ${formId}`);
    const published = publishedOrConflict(
      await this.forms.republish(form, earlier, actor.userId, this.now()),
    );
    await this.audit.record(caller, {
      action: 'form.republished',
      objectType: 'form',
      objectId: formId,
      after: { versionId: published.versionId, from: earlier.versionId },
    });
    return { versionId: published.versionId, version: published.version };
  }

  /**
   * The form version an application is filed under: the one it names, or the current version of
   * the Party's form for its document type.
   */
  async versionForApplication(
    documentType: DocumentType,
    formVersionId?: string,
  ): Promise<FormVersionRecord> {
    if (formVersionId) {
      const match = /^([a-z0-9][a-z0-9-]{1,62})@([1-9]\d{0,8})$/.exec(formVersionId);
      const version = match ? await this.forms.findVersion(match[1]!, Number(match[2])) : undefined;
      if (!version)
        throw invalid('There is no such form version.', [
          { path: '/formVersionId', message: 'is not a published form version' },
        ]);
      const form = await this.forms.find(version.ownerId);
      if (form?.documentType !== documentType) {
        throw invalid('The form version is for another document type.', [
          { path: '/formVersionId', message: `is not a form for ${documentType}` },
        ]);
      }
      return version;
    }
    const form = (await this.forms.list()).find(
      (candidate) => candidate.documentType === documentType && candidate.latestVersion > 0,
    );
    const version = form ? await this.forms.latestVersion(form) : undefined;
    if (!version)
      throw invalid(`There is no published form for ${documentType} yet.`, [
        { path: '/documentType', message: 'has no published form' },
      ]);
    return version;
  }

  async saveDraft(caller: Caller, formId: string, input: DraftInput): Promise<FormView> {
    const actor = requirePermission(caller, 'forms.design');
    if (!FORM_ID.test(formId)) {
      throw invalid('A form id is 2 to 63 lower-case letters, digits and hyphens, e.g. export-permit.', [
        { path: 'path:formId', message: 'is not a valid form id' },
      ]);
    }
    const problems = checkFormSchema(input.schema);
    if (problems.length > 0) {
      throw invalid(
        'The schema cannot be used: fix it and save again.',
        problems.map((problem) => ({
          path: `/schema${problem.path === '/' ? '' : problem.path}`,
          message: problem.message,
        })),
      );
    }
    // The content is stored as it is: field names the database cannot keep would fail only there.
    const unstorable = [
      ...storableDataProblems(input.schema, '/schema'),
      ...storableDataProblems(input.uiSchema, '/uiSchema'),
      ...storableDataProblems(input.translations, '/translations'),
    ];
    if (unstorable.length > 0) throw invalid('The form has field names that cannot be kept.', unstorable);
    const existing = await this.forms.find(formId);
    const documentType = existing?.documentType ?? input.documentType;
    if (!documentType || !isDocumentType(documentType)) {
      throw invalid('A new form needs its document type.', [
        { path: '/documentType', message: 'is required for a new form' },
      ]);
    }
    if (existing && input.documentType && input.documentType !== existing.documentType) {
      throw invalid('A form keeps its document type.', [
        { path: '/documentType', message: `must be ${existing.documentType}` },
      ]);
    }
    const draft = {
      schema: input.schema,
      uiSchema: input.uiSchema,
      translations: input.translations,
      updatedBy: actor.userId,
      updatedAt: this.now(),
    };
    const saved = await this.forms.saveDraft(formId, documentType, draft, this.now());
    await this.audit.record(caller, {
      action: existing ? 'form.draft-saved' : 'form.created',
      objectType: 'form',
      objectId: formId,
      before: existing?.draft ? contentOf(existing.draft) : undefined,
      after: contentOf(draft),
    });
    return this.get(caller, saved.id);
  }

  async publish(caller: Caller, formId: string): Promise<PublishedSummary> {
    const actor = requirePermission(caller, 'forms.publish');
    const form = await draftForPublishing(this.forms, formId, actor.userId, `Form ${formId}`);
    const published = publishedOrConflict(await this.forms.publish(form, actor.userId, this.now()));
    await this.audit.record(caller, {
      action: 'form.published',
      objectType: 'form',
      objectId: formId,
      after: { versionId: published.versionId, ...contentOf(published) },
    });
    return { versionId: published.versionId, version: published.version };
  }
}

function contentOf(content: FormContent): FormContent {
  return { schema: content.schema, uiSchema: content.uiSchema, translations: content.translations };
}

function publishedView(version: FormVersionRecord) {
  return {
    versionId: version.versionId,
    version: version.version,
    ...contentOf(version),
    publishedAt: version.publishedAt,
  };
}

/** The default national forms, published as version 1 on a fresh installation. */
export function installDefaultForms(forms: FormRepository, audit: AuditTrail, now: Date) {
  return installDefaults(forms, DEFAULT_FORMS, 'form', audit, now);
}
