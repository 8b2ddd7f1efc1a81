import { useId, useState } from 'react';
import type { ApiError } from '../api/client';
import type { IncomingPermit } from '../api/types';
import { quantityText, statusTone } from '../border-check';
import { consignmentStatusKeys, countedBlocks, mayConfirmArrival, type CountedBlock } from '../consignments';
import { documentTitle } from '../documents';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { partyName } from '../parties';
import { useSession } from '../session';
import { ArrivalConfirmationForm } from './ArrivalConfirmationForm';
import { Alert, Success } from './Status';

/** What became of the confirmation sent from this card. */
type Outcome = { kind: 'confirmed' } | { kind: 'refused'; error: ApiError };

/**
 * One permit another Party sent for a consignment coming here, as a customs officer reads it on a
 * phone: its number and where it stands, large; where it comes from and until when it is valid;
 * per block, the species, what the permit allows, what left the exporting country and what arrived.
 * Customs confirm what arrived while it is valid.
 */
export function ConsignmentCard({
  permit,
  onChanged,
  onStale,
}: {
  permit: IncomingPermit;
  /** The server answered the permit as it is now. */
  onChanged(permit: IncomingPermit): void;
  /** The permit changed meanwhile (confirmed, cancelled, replaced): the list is read again. */
  onStale(): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { user } = useSession();
  const headingId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const blocks = countedBlocks(permit);
  const from = partyName(permit.fromParty, language);
  // A status this app does not know yet shows as the server wrote it.
  const statusKey = consignmentStatusKeys[permit.status] as MessageKey | undefined;

  return (
    <article
      className={`consignment-card consignment-${statusTone(permit.status)}`}
      aria-labelledby={headingId}
      data-testid={`consignment-${permit.number}`}
      data-status={permit.status}
    >
      <h2 id={headingId} className="consignment-number">
        {permit.number}
      </h2>
      <p
        className={`consignment-status consignment-status-${statusTone(permit.status)}`}
        data-testid="consignment-status"
      >
        {statusKey ? t(statusKey) : permit.status}
        {permit.replacedBy && (
          <span className="consignment-replaced-by" data-testid="consignment-replaced-by">
            {t('borderReplacedBy', { number: permit.replacedBy })}
          </span>
        )}
      </p>
      {permit.cancellation && (
        <p className="consignment-cancelled">
          {t('consignmentCancelled', { reason: permit.cancellation.reason })}
        </p>
      )}
      <dl className="facts consignment-facts">
        <dt>{t('consignmentFrom')}</dt>
        <dd data-testid="consignment-from">{from}</dd>
        <dt>{t('borderDocument')}</dt>
        <dd>{documentTitle(permit.documentType, language)}</dd>
        <dt>{t('consignmentValidUntil')}</dt>
        <dd>{permit.validUntil}</dd>
        <dt>{t('consignmentExport')}</dt>
        <dd data-testid="consignment-export">
          {permit.exportEndorsement
            ? t('consignmentExportAt', {
                port: permit.exportEndorsement.port,
                date: permit.exportEndorsement.date,
              })
            : t('consignmentNotExported')}
        </dd>
        {permit.importConfirmation && (
          <>
            <dt>{t('consignmentArrival')}</dt>
            <dd data-testid="consignment-arrival">
              {t('consignmentArrivalBy', {
                date: permit.importConfirmation.date,
                by: permit.importConfirmation.by,
              })}
            </dd>
          </>
        )}
        <dt>{t('consignmentReceived')}</dt>
        <dd>{i18n.dateTime(permit.verifiedAt)}</dd>
      </dl>
      <h3 className="check-blocks-title">{t('borderBlocks')}</h3>
      <ul className="check-blocks">
        {blocks.map((block) => (
          <ConsignmentBlock key={block.block} block={block} />
        ))}
      </ul>
      {outcome?.kind === 'confirmed' && (
        <Success>{t('arrivalConfirmed', { number: permit.number, party: from })}</Success>
      )}
      {outcome?.kind === 'refused' && (
        <Alert>
          <p className="alert-title">{t('arrivalConflict')}</p>
          {outcome.error.detail && <p data-testid="arrival-refusal">{outcome.error.detail}</p>}
        </Alert>
      )}
      {mayConfirmArrival(permit, user.roles) && (
        <ArrivalConfirmationForm
          permit={permit}
          blocks={blocks}
          onConfirmed={(answered) => {
            setOutcome({ kind: 'confirmed' });
            onChanged(answered);
          }}
          onRefused={(error) => {
            setOutcome({ kind: 'refused', error });
            onStale();
          }}
        />
      )}
    </article>
  );
}

function ConsignmentBlock({ block }: { block: CountedBlock }) {
  const { t, language } = useI18n();
  const amount = (quantity: number) => quantityText(quantity, block.unit ?? null, language);
  return (
    <li className="check-block" data-testid={`consignment-block-${block.block}`}>
      <p className="check-block-title">
        <span className="check-block-letter">{t('borderBlock', { block: block.block })}</span>{' '}
        <i>{block.scientificName}</i>
      </p>
      <p className="check-quantity" data-testid="consignment-permitted">
        {t('consignmentPermitted', { quantity: amount(block.quantity) })}
      </p>
      {block.exported !== undefined && (
        <p data-testid="consignment-exported">
          {t('consignmentExported', { quantity: amount(block.exported) })}
        </p>
      )}
      {block.arrived !== undefined && (
        <p data-testid="consignment-arrived">
          {t('consignmentArrived', { quantity: amount(block.arrived) })}
        </p>
      )}
    </li>
  );
}
