import type { Call } from './client';
import type {
  BlockEndorsementInput,
  EndorsementInput,
  Permit,
  PermitVerification,
  ReplacementInput,
} from './types';

const permitPath = (id: string) => `/api/permits/${encodeURIComponent(id)}`;

/** Where a permit's documents are downloaded from: the standard-form PDF, a copy of it, the signed JWS. */
export const permitDocumentPaths = {
  pdf: (id: string) => `${permitPath(id)}/pdf`,
  copy: (id: string) => `${permitPath(id)}/pdf?copy=true`,
  signed: (id: string) => `${permitPath(id)}/signed`,
};

/**
 * Issued permits (the first under the application's id, a replacement under `<id>-R<n>`) and what
 * happens to them after issuance.
 */
export function permitEndpoints(call: Call) {
  return {
    getPermit: (id: string) => call<Permit>(permitPath(id)),
    /**
     * Customs: 409 endorsed already, expired, cancelled or replaced; 422 more than authorised. With
     * an idempotency key, a retry after a lost answer gets the first answer again.
     */
    endorsePermit: (
      id: string,
      endorsement: EndorsementInput | BlockEndorsementInput,
      idempotencyKey?: string,
    ) =>
      call<Permit>(`${permitPath(id)}/endorsement`, {
        method: 'POST',
        body: endorsement,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      }),
    /**
     * The permit a QR code's token names, authentic or not, and where it stands today; 404 for a
     * token no permit has (unknown, altered or mistyped), 429 when checked too often.
     */
    verifyPermit: (token: string) => call<PermitVerification>(`/api/verify/${encodeURIComponent(token)}`),
    /** Management Authority: 409 when endorsed or ended. */
    cancelPermit: (id: string, reason: string) =>
      call<Permit>(`${permitPath(id)}/cancel`, { method: 'POST', body: { reason } }),
    /** Management Authority: 409 until endorsed; the permit is then used. */
    confirmImport: (id: string, quantities: number[]) =>
      call<Permit>(`${permitPath(id)}/import-confirmation`, { method: 'POST', body: { quantities } }),
    /**
     * Management Authority: the answer is the new permit; this one is then replaced. 409 when
     * endorsed, ended or replaced already; 422 without a reason, or `other` without an explanation.
     */
    replacePermit: (id: string, replacement: ReplacementInput) =>
      call<Permit>(`${permitPath(id)}/replacement`, { method: 'POST', body: replacement }),
  };
}
