import type {
  Appendix,
  CountryCode,
  DocumentType,
  LocalizedText,
  PurposeCode,
  SourceCode,
} from '../codes/types';
import { OBSTACLE_FIELD, OBSTACLE_MESSAGES, type ObstacleCode, type ObstacleField } from './obstacles';
import { REQUIREMENT_AUTHORITY, type RequirementAuthority, type RequirementCode } from './requirement-codes';

/** Where a re-exported specimen came from (Boxes 12 and 12a of the standard form). */
export interface ReExportDetails {
  readonly originPermitNumber?: string | null;
  readonly countryOfLastReExport?: CountryCode | null;
  readonly lastReExportCertificateNumber?: string | null;
}

/** The facts about one trade that decide what the Convention requires for it. */
export interface TradeFacts {
  readonly documentType: DocumentType;
  /** The Appendix the species (or its population) is listed in. */
  readonly appendix: Appendix;
  readonly source: SourceCode;
  readonly purpose: PurposeCode;
  readonly exportingCountry: CountryCode;
  /** The State of import; for an introduction from the sea, the State of introduction. */
  readonly importingCountry: CountryCode;
  /** Only for specimens that did not originate in the exporting State (re-exports). */
  readonly countryOfOrigin?: CountryCode | null;
  /**
   * Appendix III only: whether the exporting State is one that listed the species. Left undefined, the
   * choice between export permit and certificate of origin cannot be made and is reported as an obstacle.
   */
  readonly exporterIsListingState?: boolean;
  /** Whether the specimens travel alive; undefined counts as not alive. */
  readonly live?: boolean;
  /** Present when the shipment is a re-export, also as seen from the importing State. */
  readonly reExport?: ReExportDetails;
}

/** One finding, precondition or border check, with the provision it comes from and who acts on it. */
export interface ConventionRequirement {
  readonly code: RequirementCode;
  /** The provision, e.g. `Art. III.2(d)`; a Resolution where the Convention itself is silent. */
  readonly article: string;
  readonly authority: RequirementAuthority;
  /**
   * The State whose authority acts: the exporting State, or the importing State for imports,
   * introductions from the sea and border checks.
   */
  readonly state: CountryCode;
}

/** Why the requested document cannot be issued for this trade; no finding can clear it. */
export interface ConventionObstacle {
  readonly code: ObstacleCode;
  readonly article: string;
  readonly field: ObstacleField;
  readonly message: LocalizedText;
}

/** The Article VII exemption the trade falls under, if any. */
export type ConventionExemption = 'Art. VII.2' | 'Art. VII.4' | 'Art. VII.5' | 'Art. VII.7';

/** Everything the Convention requires for a trade, and anything that rules the requested document out. */
export interface ConventionAssessment {
  /** The Appendix whose Article applies: Appendix-I specimens of source D count as Appendix II (Art. VII.4). */
  readonly treatedAsAppendix: Appendix;
  readonly exemption: ConventionExemption | null;
  /**
   * Whether the Convention itself calls for the requested document. False for import permits under
   * Appendices II and III and for introductions from the sea under Appendix III, which only stricter
   * domestic measures (Art. XIV.1) can require, and for a document an obstacle rules out.
   */
  readonly documentRequiredByConvention: boolean;
  /** In the order of the Convention's paragraphs; empty when an obstacle rules the document out. */
  readonly requirements: readonly ConventionRequirement[];
  readonly obstacles: readonly ConventionObstacle[];
}

type Draft = {
  requirements: ConventionRequirement[];
  obstacles: ConventionObstacle[];
  documentRequiredByConvention: boolean;
};

/**
 * Specimens the travelling-exhibition waiver may cover: Art. VII.7(b) points to paragraphs 2 (O) and 5
 * (C, A, and D, which are bred in captivity too).
 */
const EXHIBITION_SOURCES: readonly SourceCode[] = ['O', 'C', 'D', 'A'];

/**
 * What the Convention requires before the requested document may be issued for this trade: the findings
 * of the Scientific and Management Authorities (Arts. III–V), the import-permit-first rule for Appendix I,
 * the border presentations on import, and the Article VII exemptions, each with its article. Pure: the
 * same facts always give the same answer.
 */
export function conventionRequirements(facts: TradeFacts): ConventionAssessment {
  const treatedAsAppendix: Appendix = facts.appendix === 'I' && facts.source === 'D' ? 'II' : facts.appendix;
  const draft: Draft = { requirements: [], obstacles: [], documentRequiredByConvention: true };
  const ctx = new Context(facts, treatedAsAppendix, draft);

  switch (facts.documentType) {
    case 'export':
      exportPermit(ctx);
      break;
    case 're-export':
      reExportCertificate(ctx);
      break;
    case 'import':
      importPermit(ctx);
      break;
    case 'certificate-of-origin':
      certificateOfOrigin(ctx);
      break;
    case 'introduction-from-the-sea':
      introductionFromTheSea(ctx);
      break;
    case 'pre-convention':
      preConventionCertificate(ctx);
      break;
    case 'captive-breeding':
    case 'artificial-propagation':
      captiveProductionCertificate(ctx);
      break;
    case 'travelling-exhibition':
      travellingExhibitionCertificate(ctx);
      break;
    case 'ownership':
      ownershipCertificate(ctx);
      break;
  }

  const ruledOut = draft.obstacles.some((o) => OBSTACLE_FIELD[o.code] === 'documentType');
  return {
    treatedAsAppendix,
    exemption: exemptionOf(facts, treatedAsAppendix),
    documentRequiredByConvention: draft.documentRequiredByConvention && !ruledOut,
    requirements: ruledOut ? [] : draft.requirements,
    obstacles: draft.obstacles,
  };
}

/** The requirement codes alone, in order: what a workflow turns into steps. */
export function requirementCodes(assessment: ConventionAssessment): RequirementCode[] {
  return assessment.requirements.map((r) => r.code);
}

function exemptionOf(facts: TradeFacts, treatedAsAppendix: Appendix): ConventionExemption | null {
  switch (facts.documentType) {
    case 'pre-convention':
      return 'Art. VII.2';
    case 'captive-breeding':
    case 'artificial-propagation':
      return 'Art. VII.5';
    case 'travelling-exhibition':
      return 'Art. VII.7';
    default:
      return treatedAsAppendix !== facts.appendix ? 'Art. VII.4' : null;
  }
}

class Context {
  constructor(
    readonly facts: TradeFacts,
    readonly appendix: Appendix,
    private readonly draft: Draft,
  ) {}

  get live(): boolean {
    return this.facts.live === true;
  }

  /** The State whose authorities issue the requested document. */
  get issuingState(): CountryCode {
    const { documentType } = this.facts;
    return documentType === 'import' || documentType === 'introduction-from-the-sea'
      ? this.facts.importingCountry
      : this.facts.exportingCountry;
  }

  /** Whether the consignment leaves a State other than the one where the specimen originated. */
  get isReExportShipment(): boolean {
    const { reExport, countryOfOrigin, exportingCountry } = this.facts;
    return reExport !== undefined || (!!countryOfOrigin && countryOfOrigin !== exportingCountry);
  }

  require(code: RequirementCode, article: string): void {
    const state = REQUIREMENT_AUTHORITY[code] === 'border' ? this.facts.importingCountry : this.issuingState;
    this.draft.requirements.push({ code, article, authority: REQUIREMENT_AUTHORITY[code], state });
  }

  requireIfLive(code: RequirementCode, article: string): void {
    if (this.live) this.require(code, article);
  }

  block(code: ObstacleCode, article: string): void {
    this.draft.obstacles.push({
      code,
      article,
      field: OBSTACLE_FIELD[code],
      message: OBSTACLE_MESSAGES[code],
    });
  }

  notRequiredByConvention(): void {
    this.draft.documentRequiredByConvention = false;
  }

  /** An Appendix-I import permit is refused for primarily commercial purposes, so every such trade is. */
  refuseCommercialAppendixI(article: string): void {
    if (this.appendix === 'I' && this.facts.purpose === 'T')
      this.block('appendix-i-primarily-commercial', article);
  }
}

function exportPermit(ctx: Context): void {
  ctx.refuseCommercialAppendixI('Art. III.3(c)');
  switch (ctx.appendix) {
    case 'I':
      ctx.require('sa-non-detriment', 'Art. III.2(a)');
      ctx.require('ma-legal-acquisition', 'Art. III.2(b)');
      ctx.requireIfLive('ma-live-shipment-conditions', 'Art. III.2(c)');
      ctx.require('ma-import-permit-granted', 'Art. III.2(d)');
      return;
    case 'II':
      if (ctx.appendix !== ctx.facts.appendix) ctx.require('ma-commercial-captive-production', 'Art. VII.4');
      ctx.require('sa-non-detriment', 'Art. IV.2(a)');
      ctx.require('ma-legal-acquisition', 'Art. IV.2(b)');
      ctx.requireIfLive('ma-live-shipment-conditions', 'Art. IV.2(c)');
      ctx.require('sa-export-monitoring', 'Art. IV.3');
      return;
    case 'III':
      if (ctx.facts.exporterIsListingState === undefined) {
        ctx.block('listing-state-unknown', 'Art. V.2, V.3');
      } else if (!ctx.facts.exporterIsListingState) {
        ctx.block('appendix-iii-non-listing-state-needs-certificate-of-origin', 'Art. V.3');
      }
      ctx.require('ma-legal-acquisition', 'Art. V.2(a)');
      ctx.requireIfLive('ma-live-shipment-conditions', 'Art. V.2(b)');
      return;
  }
}

function reExportCertificate(ctx: Context): void {
  ctx.refuseCommercialAppendixI('Art. III.3(c)');
  switch (ctx.appendix) {
    case 'I':
      ctx.require('ma-imported-in-accordance', 'Art. III.4(a)');
      ctx.requireIfLive('ma-live-shipment-conditions', 'Art. III.4(b)');
      ctx.requireIfLive('ma-import-permit-granted', 'Art. III.4(c)');
      return;
    case 'II':
      ctx.require('ma-imported-in-accordance', 'Art. IV.5(a)');
      ctx.requireIfLive('ma-live-shipment-conditions', 'Art. IV.5(b)');
      return;
    case 'III':
      ctx.require('ma-re-export-certified', 'Art. V.4');
      return;
  }
}

function importPermit(ctx: Context): void {
  ctx.refuseCommercialAppendixI('Art. III.3(c)');
  const shipmentDocument = ctx.isReExportShipment
    ? 're-export-certificate-presented'
    : 'export-permit-presented';
  switch (ctx.appendix) {
    case 'I':
      ctx.require('sa-import-not-detrimental', 'Art. III.3(a)');
      ctx.requireIfLive('sa-recipient-suitably-equipped', 'Art. III.3(b)');
      ctx.require('ma-not-primarily-commercial', 'Art. III.3(c)');
      ctx.require(shipmentDocument, 'Art. III.3');
      return;
    case 'II':
      ctx.notRequiredByConvention();
      ctx.require(shipmentDocument, 'Art. IV.4');
      return;
    case 'III':
      ctx.notRequiredByConvention();
      if (ctx.isReExportShipment) {
        ctx.require('re-export-certificate-presented', 'Art. V.4');
      } else if (ctx.facts.exporterIsListingState === undefined) {
        ctx.block('listing-state-unknown', 'Art. V.3');
      } else if (ctx.facts.exporterIsListingState) {
        ctx.require('export-permit-presented', 'Art. V.3');
      } else {
        ctx.require('certificate-of-origin-presented', 'Art. V.3');
      }
      return;
  }
}

function certificateOfOrigin(ctx: Context): void {
  if (ctx.appendix !== 'III') {
    ctx.block('certificate-of-origin-only-for-appendix-iii', 'Art. V.3');
  } else if (ctx.facts.exporterIsListingState === undefined) {
    ctx.block('listing-state-unknown', 'Art. V.2, V.3');
  } else if (ctx.facts.exporterIsListingState) {
    ctx.block('certificate-of-origin-from-listing-state', 'Art. V.2');
  }
  ctx.require('ma-origin-certified', 'Art. V.3');
}

function introductionFromTheSea(ctx: Context): void {
  if (ctx.facts.source !== 'X') ctx.block('introduction-from-the-sea-needs-source-x', 'Art. I(e)');
  ctx.refuseCommercialAppendixI('Art. III.5(c)');
  switch (ctx.appendix) {
    case 'I':
      ctx.require('sa-non-detriment', 'Art. III.5(a)');
      ctx.requireIfLive('ma-recipient-suitably-equipped', 'Art. III.5(b)');
      ctx.require('ma-not-primarily-commercial', 'Art. III.5(c)');
      return;
    case 'II':
      ctx.require('sa-non-detriment', 'Art. IV.6(a)');
      ctx.requireIfLive('ma-live-shipment-conditions', 'Art. IV.6(b)');
      return;
    case 'III':
      ctx.notRequiredByConvention();
      return;
  }
}

function preConventionCertificate(ctx: Context): void {
  if (ctx.facts.source !== 'O') ctx.block('pre-convention-needs-source-o', 'Art. VII.2');
  ctx.require('ma-pre-convention-acquisition', 'Art. VII.2');
}

function captiveProductionCertificate(ctx: Context): void {
  const animals = ctx.facts.documentType === 'captive-breeding';
  const expected: SourceCode = animals ? 'C' : 'A';
  if (ctx.facts.source !== expected) {
    ctx.block(
      animals
        ? 'captive-breeding-certificate-needs-source-c'
        : 'artificial-propagation-certificate-needs-source-a',
      'Art. VII.5',
    );
  } else if (ctx.facts.appendix === 'I' && ctx.facts.purpose === 'T') {
    ctx.block('appendix-i-commercial-production-needs-source-d', 'Art. VII.4');
  }
  ctx.require(animals ? 'ma-bred-in-captivity' : 'ma-artificially-propagated', 'Art. VII.5');
}

function travellingExhibitionCertificate(ctx: Context): void {
  if (!EXHIBITION_SOURCES.includes(ctx.facts.source)) {
    ctx.block('travelling-exhibition-specimens-not-exempt', 'Art. VII.7(b)');
  }
  ctx.require('ma-exhibition-registered', 'Art. VII.7(a)');
  ctx.require('ma-exhibition-specimens-qualify', 'Art. VII.7(b)');
  ctx.requireIfLive('ma-live-shipment-conditions', 'Art. VII.7(c)');
}

function ownershipCertificate(ctx: Context): void {
  if (ctx.facts.purpose !== 'P') ctx.block('ownership-needs-personal-purpose', 'Res. Conf. 10.20');
  ctx.require('ma-legal-acquisition', 'Res. Conf. 10.20');
}
