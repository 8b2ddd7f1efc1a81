/**
 * The namespaces and fixed codes of the toolkit v2 CITESEPermit message, as the EPIX v2 sample
 * (`GetNonFinalCitesCertificateResponse`) uses them.
 */

/** The message's own namespace: `CITESEPermit` and its three top-level structures are in it. */
export const CITES_EPERMIT_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CITESEPermit:2';

/** The namespace of the reusable aggregate business information entities below the top level. */
export const RAM_NAMESPACE = 'urn:un:unece:uncefact:data:draft:ReusableAggregateBusinessInformationEntity:1';

/** The toolkit v1 message, which is a different message (root `CBFShip`). */
export const CBFSHIP_V1_NAMESPACE = 'urn:un:unece:uncefact:data:draft:CBFShip:1';

/**
 * `AssociatedReferencedDocument/TypeCode` of the origin permit (Box 12) and of the last re-export
 * certificate (Box 12a) as Parties actually send them and EPIX reads them (UN/EDIFACT document name
 * codes; 861 is "certificate of origin"), though the toolkit meant a document type (Export, Re-export…).
 */
export const ORIGIN_PERMIT_TYPE_CODE = '861';
export const LAST_RE_EXPORT_TYPE_CODE = '811';
