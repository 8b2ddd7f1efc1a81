/** The shapes the Pangolin API answers with, as the web app relies on them. */
import type { DocumentType, Language } from '../../../domain/codes/types';
import type { Role } from '../../../domain/roles';

export type { DocumentType, Language } from '../../../domain/codes/types';

export { ROLES as roles, isRole, type Role } from '../../../domain/roles';
export type {
  ManagedUser,
  NewUserInput as NewUser,
  PublicUser as User,
  UserChanges,
} from '../../../domain/accounts';

export interface About {
  party: string;
  demo: boolean;
  version: string;
  temporalUiUrl?: string;
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { userId?: string; email?: string; roles?: Role[] } | null;
  action: string;
  objectType: string;
  objectId: string;
  requestId?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerification {
  intact: boolean;
  checked: number;
  firstProblem?: { seq: number; kind: 'altered' | 'missing'; message: string };
}

export interface Health {
  status: 'ok' | 'degraded';
  party: string;
  temporal: 'ok' | 'down';
  database: 'ok' | 'down';
  version: string;
}

/** Any JSON object: a JSON Schema, a UI schema, form data or a procedure definition. */
export type JsonObject = Record<string, unknown>;

/** French and Spanish (and optionally English) labels keyed by the English title or description. */
export type FormTranslations = Partial<Record<Language, Record<string, string>>>;

/** What a designer edits and a publisher freezes. */
export interface FormContent {
  schema: JsonObject;
  uiSchema: JsonObject;
  translations: FormTranslations;
}

export interface PublishedRef {
  /** `formId@version`, e.g. `export-permit@3`. */
  versionId: string;
  version: number;
}

export interface DraftInfo {
  updatedBy: string;
  updatedAt: string;
}

export interface FormSummary {
  id: string;
  documentType: DocumentType;
  published: PublishedRef | null;
  draft?: DraftInfo;
}

export interface FormVersion extends PublishedRef, FormContent {
  publishedAt: string;
}

export interface FormDetail {
  id: string;
  documentType: DocumentType;
  published: FormVersion | null;
  draft?: FormContent & DraftInfo;
}

export interface FormDraftInput extends FormContent {
  documentType?: DocumentType;
}

/** One difference between two versions; older servers say `change`, the contract says `op`. */
export interface FormChange {
  path: string;
  op?: 'add' | 'remove' | 'replace';
  change?: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export type FormPart = keyof FormContent;

export type FormDiff = Record<FormPart, FormChange[]>;

export type LocalizedText = Partial<Record<Language, string>>;

/** A procedure definition is edited as JSON; only the parts the web app reads are typed. */
export interface ProcedureDefinition extends JsonObject {
  formId?: string;
  currency?: string;
  testCases?: Array<{ id: string; description?: string; data?: JsonObject; expect?: JsonObject }>;
}

export interface ProcedureSummary {
  id: string;
  documentType: DocumentType;
  formId?: string;
  published: PublishedRef | null;
  draft?: DraftInfo;
}

export interface ProcedureDetail {
  id: string;
  documentType: DocumentType;
  formId?: string;
  published: (PublishedRef & { definition: ProcedureDefinition; publishedAt: string }) | null;
  draft?: DraftInfo & { definition: ProcedureDefinition };
}

export interface OutcomeStep {
  id: string;
  title: LocalizedText;
  actor: string;
  deadlineDays: number;
  automatic: boolean;
  conventionArticle?: string;
}

/** What a procedure decides for one application: evidence, fee, routing and steps. */
export interface ProcedureOutcome {
  /** Null when no national procedure was published: the Convention's steps alone applied. */
  procedureVersionId?: string | null;
  requiredEvidence: string[];
  fee: { amount: number; currency: string };
  routing: { office?: string; officerGroup?: string };
  steps: OutcomeStep[];
  autoApprove: boolean;
  matchedRows: Array<{ tableId: string; rowIds: string[] }>;
}

export interface TestCaseResult {
  id: string;
  description?: string;
  passed: boolean;
  expected?: unknown;
  actual?: unknown;
  differences: Array<{ path: string; expected?: unknown; actual?: unknown }>;
}

/** A problem at a JSON pointer (under `/definition` for a procedure). */
export interface PathProblem {
  path: string;
  message: string;
}

export interface ProcedureCheck {
  testCases: TestCaseResult[];
  /** Steps the Convention requires that the procedure would skip, with the case that shows it. */
  convention: Array<{ message: string; case?: string; path?: string }>;
  /** Fields the rules read that the bound form does not have. */
  form?: PathProblem[];
  publishable: boolean;
}

/** A stored evidence file, as the upload answers it. */
export interface UploadedFile {
  fileId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** How form data refers to an uploaded file: never the bytes themselves. */
export interface EvidenceRef extends UploadedFile {
  kind?: string;
}

export interface ApplicationDraft {
  id: string;
  documentType: DocumentType;
  formVersionId?: string;
  updatedAt: string;
  data: JsonObject;
}

export interface ApplicationDraftInput {
  documentType: DocumentType;
  formVersionId?: string;
  data: JsonObject;
}

/** Where an application stands. */
export type ApplicationStatus =
  | 'submitted'
  | 'under-review'
  | 'more-information-requested'
  | 'rejected'
  | 'withdrawn'
  | 'issued'
  | 'endorsed'
  | 'used'
  | 'expired'
  | 'cancelled';

export interface ApplicationSummary {
  id: string;
  /** An {@link ApplicationStatus}; one this app does not know yet shows as it is. */
  status: string;
  documentType: DocumentType;
  formVersionId: string;
  submittedAt: string;
}

/**
 * One thing that happened to an application: `submitted`, `review-started`, `step-approved`,
 * `step-rejected` (the reasons in `note`), `step-made-by-rule`, `step-overdue`, `rejected`,
 * `withdrawn` (the applicant's reason in `note`, if given) or `issued` (the permit number in `note`).
 */
export interface TimelineEntry {
  at: string;
  event: string;
  /** The user who did it; null for what the system did. */
  by: string | null;
  /** The step it concerns, for step events. */
  step?: string;
  note?: string;
}

/** A step of an application waiting for (or given) an officer's decision. */
export interface Task {
  /** `<applicationId>:<stepId>`. */
  id: string;
  /** The step id, e.g. `completeness-check`. */
  type: string;
  applicationId: string;
  documentType: DocumentType;
  title: LocalizedText;
  /** The role that decides it. */
  actor: string;
  status: 'open' | 'done';
  openedAt: string;
  dueAt: string;
  overdue: boolean;
  /** When the step's deadline passed and the task went to a supervisor. */
  escalatedAt?: string;
  /** Who it went to: a user's email or a role. */
  escalatedTo?: string;
}

export interface TaskDecision {
  /** `more-information` only on the completeness check. */
  outcome: 'approve' | 'reject' | 'more-information';
  /** The reasons, required when refusing; what the applicant must supply when asking for more. */
  comment?: string;
}

export interface Application extends ApplicationSummary {
  procedureVersionId?: string | null;
  procedure?: ProcedureOutcome;
  /** Evidence the procedure asks for that is not attached yet. */
  missingEvidence?: string[];
  /** The current permit, once issued: a replacement's id (`<id>-R1`…) after a replacement. */
  permitId?: string;
  timeline: TimelineEntry[];
  data: JsonObject;
}

export interface SubmissionInput {
  documentType: DocumentType;
  data: JsonObject;
  formVersionId?: string;
  draftId?: string;
}

/** The export endorsement customs give at the border: what actually left, per block. */
export interface PermitEndorsement {
  quantities: number[];
  port: string;
  /** YYYY-MM-DD. */
  date: string;
  billOfLading?: string;
  by?: string;
}

/** Boxes 14 and 15 as customs fill them in, with one quantity per block in the permit's order. */
export interface EndorsementInput {
  quantities: number[];
  port: string;
  date: string;
  billOfLading?: string;
}

/** What leaves of one block, named by its letter on the permit (A, B, …). */
export interface EndorsedBlock {
  block: string;
  quantity: number;
}

/** Boxes 14 and 15 per block letter, as the contract has them; a block not named leaves nothing. */
export interface BlockEndorsementInput {
  blocks: EndorsedBlock[];
  port: string;
  /** YYYY-MM-DD. */
  date: string;
  billOfLading?: string;
}

/** Why the Management Authority replaces a valid permit. */
export type ReplacementReason = 'lost' | 'stolen' | 'destroyed' | 'other';

export interface ReplacementInput {
  reason: ReplacementReason;
  /** Required for `other`; at most 500 characters. */
  explanation?: string;
}

/** An issued permit; the first one's id is the application's, a replacement's `<id>-R<n>`. */
export interface Permit {
  id: string;
  number: string;
  status: 'valid' | 'endorsed' | 'used' | 'expired' | 'cancelled' | 'replaced';
  applicationId?: string;
  documentType: DocumentType;
  validFrom: string;
  validUntil: string;
  /** One per block of the application, in order. */
  authorisedQuantities: number[];
  endorsement?: PermitEndorsement;
  importConfirmation?: { quantities: number[]; by?: string };
  cancellation?: { reason: string; by?: string };
  nonDetrimentFindingIds?: string[];
  /** Box 5 of a replacement: the permit it replaces and why. */
  replaces?: { permitId: string; number: string; reason: ReplacementReason; explanation?: string };
  /** On a replaced permit: the one that replaced it. */
  replacedBy?: { permitId: string; number: string };
  /** The public page its QR code opens, for the holder to share; only signed permits have one. */
  verificationUrl?: string;
  /** Signed at issuance: its PDF and signed JWS can be had. Permits issued before signing are not. */
  signed?: boolean;
}

/** Where an issued permit stands today, as a permit check tells it. */
export type PermitStatus = Permit['status'];

/** One block of a checked permit, as the inspector compares it with the consignment. */
export interface VerifiedBlock {
  /** The block's letter on the permit: A, B, … */
  block: string;
  scientificName: string;
  commonName?: string;
  appendix: string;
  source: string;
  purpose: string;
  /** The term code (Box 9), e.g. LIV. */
  term: string;
  description?: string;
  /** What the permit authorises, in `unit` (null: a number of specimens). */
  quantity: number;
  unit: string | null;
  /** What customs endorsed leaving, once endorsed. */
  endorsedQuantity?: number;
}

/** The answer of `GET /api/verify/:token`: authentic or not, where the permit stands, what it covers. */
export interface PermitVerification {
  /** Whether the signature checks out against the issuing Party's published keys. */
  authentic: boolean;
  status: PermitStatus;
  number: string;
  documentType: DocumentType;
  /** ISO 3166-1 alpha-2 code of the issuing Party. */
  issuingParty: string;
  managementAuthority: string;
  validFrom?: string;
  validUntil: string;
  issuedOn: string;
  /** On a replaced permit: the replacement's number. */
  replacedBy?: string;
  /** On a replacement: the number it replaces. */
  replaces?: string;
  exporter?: { name: string; country: string };
  importer?: { name: string; country: string };
  blocks: VerifiedBlock[];
  endorsement?: { port: string; date: string };
  signature: { keyId?: string; algorithm: string };
  /** Only for the Party's own officers: what an endorsement is sent to. */
  permitId?: string;
}

/** A Party in the exchange directory: whose signed messages are trusted, and where to send them. */
export interface PeerParty {
  /** ISO 3166-1 alpha-2 code of the Party. */
  party: string;
  baseUrl: string;
  /** Where its public keys are published; absent when they were pinned instead. */
  jwksUrl?: string;
  /** How many keys were pinned, agreed out of band. */
  pinnedKeys?: number;
  /** A removed peer's messages are refused and nothing more is sent to it. */
  status: 'active' | 'removed';
  updatedBy: string;
  updatedAt: string;
}

/** A peer as the administrator adds or changes it; listing a removed peer again trusts it again. */
export interface PeerInput {
  party: string;
  baseUrl: string;
  jwksUrl?: string;
}

/** One block of a permit another Party issued: what it lets cross. */
export interface IncomingBlock {
  scientificName: string;
  quantity: number;
  unit?: string;
}

/** What was counted of each block, named by its letter, on a date. */
export interface CountedBlocks {
  blocks: EndorsedBlock[];
  /** YYYY-MM-DD. */
  date: string;
}

/** A permit another Party issued for a consignment coming here, as its signed message brought it. */
export interface IncomingPermit {
  /** `<issuing Party>:<permit number>`. */
  id: string;
  number: string;
  /** The issuing Party. */
  fromParty: string;
  documentType: DocumentType;
  status: 'valid' | 'used' | 'cancelled' | 'expired' | 'replaced';
  validUntil: string;
  exporterCountry: string;
  importerCountry: string;
  /** In the permit's order: the first is block A. */
  blocks: IncomingBlock[];
  /** When its signature was checked against the issuing Party's keys. */
  verifiedAt: string;
  /** What the issuing Party's customs endorsed as having left, per block. */
  exportEndorsement?: CountedBlocks & { port: string };
  /** What customs here confirmed arrived. */
  importConfirmation?: CountedBlocks & { by: string };
  cancellation?: { reason: string };
  /** The number of the permit that replaced it. */
  replacedBy?: string;
}

/** How many applications a dashboard bar counts: a week (`2026-W48`) or a month (`2026-11`). */
export type DashboardInterval = 'week' | 'month';

/** Applications submitted in each period, counted by the status they have now. */
export interface ApplicationsByStatus {
  interval: DashboardInterval;
  series: Array<{ period: string; counts: Partial<Record<string, number>> }>;
}

/** How long officers took over one step, from its task opening to their decision. */
export interface ProcessingTime {
  step: string;
  title: LocalizedText;
  decided: number;
  medianDays: number;
  p90Days: number;
}

/** The permits issued in a year, per species and per partner country. */
export interface PermitsIssued {
  bySpecies: Array<{ scientificName: string; permits: number; quantity: number }>;
  /** ISO 3166-1 alpha-2 code of the other country of the trade. */
  byPartner: Array<{ country: string; permits: number }>;
}

/** How close a quota is to being used up: a warning from 80%, used up at 100%. */
export type QuotaWarning = 'none' | 'nearly-used' | 'used-up';

/** An export quota of the year with what issued permits took of it (less what came back unused). */
export interface QuotaUse {
  id: string;
  scientificName: string;
  year: number;
  terms: string[];
  sources: string[];
  purposes: string[];
  /** Absent: specimens. */
  unit?: string;
  /** Null while the quota is in preparation. */
  quantity: number | null;
  used: number;
  left: number | null;
  warning: QuotaWarning;
}

/** The Scientific Authority's watch on a quota (Art. IV.3): what permits reserved and what actually left. */
export interface QuotaMonitoring {
  quotaId: string;
  scientificName: string;
  quota: number | null;
  unit?: string;
  reserved: number;
  /** The quantities customs endorsed as exported. */
  exported: number;
  warning: QuotaWarning;
}
