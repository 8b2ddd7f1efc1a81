/**
 * The UN/CEFACT CITESEPermit message (CITES e-permitting toolkit v2) for Pangolin's permits: written
 * from a `PermitDocument` for the importing Party or EPIX, and read, tolerantly and defensively,
 * from any Party's system. Element paths follow the EPIX v2 sample and the box-to-XPath mapping of
 * `Cites::PermitMapping` (see `../shared/reference/cites-domain.md` §1.2). Pure: no I/O.
 *
 * - `cites-epermit-xml/write.ts`: {@link citesEPermitXmlOf}, box by box.
 * - `cites-epermit-xml/read.ts`: {@link readCitesEPermitXml} and {@link CitesEPermitXmlError}.
 * - `cites-epermit-xml/xml-text.ts`: the strict escaper the writer uses.
 */
export { citesEPermitXmlOf, DOCUMENT_TYPE_CODES } from './cites-epermit-xml/write';
export {
  CitesEPermitXmlError,
  MAX_CITES_EPERMIT_XML_BYTES,
  readCitesEPermitXml,
  type CitesDocumentCategory,
  type ReadCitesEPermit,
  type ReadLastReExport,
  type ReadOrigin,
  type ReadQuotaUse,
  type ReadSpecimenBlock,
  type ReadTradeParty,
} from './cites-epermit-xml/read';
export {
  CITES_EPERMIT_NAMESPACE,
  LAST_RE_EXPORT_TYPE_CODE,
  ORIGIN_PERMIT_TYPE_CODE,
  RAM_NAMESPACE,
} from './cites-epermit-xml/namespaces';
