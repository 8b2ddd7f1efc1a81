import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Application, Permit } from '../api/types';
import type { MessageKey } from '../messages';
import { useI18n } from '../i18n';
import { mayDo } from '../navigation';
import {
  blockLabel,
  blockNames,
  localIsoDate,
  quantityIndexOf,
  readQuantities,
  type BlockName,
  type QuantityProblem,
} from '../permits';
import { useSession } from '../session';
import { ProblemText, TextField } from './forms';
import { Alert, Loading } from './Status';
import { useLoad } from './useLoad';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const permitStatusKeys: Record<Permit['status'], MessageKey> = {
  valid: 'permitStatusValid',
  endorsed: 'statusEndorsed',
  used: 'statusUsed',
  expired: 'statusExpired',
  cancelled: 'statusCancelled',
};

/**
 * The permit issued for an application: its number, status and validity, what it authorises per
 * block, and what happened to it since; with customs' endorsement form and the Management
 * Authority's cancellation and import confirmation, for the roles that do them.
 */
export function PermitBox({
  application,
  refresh,
}: {
  application: Application;
  refresh(): Promise<Application>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, user } = useSession();
  // Read again whenever the application moves on.
  const { state, reload, replace } = useLoad(
    () => api.getPermit(application.id),
    `${application.id} ${application.status}`,
  );
  const names = blockNames(application.data);
  // The lifecycle records the change a moment after it accepts it: the permit is read again until
  // its status moves on (or a few seconds pass), then the application with it.
  const changed = useCallback(
    async (answer: Permit, before: Permit['status']) => {
      let permit = answer;
      for (let attempt = 0; permit.status === before && attempt < 20; attempt++) {
        await pause(500);
        permit = await api.getPermit(application.id).catch(() => permit);
      }
      replace(permit);
      await refresh().catch(() => undefined);
    },
    [api, application.id, replace, refresh],
  );

  return (
    <section className="card permit-box" aria-labelledby="permit-heading" data-testid="permit">
      <h3 id="permit-heading">{t('permitTitle')}</h3>
      {state.kind === 'loading' && <Loading label={t('permitLoading')} />}
      {state.kind === 'failed' && (
        <Alert>
          <ProblemText error={state.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reload}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {state.kind === 'loaded' && (
        <>
          <PermitFacts permit={state.value} names={names} />
          {state.value.status === 'valid' && mayDo(user.roles, 'endorsePermits') && (
            <EndorseForm permit={state.value} names={names} changed={changed} />
          )}
          {state.value.status === 'valid' && mayDo(user.roles, 'managePermits') && (
            <CancelForm permit={state.value} changed={changed} />
          )}
          {state.value.status === 'endorsed' && mayDo(user.roles, 'managePermits') && (
            <ImportForm permit={state.value} names={names} changed={changed} />
          )}
        </>
      )}
    </section>
  );
}

function PermitFacts({ permit, names }: { permit: Permit; names: readonly BlockName[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const blockName = (index: number) => blockLabel(names, index, (n) => t('permitBlock', { n }));
  const { endorsement, importConfirmation, cancellation } = permit;
  return (
    <>
      <dl className="facts">
        <dt>{t('permitNumber')}</dt>
        <dd>
          <code data-testid="permit-box-number">{permit.number}</code>
        </dd>
        <dt>{t('permitStatus')}</dt>
        <dd data-testid="permit-status" data-status={permit.status}>
          <span className={`badge permit-status-${permit.status}`}>{t(permitStatusKeys[permit.status])}</span>
        </dd>
        <dt>{t('permitValidity')}</dt>
        <dd>{t('permitValidityRange', { from: permit.validFrom, until: permit.validUntil })}</dd>
        {endorsement && (
          <>
            <dt>{t('permitEndorsement')}</dt>
            <dd data-testid="permit-endorsement">
              {t('permitPort')}: {endorsement.port}
              <br />
              {t('permitDate')}: {endorsement.date}
              {endorsement.billOfLading && (
                <>
                  <br />
                  {t('permitBillOfLading')}: {endorsement.billOfLading}
                </>
              )}
              {endorsement.by && (
                <>
                  <br />
                  {t('permitBy')}: {endorsement.by}
                </>
              )}
            </dd>
          </>
        )}
        {cancellation && (
          <>
            <dt>{t('permitCancellation')}</dt>
            <dd className="timeline-text" data-testid="permit-cancellation">
              {cancellation.reason}
            </dd>
          </>
        )}
        {permit.nonDetrimentFindingIds && permit.nonDetrimentFindingIds.length > 0 && (
          <>
            <dt>{t('permitFindings')}</dt>
            <dd>{permit.nonDetrimentFindingIds.join(', ')}</dd>
          </>
        )}
      </dl>
      <div className="table-scroll">
        <table data-testid="permit-quantities">
          <caption>{t('permitQuantities')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('permitSpecies')}</th>
              <th scope="col">{t('permitAuthorised')}</th>
              {endorsement && <th scope="col">{t('permitExported')}</th>}
              {importConfirmation && <th scope="col">{t('permitReceived')}</th>}
            </tr>
          </thead>
          <tbody>
            {permit.authorisedQuantities.map((quantity, index) => (
              <tr key={index}>
                <th scope="row">
                  <em>{blockName(index)}</em>
                </th>
                <td>
                  {quantity}
                  {names[index]?.unit ? ` ${names[index].unit}` : ''}
                </td>
                {endorsement && <td>{endorsement.quantities[index] ?? '—'}</td>}
                {importConfirmation && <td>{importConfirmation.quantities[index] ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const quantityMessages: Record<QuantityProblem, MessageKey> = {
  required: 'quantityRequired',
  invalid: 'quantityInvalid',
  tooMany: 'quantityTooMany',
};

/** One field per block, prefilled with what is authorised, never above it. */
function QuantityFields({
  idPrefix,
  labelKey,
  permit,
  names,
  typed,
  setTyped,
  errors,
  disabled,
}: {
  idPrefix: string;
  labelKey: MessageKey;
  permit: Permit;
  names: readonly BlockName[];
  typed: string[];
  setTyped(values: string[]): void;
  errors: Record<number, string>;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {permit.authorisedQuantities.map((authorised, index) => (
        <TextField
          key={index}
          id={`${idPrefix}-quantity-${index}`}
          data-testid={`${idPrefix}-quantity-${index}`}
          label={t(labelKey, { species: blockLabel(names, index, (n) => t('permitBlock', { n })) })}
          hint={t('quantityAtMost', { max: authorised })}
          error={errors[index]}
          inputMode="decimal"
          autoComplete="off"
          className="quantity-input"
          value={typed[index] ?? ''}
          disabled={disabled}
          onChange={(event) =>
            setTyped(typed.map((value, at) => (at === index ? event.target.value : value)))
          }
        />
      ))}
    </>
  );
}

/** Checks the typed quantities; per-block messages, or the numbers. */
function useQuantities(permit: Permit) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(() => permit.authorisedQuantities.map(String));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const check = (limits: readonly number[]): number[] | undefined => {
    const read = readQuantities(typed, limits);
    const messages: Record<number, string> = {};
    for (const [index, problem] of Object.entries(read.problems)) {
      messages[Number(index)] = t(quantityMessages[problem], { max: limits[Number(index)] ?? 0 });
    }
    setErrors(messages);
    return read.values;
  };
  /** Places the server's problems about `/quantities/N` at their fields; true if any was. */
  const place = (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const messages: Record<number, string> = {};
    for (const problem of error.errors) {
      const index = quantityIndexOf(problem.path);
      if (index !== undefined && !(index in messages)) messages[index] = problem.message;
    }
    setErrors(messages);
    return Object.keys(messages).length > 0;
  };
  return { typed, setTyped, errors, check, place };
}

/** What an action's failure says: the action's own words for 409 and 422, the server's detail beside. */
function ActionProblem({
  error,
  conflict,
  invalid,
}: {
  error: unknown;
  conflict: MessageKey;
  invalid?: MessageKey;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (error instanceof ApiError && (error.status === 409 || (invalid && error.status === 422))) {
    return (
      <>
        {t(error.status === 409 ? conflict : invalid!)}
        {error.detail && <span className="problem-detail">{error.detail}</span>}
      </>
    );
  }
  return <ProblemText error={error} i18n={i18n} />;
}

function useAction(changed: (permit: Permit, before: Permit['status']) => Promise<void>) {
  const { announce } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const run = async (
    before: Permit['status'],
    send: () => Promise<Permit>,
    done: string,
    onError?: (error: unknown) => void,
  ) => {
    setBusy(true);
    setError(null);
    let permit: Permit;
    try {
      permit = await send();
    } catch (failure) {
      setBusy(false);
      setError(failure);
      onError?.(failure);
      window.setTimeout(() => {
        alertRef.current?.focus();
        alertRef.current?.scrollIntoView({ block: 'nearest' });
      });
      return;
    }
    await changed(permit, before);
    announce(window.location.pathname, done);
    setBusy(false);
  };
  return { busy, error, alertRef, run };
}

function EndorseForm({
  permit,
  names,
  changed,
}: {
  permit: Permit;
  names: readonly BlockName[];
  changed(permit: Permit, before: Permit['status']): Promise<void>;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const quantities = useQuantities(permit);
  const [port, setPort] = useState('');
  const [date, setDate] = useState(() => localIsoDate());
  const [billOfLading, setBillOfLading] = useState('');
  const [portError, setPortError] = useState<string | undefined>();
  const [dateError, setDateError] = useState<string | undefined>();
  const { busy, error, alertRef, run } = useAction(changed);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = quantities.check(permit.authorisedQuantities);
    const portText = port.trim();
    setPortError(portText.length >= 2 ? undefined : t('portRequired'));
    setDateError(/^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : t('dateRequired'));
    if (!values || portText.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    void run(
      permit.status,
      () =>
        api.endorsePermit(permit.id, {
          quantities: values,
          port: portText,
          date,
          ...(billOfLading.trim() ? { billOfLading: billOfLading.trim() } : {}),
        }),
      t('endorseDone'),
      (failure) => quantities.place(failure),
    );
  };

  return (
    <form
      className="permit-action"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="endorse-form"
    >
      <h4 id={`${id}-title`}>{t('endorseTitle')}</h4>
      <p className="hint">{t('endorseLead')}</p>
      <div ref={alertRef} tabIndex={-1} data-testid="endorse-problem">
        {error !== null && (
          <Alert>
            <ActionProblem error={error} conflict="endorseConflict" invalid="endorseTooMany" />
          </Alert>
        )}
      </div>
      <QuantityFields
        idPrefix="endorse"
        labelKey="endorseQuantity"
        permit={permit}
        names={names}
        typed={quantities.typed}
        setTyped={quantities.setTyped}
        errors={quantities.errors}
        disabled={busy}
      />
      <TextField
        id={`${id}-port`}
        data-testid="endorse-port"
        label={t('endorsePort')}
        error={portError}
        value={port}
        maxLength={100}
        autoComplete="off"
        disabled={busy}
        onChange={(event) => setPort(event.target.value)}
      />
      <TextField
        id={`${id}-date`}
        data-testid="endorse-date"
        type="date"
        label={t('endorseDate')}
        error={dateError}
        value={date}
        disabled={busy}
        onChange={(event) => setDate(event.target.value)}
      />
      <TextField
        id={`${id}-bill`}
        data-testid="endorse-bill"
        label={t('endorseBillOfLading')}
        value={billOfLading}
        maxLength={100}
        autoComplete="off"
        disabled={busy}
        onChange={(event) => setBillOfLading(event.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="endorse-submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('endorseSending') : t('endorseButton')}
        </button>
      </div>
    </form>
  );
}

function CancelForm({
  permit,
  changed,
}: {
  permit: Permit;
  changed(permit: Permit, before: Permit['status']): Promise<void>;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { busy, error, alertRef, run } = useAction(changed);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setReasonError(t('cancelPermitReasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    void run(
      permit.status,
      () => api.cancelPermit(permit.id, text),
      t('cancelPermitDone'),
      (failure) => {
        const message = failure instanceof ApiError ? failure.fieldMessages().reason : undefined;
        if (message) setReasonError(message);
      },
    );
  };

  return (
    <form
      className="permit-action"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="cancel-form"
    >
      <h4 id={`${id}-title`}>{t('cancelPermitTitle')}</h4>
      <div ref={alertRef} tabIndex={-1}>
        {error !== null && (
          <Alert>
            <ActionProblem error={error} conflict="cancelPermitConflict" />
          </Alert>
        )}
      </div>
      <div className={reasonError ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-reason`}>{t('cancelPermitReason')}</label>
        {reasonError && (
          <p className="field-error" id={`${id}-reason-error`}>
            {reasonError}
          </p>
        )}
        <textarea
          ref={reasonRef}
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          required
          value={reason}
          disabled={busy}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="danger" disabled={busy} data-testid="cancel-submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {t('cancelPermitButton')}
        </button>
      </div>
    </form>
  );
}

function ImportForm({
  permit,
  names,
  changed,
}: {
  permit: Permit;
  names: readonly BlockName[];
  changed(permit: Permit, before: Permit['status']): Promise<void>;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const quantities = useQuantities(permit);
  const { busy, error, alertRef, run } = useAction(changed);
  // What was received cannot be more than what left; without an endorsement, what was authorised.
  const limits = permit.endorsement?.quantities ?? permit.authorisedQuantities;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = quantities.check(limits);
    if (!values) return;
    void run(
      permit.status,
      () => api.confirmImport(permit.id, values),
      t('importDone'),
      (failure) => quantities.place(failure),
    );
  };

  return (
    <form
      className="permit-action"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="import-form"
    >
      <h4 id={`${id}-title`}>{t('importTitle')}</h4>
      <p className="hint">{t('importLead')}</p>
      <div ref={alertRef} tabIndex={-1}>
        {error !== null && (
          <Alert>
            <ActionProblem error={error} conflict="importConflict" />
          </Alert>
        )}
      </div>
      <QuantityFields
        idPrefix="import"
        labelKey="importQuantity"
        permit={{ ...permit, authorisedQuantities: limits }}
        names={names}
        typed={quantities.typed}
        setTyped={quantities.setTyped}
        errors={quantities.errors}
        disabled={busy}
      />
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="import-submit">
          {busy && <span className="spinner" aria-hidden="true" />}
          {t('importButton')}
        </button>
      </div>
    </form>
  );
}
