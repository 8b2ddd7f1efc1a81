import type { DocumentType, IsoDate } from '../codes/types';
import type { PermitDocument } from './model';
import { blockLetter } from './sheets';

/** Where an issued permit stands, as its holder's inspector must know it. */
export type LivePermitStatus = 'valid' | 'endorsed' | 'used' | 'expired' | 'cancelled' | 'replaced';

/** What the Party's records say about the permit today, beside what was signed. */
export interface PermitStanding {
  status: LivePermitStatus;
  validUntil: IsoDate;
  /** The replacement's number, on a replaced permit. */
  replacedByNumber?: string;
  endorsement?: { quantities: readonly number[]; port: string; date: IsoDate };
}

/** One block as an inspector compares it with the consignment. */
export interface VerifiedBlock {
  block: string;
  scientificName: string;
  commonName?: string;
  appendix: string;
  source: string;
  purpose: string;
  term: string;
  description?: string;
  quantity: number;
  unit: string | null;
  /** What customs endorsed leaving, once the permit is endorsed. */
  endorsedQuantity?: number;
}

/**
 * The public answer of a permit check: authentic or not, where it stands, and what the consignment
 * must match. Traders appear by name and country only: the addresses of private persons are not
 * published to whoever scans a QR code.
 */
export interface PermitVerificationView {
  authentic: boolean;
  status: LivePermitStatus;
  number: string;
  documentType: DocumentType;
  issuingParty: string;
  managementAuthority: string;
  validFrom?: IsoDate;
  validUntil: IsoDate;
  issuedOn: IsoDate;
  replacedBy?: string;
  /** Box 5 of a replacement: the number it replaces. */
  replaces?: string;
  exporter?: { name: string; country: string };
  importer?: { name: string; country: string };
  blocks: VerifiedBlock[];
  endorsement?: { port: string; date: IsoDate };
  signature: { keyId?: string; algorithm: 'EdDSA' };
}

/**
 * The status an inspector must act on: a permit still marked valid after its last day is expired,
 * even before the lifecycle's timer has recorded it.
 */
export function liveStatusOf(
  standing: Pick<PermitStanding, 'status' | 'validUntil'>,
  today: IsoDate,
): LivePermitStatus {
  return standing.status === 'valid' && today > standing.validUntil ? 'expired' : standing.status;
}

/**
 * Puts the signed document and its standing together for the verification page and API.
 * `authentic` is whether the signature checked out against the Party's published keys.
 */
export function verificationViewOf(
  document: PermitDocument,
  standing: PermitStanding,
  authentic: boolean,
  today: IsoDate,
): PermitVerificationView {
  const exporter = 'exporter' in document ? document.exporter : undefined;
  const importer = 'importer' in document ? document.importer : undefined;
  const signature = document.issuance.signature;
  return {
    authentic,
    status: liveStatusOf(standing, today),
    number: document.permitNumber,
    documentType: document.documentType,
    issuingParty: document.managementAuthority.address.country,
    managementAuthority: document.managementAuthority.name,
    ...(document.validFrom ? { validFrom: document.validFrom } : {}),
    validUntil: standing.validUntil,
    issuedOn: document.issuance.date,
    ...(standing.replacedByNumber ? { replacedBy: standing.replacedByNumber } : {}),
    ...(document.replacement ? { replaces: document.replacement.replacedPermitNumber } : {}),
    ...(exporter ? { exporter: { name: exporter.name, country: exporter.address.country } } : {}),
    ...(importer ? { importer: { name: importer.name, country: importer.address.country } } : {}),
    blocks: document.specimens.map((block, index) => ({
      block: blockLetter(index) ?? String(index + 1),
      scientificName: block.scientificName,
      ...(block.commonName ? { commonName: block.commonName } : {}),
      appendix: block.appendix,
      source: block.source,
      purpose: document.purpose,
      term: block.description.term,
      ...(block.description.text ? { description: block.description.text } : {}),
      quantity: block.quantity,
      unit: block.unit,
      ...(standing.endorsement ? { endorsedQuantity: standing.endorsement.quantities[index] ?? 0 } : {}),
    })),
    ...(standing.endorsement
      ? { endorsement: { port: standing.endorsement.port, date: standing.endorsement.date } }
      : {}),
    signature: {
      ...(signature?.method === 'electronic' ? { keyId: signature.keyId } : {}),
      algorithm: 'EdDSA',
    },
  };
}
