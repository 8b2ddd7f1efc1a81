import type { CountryCode, DocumentType } from '../../domain/codes/types';
import { isDocumentType } from '../../domain/documents';
import { DEFAULT_PROCEDURES } from '../../forms/defaults/procedures';
import {
  checkDefinition,
  conventionGuard,
  evaluateProcedure,
  requirementsOfApplication,
  runTestCases,
  type DefinitionProblem,
  type ProcedureDefinition,
  type ProcedureOutcome,
  type TestCaseResult,
} from '../../forms/procedures';
import type { FormRepository } from '../../store/forms';
import type { ProcedureRepository, ProcedureVersionRecord } from '../../store/procedures';
import { versionIdOf } from '../../store/versioned-documents';
import { invalid, notFound } from '../errors';
import { hasPermission, requirePermission, requireSignedIn, type Caller } from '../identity/permissions';
import type { AuditTrail } from './audit-trail';
import { draftForPublishing, publishedOrConflict } from './four-eyes';
import { installDefaults } from './install-defaults';

export interface ProcedureDraftInput {
  documentType?: DocumentType;
  definition: ProcedureDefinition;
}

export interface ProcedureCheck {
  testCases: TestCaseResult[];
  convention: DefinitionProblem[];
  form: DefinitionProblem[];
  publishable: boolean;
}

/** The outcome stored with an application: which procedure version decided it, and what it decided. */
export type ApplicationProcedure = ProcedureOutcome & { procedureVersionId: string | null };

const PROCEDURE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Where the Party has published no procedure for a document type, the Convention's steps alone apply. */
const CONVENTION_ONLY: ProcedureDefinition = {
  formId: 'none',
  currency: 'XXX',
  defaultDeadlineDays: 10,
  steps: [],
  tables: [],
  testCases: [],
};

/**
 * National procedures without code: designers draft decision tables against a form's fields, try
 * them on the test bench, and a second person publishes them once every test case passes and the
 * Convention guard finds no step skipped.
 */
export class ProcedureService {
  constructor(
    private readonly party: CountryCode,
    private readonly procedures: ProcedureRepository,
    private readonly forms: FormRepository,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(caller: Caller) {
    requireSignedIn(caller);
    const seesDrafts = hasPermission(caller.actor, 'forms.read-drafts');
    return (await this.procedures.list()).map((procedure) => ({
      id: procedure.id,
      documentType: procedure.documentType,
      published:
        procedure.latestVersion > 0
          ? {
              versionId: versionIdOf(procedure.id, procedure.latestVersion),
              version: procedure.latestVersion,
            }
          : null,
      ...(seesDrafts && procedure.draft
        ? { draft: { updatedBy: procedure.draft.updatedBy, updatedAt: procedure.draft.updatedAt } }
        : {}),
    }));
  }

  async get(caller: Caller, id: string) {
    requireSignedIn(caller);
    const procedure = await this.procedures.find(id);
    if (!procedure) throw notFound(`Procedure ${id}`);
    const published = await this.procedures.latestVersion(procedure);
    return {
      id: procedure.id,
      documentType: procedure.documentType,
      published: published ? publishedView(published) : null,
      ...(hasPermission(caller.actor, 'forms.read-drafts') && procedure.draft
        ? { draft: procedure.draft }
        : {}),
    };
  }

  async version(caller: Caller, id: string, version: number) {
    requireSignedIn(caller);
    const found = await this.procedures.findVersion(id, version);
    if (!found) throw notFound(`Version ${version} of procedure ${id}`);
    return publishedView(found);
  }

  async saveDraft(caller: Caller, id: string, input: ProcedureDraftInput) {
    const actor = requirePermission(caller, 'forms.design');
    if (!PROCEDURE_ID.test(id)) {
      throw invalid(
        'A procedure id is 2 to 63 lower-case letters, digits and hyphens, e.g. export-procedure.',
        [{ path: 'path:id', message: 'is not a valid procedure id' }],
      );
    }
    const existing = await this.procedures.find(id);
    const documentType = existing?.documentType ?? input.documentType;
    if (!documentType || !isDocumentType(documentType)) {
      throw invalid('A new procedure needs its document type.', [
        { path: '/documentType', message: 'is required for a new procedure' },
      ]);
    }
    if (existing && input.documentType && input.documentType !== existing.documentType) {
      throw invalid('A procedure keeps its document type.', [
        { path: '/documentType', message: `must be ${existing.documentType}` },
      ]);
    }
    // A rule may read a field the form's pending draft adds: both are published before cases meet it.
    const problems = await this.checkAgainstForm(input.definition, documentType, { includeFormDraft: true });
    if (problems.length > 0)
      throw invalid('The procedure cannot be saved: fix the rules and save again.', problems);
    const draft = { definition: input.definition, updatedBy: actor.userId, updatedAt: this.now() };
    await this.procedures.saveDraft(id, documentType, draft, this.now());
    await this.audit.record(caller, {
      action: existing ? 'procedure.draft-saved' : 'procedure.created',
      objectType: 'procedure',
      objectId: id,
      before: existing?.draft ? { definition: existing.draft.definition } : undefined,
      after: { definition: input.definition },
    });
    return this.get(caller, id);
  }

  /** The rule test bench: what the procedure (the one posted, else the draft, else the published) decides for some data. */
  async evaluate(
    caller: Caller,
    id: string,
    input: { definition?: ProcedureDefinition; data: Record<string, unknown> },
  ): Promise<{ outcome: ProcedureOutcome }> {
    requirePermission(caller, 'forms.test-rules');
    const { definition, documentType } = await this.definitionUnderTest(id, input.definition);
    const problems = await this.checkAgainstForm(definition, documentType, { includeFormDraft: true });
    if (problems.length > 0)
      throw invalid('The procedure cannot be evaluated: fix the rules first.', problems);
    return {
      outcome: evaluateProcedure(
        definition,
        input.data,
        requirementsOfApplication(documentType, this.party, input.data),
      ),
    };
  }

  /** Everything publishing checks, without publishing: form fields, test cases, the Convention guard. */
  async check(
    caller: Caller,
    id: string,
    input: { definition?: ProcedureDefinition },
  ): Promise<ProcedureCheck> {
    requirePermission(caller, 'forms.test-rules');
    const { definition, documentType } = await this.definitionUnderTest(id, input.definition);
    return this.fullCheck(definition, documentType);
  }

  async publish(caller: Caller, id: string) {
    const actor = requirePermission(caller, 'forms.publish');
    const procedure = await draftForPublishing(this.procedures, id, actor.userId, `Procedure ${id}`);
    const result = await this.fullCheck(procedure.draft.definition, procedure.documentType);
    if (!result.publishable) {
      throw invalid('The procedure cannot be published yet.', [
        ...result.form,
        ...result.testCases
          .map((testCase, index) => ({ testCase, index }))
          .filter(({ testCase }) => !testCase.passed)
          .map(({ testCase, index }) => ({
            path: `/definition/testCases/${index}`,
            message: `test case ${testCase.id} fails: ${testCase.differences
              .map(
                (difference) =>
                  `${difference.path} expected ${JSON.stringify(difference.expected)}, got ${JSON.stringify(difference.actual)}`,
              )
              .join('; ')}`,
          })),
        ...result.convention,
      ]);
    }
    const published = publishedOrConflict(await this.procedures.publish(procedure, actor.userId, this.now()));
    await this.audit.record(caller, {
      action: 'procedure.published',
      objectType: 'procedure',
      objectId: id,
      after: { versionId: published.versionId, definition: published.definition },
    });
    return { versionId: published.versionId, version: published.version };
  }

  /**
   * What the Party's published procedure decides for an application at intake, with the version
   * that decided it; without a published procedure, the Convention's steps alone.
   */
  async outcomeForApplication(
    documentType: DocumentType,
    data: Record<string, unknown>,
  ): Promise<ApplicationProcedure> {
    return this.outcomeUnder(await this.currentVersion(documentType), documentType, data);
  }

  /**
   * What the version an application was filed under decides for its data as amended: a case stays
   * under its procedure version to the end, even when a newer one is published meanwhile.
   */
  async outcomeForAmendment(
    procedureVersionId: string | null,
    documentType: DocumentType,
    data: Record<string, unknown>,
  ): Promise<ApplicationProcedure> {
    const match = procedureVersionId
      ? /^([a-z0-9][a-z0-9-]{1,62})@([1-9]\d{0,8})$/.exec(procedureVersionId)
      : null;
    const version = match ? await this.procedures.findVersion(match[1]!, Number(match[2])) : undefined;
    return this.outcomeUnder(version, documentType, data);
  }

  private outcomeUnder(
    version: ProcedureVersionRecord | undefined,
    documentType: DocumentType,
    data: Record<string, unknown>,
  ): ApplicationProcedure {
    const outcome = evaluateProcedure(
      version?.definition ?? CONVENTION_ONLY,
      data,
      requirementsOfApplication(documentType, this.party, data),
    );
    return { procedureVersionId: version?.versionId ?? null, ...outcome };
  }

  private async currentVersion(documentType: DocumentType): Promise<ProcedureVersionRecord | undefined> {
    const procedure = (await this.procedures.list()).find(
      (candidate) => candidate.documentType === documentType && candidate.latestVersion > 0,
    );
    return procedure ? this.procedures.latestVersion(procedure) : undefined;
  }

  private async definitionUnderTest(id: string, posted?: ProcedureDefinition) {
    const procedure = await this.procedures.find(id);
    if (!procedure) throw notFound(`Procedure ${id}`);
    const published = await this.procedures.latestVersion(procedure);
    const definition = posted ?? procedure.draft?.definition ?? published?.definition;
    if (!definition) throw notFound(`A definition of procedure ${id}`);
    return { definition, documentType: procedure.documentType };
  }

  private async fullCheck(
    definition: ProcedureDefinition,
    documentType: DocumentType,
  ): Promise<ProcedureCheck> {
    const form = await this.checkAgainstForm(definition, documentType, { includeFormDraft: false });
    const testCases = runTestCases(definition, documentType, this.party);
    const convention = conventionGuard(definition, documentType, this.party);
    return {
      testCases,
      convention,
      form,
      publishable:
        form.length === 0 && convention.length === 0 && testCases.every((testCase) => testCase.passed),
    };
  }

  /** The definition against the form it is bound to: that form must exist, be for the same document type, and have every field a rule reads. */
  private async checkAgainstForm(
    definition: ProcedureDefinition,
    documentType: DocumentType,
    options: { includeFormDraft: boolean },
  ): Promise<DefinitionProblem[]> {
    const form = await this.forms.find(definition.formId);
    if (!form || form.documentType !== documentType) {
      return [{ path: '/definition/formId', message: `is not a national form for ${documentType}` }];
    }
    const published = await this.forms.latestVersion(form);
    const schemas = [published?.schema, options.includeFormDraft ? form.draft?.schema : undefined].filter(
      (schema): schema is Record<string, unknown> => schema !== undefined,
    );
    if (schemas.length === 0) {
      return [{ path: '/definition/formId', message: 'the form has not been published yet' }];
    }
    return checkDefinition(definition, { allOf: schemas });
  }
}

function publishedView(version: ProcedureVersionRecord) {
  return {
    versionId: version.versionId,
    version: version.version,
    definition: version.definition,
    publishedAt: version.publishedAt,
  };
}

/** The default procedures, published as version 1 on a fresh installation. */
export function installDefaultProcedures(procedures: ProcedureRepository, audit: AuditTrail, now: Date) {
  const shipped = DEFAULT_PROCEDURES.map(({ id, documentType, definition }) => ({
    id,
    documentType,
    content: { definition },
  }));
  return installDefaults(procedures, shipped, 'procedure', audit, now);
}
