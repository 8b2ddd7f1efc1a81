import type { ProcedureOutcome } from '../api/types';
import { useI18n } from '../i18n';

/**
 * What a procedure decided for one application: fee, routing, required evidence, the steps with
 * their deadlines, and which rows of which tables matched.
 */
export function OutcomeView({
  outcome,
  id,
  evidenceLabels = {},
}: {
  outcome: ProcedureOutcome;
  id: string;
  /** Names of the kinds of evidence by code, from the form, in the reader's language. */
  evidenceLabels?: Record<string, string>;
}) {
  const { t, language } = useI18n();
  const money = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: /^[A-Z]{3}$/.test(outcome.fee.currency) ? outcome.fee.currency : 'XXX',
  });
  return (
    <div className="outcome" data-testid={id}>
      <dl className="facts">
        <dt>{t('outcomeFee')}</dt>
        <dd>{money.format(outcome.fee.amount)}</dd>
        <dt>{t('outcomeAutoApprove')}</dt>
        <dd>{outcome.autoApprove ? t('yes') : t('no')}</dd>
        <dt>{t('outcomeOffice')}</dt>
        <dd>{outcome.routing.office ?? '—'}</dd>
        <dt>{t('outcomeOfficerGroup')}</dt>
        <dd>{outcome.routing.officerGroup ?? '—'}</dd>
        {outcome.procedureVersionId && (
          <>
            <dt>{t('outcomeProcedureVersion')}</dt>
            <dd>
              <code>{outcome.procedureVersionId}</code>
            </dd>
          </>
        )}
      </dl>
      <h4 id={`${id}-evidence`}>{t('outcomeRequiredEvidence')}</h4>
      {outcome.requiredEvidence.length === 0 ? (
        <p>{t('outcomeNoEvidence')}</p>
      ) : (
        <ul aria-labelledby={`${id}-evidence`}>
          {outcome.requiredEvidence.map((evidence) => (
            <li key={evidence}>
              <EvidenceName code={evidence} labels={evidenceLabels} />
            </li>
          ))}
        </ul>
      )}
      <div className="table-scroll" role="region" aria-labelledby={`${id}-steps`} tabIndex={0}>
        <table>
          <caption id={`${id}-steps`}>{t('outcomeSteps', { count: outcome.steps.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stepName')}</th>
              <th scope="col">{t('stepActor')}</th>
              <th scope="col">{t('stepDeadline')}</th>
              <th scope="col">{t('stepAutomatic')}</th>
              <th scope="col">{t('stepConvention')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.steps.map((step) => (
              <tr key={step.id}>
                <th scope="row">
                  {step.title[language] ?? step.title.en ?? step.id}{' '}
                  <code className="step-id">{step.id}</code>
                </th>
                <td>{step.actor}</td>
                <td>{step.deadlineDays}</td>
                <td>{step.automatic ? t('yes') : t('no')}</td>
                <td>{step.conventionArticle ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4 id={`${id}-matched`}>{t('outcomeMatchedRows')}</h4>
      {outcome.matchedRows.length === 0 ? (
        <p>{t('outcomeNoRows')}</p>
      ) : (
        <ul aria-labelledby={`${id}-matched`}>
          {outcome.matchedRows.map((match) => (
            <li key={match.tableId}>
              <code>{match.tableId}</code>: {match.rowIds.length === 0 ? '—' : match.rowIds.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A kind of evidence by its name when the form gives one, and always by its code. */
export function EvidenceName({ code, labels }: { code: string; labels: Record<string, string> }) {
  return labels[code] ? (
    <>
      {labels[code]} <code className="step-id">{code}</code>
    </>
  ) : (
    <code>{code}</code>
  );
}
