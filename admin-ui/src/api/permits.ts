import type { Call } from './client';
import type { EndorsementInput, Permit } from './types';

const permitPath = (id: string) => `/api/permits/${encodeURIComponent(id)}`;

/** Issued permits (one per application, under its id) and what happens to them after issuance. */
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
  };
}
