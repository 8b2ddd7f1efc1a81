import { permitDocumentPaths } from '../api/permits';
import type { Permit } from '../api/types';
import { useI18n } from '../i18n';

/**
 * A signed permit's documents: the PDF on the CITES standard form, a copy of it marked as such, and
 * the signed permit other Parties' systems verify; and the public address its QR code opens, for
 * the holder to share with buyers and inspectors. Permits issued before signing have none.
 */
export function PermitDocuments({ permit }: { permit: Permit }) {
  const { t } = useI18n();
  if (!permit.signed) return null;
  return (
    <div className="permit-documents" data-testid="permit-documents">
      <h4>{t('permitDocuments')}</h4>
      <ul className="link-list">
        <li>
          <a href={permitDocumentPaths.pdf(permit.id)} download data-testid="permit-pdf">
            {t('permitPdf')}
          </a>
        </li>
        <li>
          <a href={permitDocumentPaths.copy(permit.id)} download data-testid="permit-pdf-copy">
            {t('permitPdfCopy')}
          </a>
        </li>
        <li>
          <a href={permitDocumentPaths.signed(permit.id)} download data-testid="permit-signed">
            {t('permitSignedDownload')}
          </a>
        </li>
      </ul>
      {permit.verificationUrl && (
        <p className="permit-share" data-testid="permit-verification">
          {t('permitCheckAt')}{' '}
          <a href={permit.verificationUrl} data-testid="permit-verification-url">
            {permit.verificationUrl}
          </a>
        </p>
      )}
    </div>
  );
}
