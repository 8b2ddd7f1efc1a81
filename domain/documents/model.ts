/**
 * The data of a CITES permit or certificate, box by box as the standard form of Res. Conf. 12.3 (Annex 2)
 * lays it out. This is what Pangolin canonicalises and signs on issue, prints and exchanges with other
 * Parties, so names follow the Convention's vocabulary and every box has a home.
 */
import type { Appendix, CountryCode, DocumentType, IsoDate, PurposeCode, SourceCode } from '../codes/types';
import type { TermCode } from '../codes/terms';
import type { QuantityUnit } from '../codes/units';

/** A postal address as the form prints it and the e-permit XML carries it (`PostalTradeAddress`). */
export interface PostalAddress {
  /** Street, building and other lines before the city, in order. */
  readonly streetLines: readonly string[];
  readonly postcode?: string;
  readonly postOfficeBox?: string;
  readonly city?: string;
  /** State, province or other subdivision. */
  readonly subdivision?: string;
  /** ISO 3166-1 alpha-2 code of the country (Box 3a for the importer). */
  readonly country: CountryCode;
}

/** A person or organisation named on the form: importer (Box 3), exporter (Box 4) or holder. */
export interface TradeParty {
  readonly name: string;
  readonly address: PostalAddress;
  /** A national registration or trader number, when the Management Authority keeps one. */
  readonly registrationNumber?: string;
}

/** An official who acts on the document: the issuing official (Box 13) or the inspecting officer (Box 14). */
export interface Official {
  readonly name: string;
  readonly title?: string;
}

/**
 * Box 5, on a replacement document: which document it replaces and why. EU Reg. 865/2006 Art. 12 and
 * CITES practice name lost, stolen, destroyed, cancelled and expired documents.
 */
export interface Replacement {
  readonly replacedPermitNumber: string;
  readonly reason: 'cancelled' | 'lost' | 'stolen' | 'destroyed' | 'expired' | 'other';
  /** Free text printed after the reason, required in practice when the reason is `other`. */
  readonly explanation?: string;
}

/** Box 6: the Management Authority that issues the document, with its address (country included). */
export interface ManagementAuthority {
  readonly name: string;
  readonly address: PostalAddress;
}

/** Box 9: what the specimens are. */
export interface SpecimenDescription {
  /** The term (description) code, e.g. `LIV`, `SKI`, `TIM`. */
  readonly term: TermCode;
  /** Free-text description printed with the code (e.g. "handbag, crocodile leather"). */
  readonly text?: string;
  /** For live specimens: the sex, when stated. */
  readonly sex?: 'male' | 'female' | 'unknown';
  /** For live specimens: the age or life stage as stated (e.g. "2 years", "juvenile"). */
  readonly age?: string;
}

/** The kinds of identifying mark Box 9 asks for. */
export type MarkType = 'microchip' | 'ring' | 'tag' | 'label' | 'other';

/** Box 9: one identifying mark or number of the specimens (microchip number, ring or tag code, ...). */
export interface SpecimenMark {
  readonly type: MarkType;
  /** The number or code the mark carries. */
  readonly value: string;
  /** What the mark is when `type` is `other` (e.g. "tattoo", "CITES sturgeon label"). */
  readonly description?: string;
}

/**
 * Box 11a: quota use, printed as "used including this permit / quota" in the quota's unit, for specimens
 * exported under an export quota.
 */
export interface QuotaUse {
  /** Quantity exported in the quota year including this document. */
  readonly usedIncludingThisPermit: number;
  /** The annual quota. */
  readonly quota: number;
  /** Unit of both figures; `null` when the quota counts specimens. */
  readonly unit: QuantityUnit;
  /** The quota year, when the quota does not follow the document's year. */
  readonly year?: number;
}

/** Box 12: the country of origin and the document under which the specimens left it. */
export interface CountryOfOrigin {
  /** ISO code, or `XX` when the origin is unknown. */
  readonly country: CountryCode;
  /** Number of the export permit issued by the country of origin. */
  readonly permitNumber?: string;
  /** Date that permit was issued. */
  readonly date?: IsoDate;
}

/** Box 12a: the country of last re-export and its re-export certificate. */
export interface CountryOfLastReExport {
  readonly country: CountryCode;
  readonly certificateNumber?: string;
  readonly date?: IsoDate;
}

/** Box 12b, for Appendix-I specimens bred or propagated for commercial purposes: the registered operation. */
export interface RegisteredOperation {
  readonly kind: 'registered-operation';
  /** The operation's number in the Secretariat's register (Res. Conf. 12.10). */
  readonly registrationNumber: string;
}

/** Box 12b, for pre-Convention specimens: when the specimens were acquired. */
export interface DateOfAcquisition {
  readonly kind: 'acquisition';
  readonly dateOfAcquisition: IsoDate;
}

/**
 * One specimen block (A, B, C, D on the form, further letters on continuation sheets): one species, one
 * description, one source, one quantity. Boxes 7 to 12b.
 */
export interface SpecimenBlock {
  /** Box 7: scientific name (genus, species, subspecies where relevant), as in the Appendices. */
  readonly scientificName: string;
  /** Box 8: common name. */
  readonly commonName?: string;
  /** Box 9: description of the specimens. */
  readonly description: SpecimenDescription;
  /** Box 9: identifying marks or numbers; empty when the specimens carry none. */
  readonly marks: readonly SpecimenMark[];
  /** Box 10: the Appendix the species is listed in. */
  readonly appendix: Appendix;
  /** Box 10: the source code. */
  readonly source: SourceCode;
  /** Box 10: for source I or O, the source the specimens had before (e.g. O over W). */
  readonly underlyingSource?: SourceCode;
  /** Box 10: for source U, why the source is unknown. */
  readonly sourceReason?: string;
  /** Box 11: the quantity authorised. */
  readonly quantity: number;
  /** Box 11: its unit; `null` when the quantity is a number of specimens. */
  readonly unit: QuantityUnit;
  /** Box 11a: quota use, when the export counts against a quota. */
  readonly quotaUse?: QuotaUse;
  /** Box 12: country of origin, its permit number and date (re-exports; imports of re-exported specimens). */
  readonly countryOfOrigin?: CountryOfOrigin;
  /** Box 12a: country of last re-export, its certificate number and date. */
  readonly countryOfLastReExport?: CountryOfLastReExport;
  /** Box 12b: registered operation number, or date of acquisition for pre-Convention specimens. */
  readonly operationOrAcquisition?: RegisteredOperation | DateOfAcquisition;
}

/** A block of a re-export certificate: the country of origin (Box 12) is required. */
export interface ReExportSpecimenBlock extends SpecimenBlock {
  readonly countryOfOrigin: CountryOfOrigin;
}

/** A block of a pre-Convention certificate: source O, and the date of acquisition (Box 12b). */
export interface PreConventionSpecimenBlock extends SpecimenBlock {
  readonly source: 'O';
  readonly operationOrAcquisition: DateOfAcquisition;
}

/** A block of an introduction-from-the-sea certificate: source X. */
export interface IntroductionFromTheSeaSpecimenBlock extends SpecimenBlock {
  readonly source: 'X';
}

/** Box 13 signature: by hand on paper, or an electronic signature by a published key. */
export type Signature =
  | { readonly method: 'handwritten' }
  | {
      readonly method: 'electronic';
      /** Identifier of the key in the Party's published key set (JWKS `kid`). */
      readonly keyId: string;
    };

/** Box 13: "This permit/certificate is issued by": the official, the place and date, the signature. */
export interface Issuance {
  readonly official: Official;
  readonly place: string;
  readonly date: IsoDate;
  readonly signature?: Signature;
}

/** Box 14, per block: the quantity actually exported, in the block's unit (Box 11). */
export interface EndorsedQuantity {
  /** The block letter: A, B, C, D, or a letter of a continuation sheet. */
  readonly block: string;
  readonly quantity: number;
}

/**
 * Box 14: the export endorsement made by the inspecting official when the consignment leaves: actual
 * quantity per block, port of export, date, officer and official stamp.
 */
export interface ExportEndorsement {
  readonly blocks: readonly EndorsedQuantity[];
  readonly port: string;
  readonly date: IsoDate;
  readonly officer: Official;
  /** Reference of the official stamp applied, when recorded. */
  readonly stamp?: string;
}

/**
 * One border crossing endorsed on a travelling-exhibition or ownership certificate, which serve for
 * several crossings during their validity.
 */
export interface BorderCrossing {
  readonly direction: 'exit' | 'entry';
  readonly country: CountryCode;
  readonly port: string;
  readonly date: IsoDate;
  readonly officer: Official;
  readonly stamp?: string;
}

/** Boxes 1, 2, 5, 5a, 5b, 6, 7–12b and 13: what every document carries. */
export interface DocumentCore<T extends DocumentType, B extends SpecimenBlock = SpecimenBlock> {
  /** Box 1: which document this is (the Export / Re-export / Import / Other tick-boxes). */
  readonly documentType: T;
  /** Box 1: the control number assigned by the issuing Management Authority (Art. VI.3). */
  readonly permitNumber: string;
  /** Box 1: true on a copy, which must say so and does not replace the original (Art. VI.4). */
  readonly isCopy: boolean;
  /** Box 2: first day of validity, when the document states one. */
  readonly validFrom?: IsoDate;
  /** Box 2: last day of validity; the document is void after midnight of that day. */
  readonly validUntil: IsoDate;
  /** Box 5: special conditions, one per line (e.g. live-animal transport conditions). */
  readonly specialConditions: readonly string[];
  /** Box 5: on a replacement document, the document it replaces and why. */
  readonly replacement?: Replacement;
  /** Box 5a: purpose of the transaction. */
  readonly purpose: PurposeCode;
  /** Box 5b: number of the security stamp affixed in Box 13. */
  readonly securityStampNumber?: string;
  /** Box 6: the issuing Management Authority. */
  readonly managementAuthority: ManagementAuthority;
  /** Boxes 7–12b: the specimen blocks, in order; the first four are A–D on the form itself. */
  readonly specimens: readonly B[];
  /** Box 13: issuing official, place, date and signature. */
  readonly issuance: Issuance;
}

/** Box 3 and Box 4: the importer and the exporter or re-exporter. */
export interface ImporterAndExporter {
  /** Box 3: importer, with address and country of import (Box 3a). */
  readonly importer: TradeParty;
  /** Box 4: exporter or re-exporter, with address and country. */
  readonly exporter: TradeParty;
}

/** Boxes 14 and 15: filled in when the consignment leaves the country. */
export interface ExportFormalities {
  /** Box 14: export endorsement, absent until the consignment is inspected at export. */
  readonly exportEndorsement?: ExportEndorsement;
  /** Box 15: bill of lading or air waybill number. */
  readonly billOfLading?: string;
}

/** Export permit (Art. III.2, IV.2, V.2): one consignment, valid at most 6 months. */
export interface ExportPermit extends DocumentCore<'export'>, ImporterAndExporter, ExportFormalities {}

/** Re-export certificate (Art. III.4, IV.5, V.4): every block states its country of origin. */
export interface ReExportCertificate
  extends DocumentCore<'re-export', ReExportSpecimenBlock>, ImporterAndExporter, ExportFormalities {}

/**
 * Import permit (Art. III.3): issued by the importing Party, for Appendix I before the exporting Party
 * grants its export permit. It is not endorsed at export.
 */
export interface ImportPermit extends DocumentCore<'import'>, ImporterAndExporter {}

/** Certificate of origin (Art. V.3): Appendix-III specimens exported from a State that did not list them. */
export interface CertificateOfOrigin
  extends DocumentCore<'certificate-of-origin'>, ImporterAndExporter, ExportFormalities {}

/**
 * Certificate of introduction from the sea (Art. III.5, IV.6): issued by the State of introduction for
 * specimens taken in the marine environment outside any State's jurisdiction. There is no exporter.
 */
export interface IntroductionFromTheSeaCertificate extends DocumentCore<
  'introduction-from-the-sea',
  IntroductionFromTheSeaSpecimenBlock
> {
  /** Box 3: the person or body introducing the specimens into the State. */
  readonly importer: TradeParty;
  /** The vessel that took the specimens, when known. */
  readonly vessel?: { readonly name: string; readonly flagState: CountryCode };
}

/** Pre-Convention certificate (Art. VII.2): specimens acquired before the Convention applied to them. */
export interface PreConventionCertificate
  extends
    DocumentCore<'pre-convention', PreConventionSpecimenBlock>,
    ImporterAndExporter,
    ExportFormalities {}

/** Captive-breeding certificate (Art. VII.5): animals bred in captivity, in lieu of a permit. */
export interface CaptiveBreedingCertificate
  extends DocumentCore<'captive-breeding'>, ImporterAndExporter, ExportFormalities {}

/** Certificate of artificial propagation (Art. VII.5): propagated plants, in lieu of a permit. */
export interface ArtificialPropagationCertificate
  extends DocumentCore<'artificial-propagation'>, ImporterAndExporter, ExportFormalities {}

/** The holder of a multi-crossing certificate and the crossings endorsed on it. */
export interface MultipleCrossings {
  /** Boxes 3 and 4 together: the owner or holder, who travels with the specimens. */
  readonly holder: TradeParty;
  /** The border crossings endorsed so far, in order. */
  readonly crossings: readonly BorderCrossing[];
}

/**
 * Travelling-exhibition certificate (Art. VII.7): a travelling zoo, circus, menagerie or plant exhibition
 * crossing borders repeatedly, valid up to 3 years.
 */
export interface TravellingExhibitionCertificate
  extends DocumentCore<'travelling-exhibition'>, MultipleCrossings {
  /** Name of the exhibition the specimens travel with. */
  readonly exhibitionName: string;
}

/**
 * Certificate of ownership: personally owned specimens that cross borders often with their owner, for
 * non-commercial purposes (live animals, Res. Conf. 10.20; musical instruments, Res. Conf. 16.8), valid up
 * to 3 years.
 */
export interface OwnershipCertificate extends DocumentCore<'ownership'>, MultipleCrossings {}

/** Every document Pangolin issues, discriminated by `documentType`. */
export type PermitDocument =
  | ExportPermit
  | ReExportCertificate
  | ImportPermit
  | CertificateOfOrigin
  | IntroductionFromTheSeaCertificate
  | PreConventionCertificate
  | CaptiveBreedingCertificate
  | ArtificialPropagationCertificate
  | TravellingExhibitionCertificate
  | OwnershipCertificate;

/** The document of one type, e.g. `DocumentOf<'re-export'>` is {@link ReExportCertificate}. */
export type DocumentOf<T extends DocumentType> = Extract<PermitDocument, { readonly documentType: T }>;
