import type { Call } from './client';
import type { EndorsementInput, Permit, ReplacementInput } from './types';

const permitPath = (id: string) => `/api/permits/${encodeURIComponent(id)}`;

/**
 * Issued permits (the first under the application's id, a replacement under `<id>-R<n>`) and what
 * happens to them after issuance.
 */
export function permitEndpoints(call: Call) {
  return {
    getPermit: (id: string) => call<Permit>(permitPath(id)),
    /** Customs: 409 endorsed already, expired or cancelled; 422 more than authorised. */
    endorsePermit: (id: string, endorsement: EndorsementInput) =>
      call<Permit>(`${permitPath(id)}/endorsement`, { method: 'POST', body: endorsement }),
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
