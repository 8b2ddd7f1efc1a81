import { useCallback, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../api/client';
import type { Application, Permit, ReplacementReason } from '../api/types';
import type { MessageKey } from '../messages';
import { useI18n, type I18n } from '../i18n';
import { mayDo } from '../navigation';
import {
  applicationShowsPermit,
  blockLabel,
  blockNames,
  localIsoDate,
  quantityIndexOf,
  readQuantities,
  replacementProblems,
  replacementReasonLabel,
  replacementReasons,
  type BlockName,
  type QuantityProblem,
} from '../permits';
import { useSession, type Session } from '../session';
import { ProblemText, SelectField, TextAreaField, TextField } from './forms';
import { LoadedView } from './LoadedView';
import { PermitDocuments } from './PermitDocuments';
import { Alert } from './Status';
import { useLoad } from './useLoad';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const permitStatusKeys: Record<Permit['status'], MessageKey> = {
  valid: 'permitStatusValid',
  endorsed: 'statusEndorsed',
  used: 'statusUsed',
  expired: 'statusExpired',
  cancelled: 'statusCancelled',
  replaced: 'permitStatusReplaced',
};

/** What a form hands over when the server accepted it: the permit it answered, and when it has settled. */
type Changed = (answer: Permit, settled: (permit: Permit) => boolean) => Promise<void>;

/** Settled once the lifecycle recorded the change: the status is no longer what it was. */
const movedOn = (before: Permit['status']) => (permit: Permit) => permit.status !== before;

/**
 * The application's current permit (a replacement's, once the first was replaced): its number,
 * status and validity, what it authorises per block, its documents and where anyone can check it,
 * and what happened to it since; with customs' endorsement form and the Management Authority's
 * replacement, cancellation and import confirmation, for the roles that do them.
 */
export function PermitBox({
  application,
  refresh,
}: {
  application: Application;
  refresh(): Promise<Application>;
}) {
  const { t } = useI18n();
  const { api, user } = useSession();
  // The current permit: a replacement's once the first was replaced.
  const permitId = application.permitId ?? application.id;
  // Read again whenever the application moves on.
  const { state, reload, replace } = useLoad(
    () => api.getPermit(permitId),
    `${permitId} ${application.status}`,
  );
  const names = blockNames(application.data);
  // The lifecycle records the change a moment after it accepts it: the permit is read again until
  // it has settled (or a few seconds pass), then the application until it shows that permit.
  const changed = useCallback<Changed>(
    async (answer, settled) => {
      let permit = answer;
      for (let attempt = 0; !settled(permit) && attempt < 20; attempt++) {
        await pause(500);
        permit = await api.getPermit(answer.id).catch(() => permit);
      }
      replace(permit);
      let fresh = await refresh().catch(() => undefined);
      for (let attempt = 0; fresh && !applicationShowsPermit(fresh, permit) && attempt < 20; attempt++) {
        await pause(500);
        fresh = await refresh().catch(() => fresh);
      }
    },
    [api, replace, refresh],
  );

  return (
    <section className="card permit-box" aria-labelledby="permit-heading" data-testid="permit">
      <h3 id="permit-heading">{t('permitTitle')}</h3>
      <LoadedView state={state} reload={reload} loadingLabel={t('permitLoading')}>
        {(permit) => (
          <>
            <PermitFacts permit={permit} names={names} />
            <PermitDocuments permit={permit} />
            {permit.replaces && <EarlierPermit replaces={permit.replaces} names={names} />}
            {permit.status === 'valid' && mayDo(user.roles, 'endorsePermits') && (
              <EndorseForm key={permit.id} permit={permit} names={names} changed={changed} />
            )}
            {permit.status === 'valid' && mayDo(user.roles, 'managePermits') && (
              <>
                <ReplaceForm key={`replace ${permit.id}`} permit={permit} changed={changed} />
                <CancelForm key={`cancel ${permit.id}`} permit={permit} changed={changed} />
              </>
            )}
            {permit.status === 'endorsed' && mayDo(user.roles, 'managePermits') && (
              <ImportForm key={permit.id} permit={permit} names={names} changed={changed} />
            )}
          </>
        )}
      </LoadedView>
    </section>
  );
}

/** The permit a replacement replaced, read when the reader opens it: its status says replaced, and by which. */
function EarlierPermit({
  replaces,
  names,
}: {
  replaces: NonNullable<Permit['replaces']>;
  names: readonly BlockName[];
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="earlier-permit"
      data-testid="earlier-permit"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('permitEarlier', { number: replaces.number })}</summary>
      {open && (
        <div className="earlier-permit-facts">
          <EarlierPermitFacts permitId={replaces.permitId} names={names} />
        </div>
      )}
    </details>
  );
}

function EarlierPermitFacts({ permitId, names }: { permitId: string; names: readonly BlockName[] }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.getPermit(permitId), permitId);
  return (
    <LoadedView state={state} reload={reload} loadingLabel={t('permitLoading')}>
      {(permit) => <PermitFacts permit={permit} names={names} />}
    </LoadedView>
  );
}

function PermitFacts({ permit, names }: { permit: Permit; names: readonly BlockName[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const blockName = (index: number) => blockLabel(names, index, (n) => t('permitBlock', { n }));
  const { endorsement, importConfirmation, cancellation, replaces, replacedBy } = permit;
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
        {replacedBy && (
          <dd data-testid="permit-replaced-by">{t('permitReplacedBy', { number: replacedBy.number })}</dd>
        )}
        <dt>{t('permitValidity')}</dt>
        <dd>{t('permitValidityRange', { from: permit.validFrom, until: permit.validUntil })}</dd>
        {replaces && (
          <>
            <dt>{t('permitReplacement')}</dt>
            <dd className="timeline-text" data-testid="permit-replaces">
              {replaces.explanation?.trim()
                ? t('permitReplacesExplained', {
                    number: replaces.number,
                    reason: replacementReasonLabel(replaces.reason, t),
                    explanation: replaces.explanation.trim(),
                  })
                : t('permitReplaces', {
                    number: replaces.number,
                    reason: replacementReasonLabel(replaces.reason, t),
                  })}
            </dd>
          </>
        )}
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

/** One field per block, prefilled with its limit, never above it. */
function QuantityFields({
  idPrefix,
  labelKey,
  quantities,
  names,
  disabled,
}: {
  idPrefix: string;
  labelKey: MessageKey;
  quantities: Quantities;
  names: readonly BlockName[];
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { limits, typed, setTyped, errors } = quantities;
  return (
    <>
      {limits.map((limit, index) => (
        <TextField
          key={index}
          id={`${idPrefix}-quantity-${index}`}
          data-testid={`${idPrefix}-quantity-${index}`}
          label={t(labelKey, { species: blockLabel(names, index, (n) => t('permitBlock', { n })) })}
          hint={t('quantityAtMost', { max: limit })}
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

type Quantities = ReturnType<typeof useQuantities>;

/** The quantities typed per block, prefilled with and checked against `limits`; per-block messages, or the numbers. */
function useQuantities(limits: readonly number[]) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(() => limits.map(String));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const check = (): number[] | undefined => {
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
  return { limits, typed, setTyped, errors, check, place };
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

interface PermitAction {
  t: I18n['t'];
  api: Session['api'];
  /** The form's own id, to derive its fields' ids from. */
  id: string;
  busy: boolean;
  error: unknown;
  alertRef: RefObject<HTMLDivElement | null>;
  /**
   * Sends the action; on success waits for the permit to settle and says `done` (given the permit
   * that answered); on failure shows the problem and hands it to `onError` to place at fields.
   */
  run(
    send: () => Promise<Permit>,
    settled: (permit: Permit) => boolean,
    done: (permit: Permit) => string,
    onError?: (error: unknown) => void,
  ): Promise<void>;
}

/** What every action on the permit needs, and the submit, busy and error handling they share. */
function usePermitAction(changed: Changed): PermitAction {
  const { t } = useI18n();
  const { api, announce } = useSession();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const run: PermitAction['run'] = async (send, settled, done, onError) => {
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
    await changed(permit, settled);
    announce(window.location.pathname, done(permit));
    setBusy(false);
  };
  return { t, api, id, busy, error, alertRef, run };
}

/**
 * One action on the permit as a form: its title and lead, the problem of the last attempt (the
 * action's own words for 409 and 422), its fields, and the submit button with a spinner while busy.
 * Test ids are `<name>-form`, `<name>-problem` and `<name>-submit`.
 */
function PermitActionForm({
  name,
  action,
  title,
  lead,
  conflict,
  invalid,
  submit,
  busyLabel,
  danger,
  onSubmit,
  children,
}: {
  name: string;
  action: PermitAction;
  title: string;
  lead?: string;
  conflict: MessageKey;
  invalid?: MessageKey;
  submit: string;
  busyLabel?: string;
  danger?: boolean;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  const { id } = action;
  return (
    <form
      className="permit-action"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid={`${name}-form`}
    >
      <h4 id={`${id}-title`}>{title}</h4>
      {lead && <p className="hint">{lead}</p>}
      <div ref={action.alertRef} tabIndex={-1} data-testid={`${name}-problem`}>
        {action.error !== null && (
          <Alert>
            <ActionProblem error={action.error} conflict={conflict} invalid={invalid} />
          </Alert>
        )}
      </div>
      {children}
      <div className="actions">
        <button
          type="submit"
          className={danger ? 'secondary danger' : undefined}
          disabled={action.busy}
          data-testid={`${name}-submit`}
        >
          {action.busy && <span className="spinner" aria-hidden="true" />}
          {action.busy && busyLabel ? busyLabel : submit}
        </button>
      </div>
    </form>
  );
}

/** The server's message about one field of the body, if it named that field. */
const fieldMessage = (failure: unknown, field: string): string | undefined =>
  failure instanceof ApiError ? failure.fieldMessages()[field] : undefined;

function EndorseForm({
  permit,
  names,
  changed,
}: {
  permit: Permit;
  names: readonly BlockName[];
  changed: Changed;
}) {
  const quantities = useQuantities(permit.authorisedQuantities);
  const [port, setPort] = useState('');
  const [date, setDate] = useState(() => localIsoDate());
  const [billOfLading, setBillOfLading] = useState('');
  const [portError, setPortError] = useState<string | undefined>();
  const [dateError, setDateError] = useState<string | undefined>();
  const action = usePermitAction(changed);
  const { t, api, id } = action;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = quantities.check();
    const portText = port.trim();
    setPortError(portText.length >= 2 ? undefined : t('portRequired'));
    setDateError(/^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : t('dateRequired'));
    if (!values || portText.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    void action.run(
      () =>
        api.endorsePermit(permit.id, {
          quantities: values,
          port: portText,
          date,
          ...(billOfLading.trim() ? { billOfLading: billOfLading.trim() } : {}),
        }),
      movedOn(permit.status),
      () => t('endorseDone'),
      (failure) => quantities.place(failure),
    );
  };

  return (
    <PermitActionForm
      name="endorse"
      action={action}
      title={t('endorseTitle')}
      lead={t('endorseLead')}
      conflict="endorseConflict"
      invalid="endorseTooMany"
      submit={t('endorseButton')}
      busyLabel={t('endorseSending')}
      onSubmit={submit}
    >
      <QuantityFields
        idPrefix="endorse"
        labelKey="endorseQuantity"
        quantities={quantities}
        names={names}
        disabled={action.busy}
      />
      <TextField
        id={`${id}-port`}
        data-testid="endorse-port"
        label={t('endorsePort')}
        error={portError}
        value={port}
        maxLength={100}
        autoComplete="off"
        disabled={action.busy}
        onChange={(event) => setPort(event.target.value)}
      />
      <TextField
        id={`${id}-date`}
        data-testid="endorse-date"
        type="date"
        label={t('endorseDate')}
        error={dateError}
        value={date}
        disabled={action.busy}
        onChange={(event) => setDate(event.target.value)}
      />
      <TextField
        id={`${id}-bill`}
        data-testid="endorse-bill"
        label={t('endorseBillOfLading')}
        value={billOfLading}
        maxLength={100}
        autoComplete="off"
        disabled={action.busy}
        onChange={(event) => setBillOfLading(event.target.value)}
      />
    </PermitActionForm>
  );
}

function CancelForm({ permit, changed }: { permit: Permit; changed: Changed }) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const action = usePermitAction(changed);
  const { t, api, id } = action;
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
    void action.run(
      () => api.cancelPermit(permit.id, text),
      movedOn(permit.status),
      () => t('cancelPermitDone'),
      (failure) => setReasonError(fieldMessage(failure, 'reason')),
    );
  };

  return (
    <PermitActionForm
      name="cancel"
      action={action}
      title={t('cancelPermitTitle')}
      conflict="cancelPermitConflict"
      submit={t('cancelPermitButton')}
      danger
      onSubmit={submit}
    >
      <TextAreaField
        ref={reasonRef}
        id={`${id}-reason`}
        data-testid="cancel-reason"
        label={t('cancelPermitReason')}
        error={reasonError}
        rows={2}
        maxLength={2000}
        required
        value={reason}
        disabled={action.busy}
        onChange={(event) => setReason(event.target.value)}
      />
    </PermitActionForm>
  );
}

/**
 * The Management Authority replaces a valid permit the holder lost, or had stolen or destroyed:
 * the answer is the new permit, which the box then shows.
 */
function ReplaceForm({ permit, changed }: { permit: Permit; changed: Changed }) {
  const [reason, setReason] = useState<ReplacementReason | ''>('');
  const [explanation, setExplanation] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [explanationError, setExplanationError] = useState<string | undefined>();
  const action = usePermitAction(changed);
  const { t, api, id } = action;
  const reasonRef = useRef<HTMLSelectElement>(null);
  const explanationRef = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = replacementProblems(reason, explanation);
    setReasonError(problems.includes('reasonRequired') ? t('replaceReasonRequired') : undefined);
    setExplanationError(
      problems.includes('explanationRequired')
        ? t('replaceExplanationRequired')
        : problems.includes('explanationTooLong')
          ? t('replaceExplanationTooLong')
          : undefined,
    );
    if (problems.length > 0 || !reason) {
      (problems.includes('reasonRequired') ? reasonRef : explanationRef).current?.focus();
      return;
    }
    const text = explanation.trim();
    void action.run(
      () => api.replacePermit(permit.id, { reason, ...(text ? { explanation: text } : {}) }),
      // The answer is the new permit, valid from the start.
      () => true,
      (replacement) => t('replaceDone', { number: replacement.number }),
      (failure) => {
        setReasonError(fieldMessage(failure, 'reason'));
        setExplanationError(fieldMessage(failure, 'explanation'));
      },
    );
  };

  return (
    <PermitActionForm
      name="replace"
      action={action}
      title={t('replaceTitle')}
      lead={t('replaceLead')}
      conflict="replaceConflict"
      invalid="replaceInvalid"
      submit={t('replaceButton')}
      busyLabel={t('replaceSending')}
      onSubmit={submit}
    >
      <SelectField
        ref={reasonRef}
        id={`${id}-reason`}
        data-testid="replace-reason"
        label={t('replaceReason')}
        error={reasonError}
        required
        value={reason}
        disabled={action.busy}
        onChange={(event) => setReason(event.target.value as ReplacementReason | '')}
      >
        <option value="">{t('replaceReasonChoose')}</option>
        {replacementReasons.map((value) => (
          <option key={value} value={value}>
            {replacementReasonLabel(value, t)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        ref={explanationRef}
        id={`${id}-explanation`}
        data-testid="replace-explanation"
        label={t('replaceExplanation')}
        hint={t('replaceExplanationHint')}
        error={explanationError}
        rows={2}
        maxLength={500}
        required={reason === 'other'}
        value={explanation}
        disabled={action.busy}
        onChange={(event) => setExplanation(event.target.value)}
      />
    </PermitActionForm>
  );
}

function ImportForm({
  permit,
  names,
  changed,
}: {
  permit: Permit;
  names: readonly BlockName[];
  changed: Changed;
}) {
  // What was received cannot be more than what left; without an endorsement, what was authorised.
  const limits = permit.endorsement?.quantities ?? permit.authorisedQuantities;
  const quantities = useQuantities(limits);
  const action = usePermitAction(changed);
  const { t, api } = action;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = quantities.check();
    if (!values) return;
    void action.run(
      () => api.confirmImport(permit.id, values),
      movedOn(permit.status),
      () => t('importDone'),
      (failure) => quantities.place(failure),
    );
  };

  return (
    <PermitActionForm
      name="import"
      action={action}
      title={t('importTitle')}
      lead={t('importLead')}
      conflict="importConflict"
      submit={t('importButton')}
      onSubmit={submit}
    >
      <QuantityFields
        idPrefix="import"
        labelKey="importQuantity"
        quantities={quantities}
        names={names}
        disabled={action.busy}
      />
    </PermitActionForm>
  );
}
