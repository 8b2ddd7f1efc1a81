import type { PermitDocument } from '../../domain/documents/model';
import type { PermitMessageBody } from '../../domain/exchange/messages';
import { citesEPermitXmlOf } from '../../forms/cites-epermit-xml';
import { decodeSignedPermit } from '../signing/permit-signature';

/**
 * What a peer receives of a permit: the signed permit itself (the only part it must trust), and
 * the UN/CEFACT CITESEPermit message and the boxes as JSON, both drawn from the same signed content
 * for systems that read XML or JSON.
 */
export function permitMessageBodyOf(signedPermit: string): PermitMessageBody {
  const document = decodeSignedPermit(signedPermit).content as PermitDocument;
  return { signedPermit, xml: citesEPermitXmlOf(document), permit: document, status: 'valid' };
}

/** The Party a permit is for across the border: the importer's country, or the exporter's for an import permit. */
export function counterpartPartyOf(document: PermitDocument): string | undefined {
  if (document.documentType === 'import')
    return 'exporter' in document ? document.exporter.address.country : undefined;
  return 'importer' in document ? document.importer.address.country : undefined;
}
