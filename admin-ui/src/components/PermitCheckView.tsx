import type { Language, PermitStatus, PermitVerification, VerifiedBlock } from '../api/types';
import { countryName } from '../../../domain/codes/lookups';
import { PURPOSES } from '../../../domain/codes/purposes';
import { SOURCES } from '../../../domain/codes/sources';
import { TERMS } from '../../../domain/codes/terms';
import { quantityText, statusTone } from '../border-check';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

const statusKeys: Record<PermitStatus, { word: MessageKey; meaning: MessageKey }> = {
  valid: { word: 'borderStatusValid', meaning: 'borderMeaningValid' },
  endorsed: { word: 'borderStatusEndorsed', meaning: 'borderMeaningEndorsed' },
  used: { word: 'borderStatusUsed', meaning: 'borderMeaningUsed' },
  expired: { word: 'borderStatusExpired', meaning: 'borderMeaningExpired' },
  cancelled: { word: 'borderStatusCancelled', meaning: 'borderMeaningCancelled' },
  replaced: { word: 'borderStatusReplaced', meaning: 'borderMeaningReplaced' },
};

/** A code with its meaning in the reader's language, `W – Wild`; the code alone when the list lacks it. */
function coded(
  list: ReadonlyArray<{ code: string; label: Readonly<Record<Language, string>> }>,
  code: string,
  language: Language,
): string {
  const label = list.find((entry) => entry.code === code)?.label[language];
  return label ? `${code} – ${label}` : code;
}

function country(code: string, language: Language): string {
  return countryName(code, language) ?? code;
}

/**
 * What a permit check answered, in the order a border officer acts on it: the status, large and
 * coloured; a loud warning when the signature does not check out; then the permit's facts and
 * what each block covers, to compare with the consignment.
 */
export function PermitCheckView({ view }: { view: PermitVerification }) {
  const { t, language } = useI18n();
  const status = statusKeys[view.status];
  return (
    <>
      <div
        className={`check-status check-status-${statusTone(view.status)}`}
        data-testid="check-status"
        data-status={view.status}
      >
        <p className="check-status-word">{status ? t(status.word) : view.status}</p>
        {view.replacedBy && (
          <p className="check-status-replaced" data-testid="check-replaced-by">
            {t('borderReplacedBy', { number: view.replacedBy })}
          </p>
        )}
        {status && <p className="check-status-meaning">{t(status.meaning)}</p>}
      </div>
      {view.authentic ? (
        <p className="check-authentic" data-testid="check-authentic">
          <span aria-hidden="true">✓ </span>
          {t('borderAuthentic')}
        </p>
      ) : (
        <div className="alert check-forged" role="alert" data-testid="check-not-authentic">
          {t('borderNotAuthentic')}
        </div>
      )}
      <dl className="facts check-facts">
        <dt>{t('permitNumber')}</dt>
        <dd>
          <code className="check-number" data-testid="check-number">
            {view.number}
          </code>
        </dd>
        <dt>{t('borderDocument')}</dt>
        <dd>{documentTitle(view.documentType, language)}</dd>
        <dt>{t('borderIssuedBy')}</dt>
        <dd>
          {view.managementAuthority} ({country(view.issuingParty, language)})
        </dd>
        <dt>{t('permitValidity')}</dt>
        <dd data-testid="check-validity">
          {t('permitValidityRange', { from: view.validFrom ?? view.issuedOn, until: view.validUntil })}
        </dd>
        <dt>{t('borderIssuedOn')}</dt>
        <dd>{view.issuedOn}</dd>
        {view.replaces && (
          <>
            <dt>{t('borderReplaces')}</dt>
            <dd>{view.replaces}</dd>
          </>
        )}
        {view.exporter && (
          <>
            <dt>{t('borderExporter')}</dt>
            <dd data-testid="check-exporter">
              {view.exporter.name} ({country(view.exporter.country, language)})
            </dd>
          </>
        )}
        {view.importer && (
          <>
            <dt>{t('borderImporter')}</dt>
            <dd data-testid="check-importer">
              {view.importer.name} ({country(view.importer.country, language)})
            </dd>
          </>
        )}
        {view.endorsement && (
          <>
            <dt>{t('permitEndorsement')}</dt>
            <dd data-testid="check-endorsement">
              {view.endorsement.port}, {view.endorsement.date}
            </dd>
          </>
        )}
      </dl>
      <h3 className="check-blocks-title">{t('borderBlocks')}</h3>
      <ul className="check-blocks">
        {view.blocks.map((block) => (
          <CheckedBlock key={block.block} block={block} />
        ))}
      </ul>
    </>
  );
}

function CheckedBlock({ block }: { block: VerifiedBlock }) {
  const { t, language } = useI18n();
  return (
    <li className="check-block" data-testid={`check-block-${block.block}`}>
      <p className="check-block-title">
        <span className="check-block-letter">{t('borderBlock', { block: block.block })}</span>{' '}
        <i>{block.scientificName}</i>
        {block.commonName && <> ({block.commonName})</>}
      </p>
      <p>
        {t('borderCodes', {
          appendix: block.appendix,
          source: coded(SOURCES, block.source, language),
          purpose: coded(PURPOSES, block.purpose, language),
        })}
      </p>
      <p>
        {t('borderSpecimens', {
          specimens: `${coded(TERMS, block.term, language)}${block.description ? ` (${block.description})` : ''}`,
        })}
      </p>
      <p className="check-quantity" data-testid="check-quantity">
        {t('borderQuantityHint', { quantity: quantityText(block.quantity, block.unit, language) })}
        {block.endorsedQuantity !== undefined && (
          <span data-testid="check-endorsed-quantity">
            {' · '}
            {t('borderExportedQuantity', {
              quantity: quantityText(block.endorsedQuantity, block.unit, language),
            })}
          </span>
        )}
      </p>
    </li>
  );
}
