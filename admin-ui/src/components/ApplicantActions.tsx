import type { ErrorSchema } from '@rjsf/utils';
import { useId, useRef, useState } from 'react';
import { ApiError, type FieldProblem } from '../api/client';
import type { Application, FormVersion, JsonObject } from '../api/types';
import { errorSchemaFrom } from '../forms/problem-fields';
import { pruneEmpty } from '../forms/prune-empty';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { informationAskedFor } from '../timeline';
import { describedBy, ErrorSummary, ProblemText } from './forms';
import { SchemaForm } from './SchemaForm';
import { Alert, Loading } from './Status';
import type { Loaded } from './useLoad';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads the application again until `moved` says the workflow has recorded the change (or a few
 * seconds pass): the server accepts a change a moment before the page can read it.
 */
async function refreshUntil(
  refresh: () => Promise<Application>,
  moved: (application: Application) => boolean,
): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const fresh = await refresh().catch(() => undefined);
    if (fresh && moved(fresh)) return;
    await pause(500);
  }
}

/**
 * What the officer asked for, and the filed form on the version it was filed under, to amend and
 * send back. Problems the server finds show at their fields, as when applying.
 */
export function MoreInformationPanel({
  application,
  version,
  reloadVersion,
  refresh,
}: {
  application: Application;
  version: Loaded<FormVersion | null>;
  reloadVersion(): void;
  refresh(): Promise<Application>;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api, announce } = useSession();
  const asked = informationAskedFor(application);
  const [data, setData] = useState<JsonObject>(application.data);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>(undefined);
  const [elsewhere, setElsewhere] = useState<FieldProblem[]>([]);

  const send = async (formData: JsonObject) => {
    setBusy(true);
    setFailure(null);
    setExtraErrors(undefined);
    setElsewhere([]);
    try {
      await api.amendApplication(application.id, pruneEmpty(formData), language);
      announce(window.location.pathname, t('amendSent'));
      await refreshUntil(refresh, (fresh) => fresh.status !== 'more-information-requested');
    } catch (error) {
      const placed =
        error instanceof ApiError && error.errors.length > 0 ? errorSchemaFrom(error.errors) : null;
      setExtraErrors(placed?.errorSchema);
      setElsewhere(placed?.elsewhere ?? []);
      const onlyFields = placed !== null && placed.elsewhere.length === 0;
      setFailure(onlyFields ? null : error);
      window.setTimeout(() => {
        const target = document.getElementById(onlyFields ? 'amend-form' : 'amend-errors');
        target?.focus();
        target?.scrollIntoView({ block: 'start' });
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="card more-information"
      aria-labelledby="more-information-heading"
      data-testid="more-information"
    >
      <div className="notice" data-testid="information-asked">
        <h3 id="more-information-heading" className="alert-title">
          {t('moreInfoTitle')}
        </h3>
        {asked && (
          <>
            <p>{t('moreInfoAsked')}</p>
            <p className="timeline-text asked-for">{asked}</p>
          </>
        )}
      </div>
      <h4>{t('amendTitle')}</h4>
      {version.kind === 'loading' && <Loading label={t('loadingForm')} />}
      {version.kind === 'failed' && (
        <Alert>
          <ProblemText error={version.error} i18n={i18n} />{' '}
          <button type="button" className="secondary" onClick={reloadVersion}>
            {t('retry')}
          </button>
        </Alert>
      )}
      {version.kind === 'loaded' && !version.value && <p>{t('filedDataRaw')}</p>}
      {version.kind === 'loaded' && version.value && (
        <>
          <p className="hint">{t('amendLead', { version: version.value.version })}</p>
          {failure !== null && (
            <div id="amend-errors" tabIndex={-1}>
              <ErrorSummary
                id="amend-error-summary"
                title={t('thereIsAProblem')}
                message={<ProblemText error={failure} i18n={i18n} />}
                fields={elsewhere.map((problem) => ({
                  id: 'amend-form',
                  label: problem.path,
                  message: problem.message,
                }))}
              />
            </div>
          )}
          <div id="amend-form" tabIndex={-1} aria-busy={busy} data-testid="amend-form">
            <SchemaForm
              schema={version.value.schema}
              uiSchema={version.value.uiSchema}
              translations={version.value.translations}
              language={language}
              formData={data}
              onChange={setData}
              onSubmit={(formData) => void send(formData)}
              extraErrors={extraErrors}
              idPrefix="amend"
            >
              <div className="actions">
                <button type="submit" disabled={busy} data-testid="amend-send">
                  {busy && <span className="spinner" aria-hidden="true" />}
                  {busy ? t('amendSending') : t('amendSend')}
                </button>
              </div>
            </SchemaForm>
          </div>
        </>
      )}
    </section>
  );
}

/** The applicant withdraws an undecided application, optionally saying why, after confirming. */
export function WithdrawPanel({
  application,
  refresh,
}: {
  application: Application;
  refresh(): Promise<Application>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, announce } = useSession();
  const id = useId();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.withdrawApplication(application.id, reason.trim() || undefined);
      announce(window.location.pathname, t('withdrawDone'));
      await refreshUntil(refresh, (fresh) => fresh.status === 'withdrawn');
    } catch (failure) {
      setError(failure);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="withdraw">
      <h3 id={`${id}-title`}>{t('withdrawTitle')}</h3>
      <p className="hint">{t('withdrawLead')}</p>
      {error !== null && (
        <Alert>
          <ProblemText error={error} i18n={i18n} />
        </Alert>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('withdrawReason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          disabled={busy}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {!confirming && (
        <div className="actions">
          <button
            type="button"
            className="secondary danger"
            data-testid="withdraw-start"
            onClick={() => {
              setConfirming(true);
              window.setTimeout(() => confirmRef.current?.focus());
            }}
          >
            {t('withdrawButton')}
          </button>
        </div>
      )}
      {confirming && (
        <div
          className="alert confirm"
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
          tabIndex={-1}
          ref={confirmRef}
        >
          <p id={`${id}-confirm`} className="alert-title">
            {t('withdrawConfirm')}
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              data-testid="withdraw-confirm"
              aria-describedby={describedBy(`${id}-confirm`)}
              onClick={() => void withdraw()}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {t('withdrawConfirmButton')}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('withdrawKeep')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
