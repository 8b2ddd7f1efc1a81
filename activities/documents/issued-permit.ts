import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { DocumentType } from '../../domain/codes/types';
import type { ManagementAuthority, Official, QuotaUse, Replacement } from '../../domain/documents/model';
import { permitDocumentOf, PermitDataError } from '../../forms/permit-document';
import type { PartyKeyRing } from '../signing/party-keys';
import { signPermitContent } from '../signing/permit-signature';

/** What a worker signs permits with: the Party's keys and how its Management Authority is named. */
export interface PermitSigning {
  keys: PartyKeyRing;
  authority: ManagementAuthority;
  /** Where permits are issued (Box 13). */
  place: string;
}

export interface IssuedPermitInput {
  documentType: DocumentType;
  data: Record<string, unknown>;
  number: string;
  validFrom: string;
  validUntil: string;
  issuedAt: Date;
  official: Official;
  replacement?: Replacement;
  quotaUse?: (QuotaUse | undefined)[];
}

/** The signed permit as stored with it, and the token its QR code carries. */
export interface SignedIssuedPermit {
  signedPermit: string;
  verificationToken: string;
}

/**
 * Signs the permit as issued: boxes 1 to 13 and the blocks, built from the application by
 * {@link permitDocumentOf}, as a compact JWS with the Party's active key. Its verification token is
 * 128 random bits, so no one finds a permit by trying numbers.
 *
 * @throws a non-retryable `PermitNotIssuable` failure naming every form path that does not fill a box.
 */
export function signIssuedPermit(signing: PermitSigning, input: IssuedPermitInput): SignedIssuedPermit {
  let document;
  try {
    document = permitDocumentOf({
      documentType: input.documentType,
      data: input.data,
      permit: {
        number: input.number,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        issuedAt: input.issuedAt.toISOString(),
      },
      managementAuthority: signing.authority,
      official: input.official,
      place: signing.place,
      signatureKeyId: signing.keys.active.kid,
      ...(input.replacement ? { replacement: input.replacement } : {}),
      ...(input.quotaUse ? { quotaUse: input.quotaUse } : {}),
    });
  } catch (error) {
    if (error instanceof PermitDataError)
      throw ApplicationFailure.nonRetryable(error.message, 'PermitNotIssuable');
    throw error;
  }
  return {
    signedPermit: signPermitContent(signing.keys, document),
    verificationToken: randomBytes(16).toString('base64url'),
  };
}
