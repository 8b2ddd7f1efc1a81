import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { PermitVerification } from '../api/types';
import { applicationIdOf, mayEndorse, verificationTokenOf } from '../border-check';
import { BorderEndorsementForm } from '../components/BorderEndorsementForm';
import { ProblemText, TextField } from '../components/forms';
import { Link } from '../components/Link';
import { PermitCheckView } from '../components/PermitCheckView';
import { QrScanner } from '../components/QrScanner';
import { Alert, Loading, Success } from '../components/Status';
import { useI18n } from '../i18n';
import { navigate } from '../location';
import { useSession } from '../session';

/** What the check of one code came to. */
type Check =
  | { kind: 'none' }
  | { kind: 'checking'; token: string }
  | { kind: 'found'; token: string; view: PermitVerification }
  | { kind: 'unknown'; token: string }
  | { kind: 'failed'; token: string; error: unknown };

/** What became of the endorsement sent from this page. */
type Outcome = { kind: 'endorsed'; number: string } | { kind: 'refused'; error: ApiError };

/** How long, and how often, to read the permit again after an endorsement: its record follows a moment later. */
const settleTries = 20;
const settleEveryMs = 500;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The code the page was opened with (the verification page links here with `?token=`), as given. */
function codeInAddress(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

/**
 * The border check, for customs officers with a phone: scan a permit's QR code or type its code,
 * see at once whether it is valid and authentic and what it covers, and endorse the export with
 * the quantities that actually leave.
 */
export function BorderCheckPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const [typed, setTyped] = useState(codeInAddress);
  const [codeError, setCodeError] = useState<string | undefined>();
  const [check, setCheck] = useState<Check>({ kind: 'none' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const round = useRef(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  /**
   * Checks a code, and moves the officer to the answer. `quietly` keeps the answer on screen while
   * it is read again (after an endorsement), until `settled` says the record has caught up if asked
   * to wait for it; the officer is moved to it only when `reveal` asks.
   */
  const verify = useCallback(
    async (
      token: string,
      options: { quietly?: boolean; reveal?: boolean; settled?: (view: PermitVerification) => boolean } = {},
    ) => {
      const mine = ++round.current;
      if (!options.quietly) {
        setCheck({ kind: 'checking', token });
        setOutcome(null);
      }
      for (let attempt = 0; ; attempt++) {
        let next: Check;
        try {
          next = { kind: 'found', token, view: await api.verifyPermit(token) };
        } catch (error) {
          next =
            error instanceof ApiError && error.status === 404
              ? { kind: 'unknown', token }
              : { kind: 'failed', token, error };
        }
        if (mine !== round.current) return;
        const waiting =
          next.kind === 'found' && options.settled && !options.settled(next.view) && attempt < settleTries;
        if (waiting) {
          await pause(settleEveryMs);
          if (mine !== round.current) return;
          continue;
        }
        setCheck(next);
        if (!options.quietly || options.reveal) window.setTimeout(() => resultRef.current?.focus());
        return;
      }
    },
    [api],
  );

  const checkCode = useCallback(
    (token: string) => {
      setTyped(token);
      setCodeError(undefined);
      // Reloading the page (a dropped connection, a locked phone) checks the same permit again.
      navigate(`/customs?token=${encodeURIComponent(token)}`, { replace: true });
      void verify(token);
    },
    [verify],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = verificationTokenOf(typed);
    if (!token) {
      setCodeError(t(typed.trim() ? 'borderCodeInvalid' : 'borderCodeRequired'));
      codeRef.current?.focus();
      return;
    }
    checkCode(token);
  };

  // Opened from a permit's verification page: check its code at once.
  useEffect(() => {
    const given = codeInAddress();
    if (!given) return;
    const token = verificationTokenOf(given);
    if (token) void verify(token);
    else setCodeError(t('borderCodeInvalid'));
    // Only the address the page was opened with.
  }, []);

  const startAgain = () => {
    round.current++;
    setCheck({ kind: 'none' });
    setOutcome(null);
    setTyped('');
    setCodeError(undefined);
    navigate('/customs', { replace: true });
    window.setTimeout(() => codeRef.current?.focus());
  };

  const endorsed = (token: string, number: string) => {
    setOutcome({ kind: 'endorsed', number });
    // The form's button is about to go: the officer is taken to the permit, now endorsed.
    void verify(token, { quietly: true, reveal: true, settled: (view) => view.status !== 'valid' });
  };

  const refused = (token: string, error: ApiError) => {
    setOutcome({ kind: 'refused', error });
    // Whatever stopped it (endorsed meanwhile, cancelled, replaced) shows in the permit's status.
    void verify(token, { quietly: true, reveal: true });
  };

  return (
    <div className="border-check">
      <section className="card" aria-labelledby="border-code-heading">
        <h2 id="border-code-heading" className="visually-hidden">
          {t('borderCodeLabel')}
        </h2>
        <p className="lead">{t('borderLead')}</p>
        <QrScanner onToken={checkCode} />
        <form className="border-code" onSubmit={submit} noValidate data-testid="border-code-form">
          <TextField
            ref={codeRef}
            id="border-code"
            data-testid="border-code"
            label={t('borderCodeLabel')}
            hint={t('borderCodeHint')}
            error={codeError}
            value={typed}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="actions">
            <button type="submit" className="wide-button" data-testid="border-check-submit">
              {t('borderCheckButton')}
            </button>
          </div>
        </form>
      </section>
      <div
        ref={resultRef}
        tabIndex={-1}
        className="border-result"
        aria-busy={check.kind === 'checking'}
        data-testid="border-result"
      >
        {check.kind === 'checking' && <Loading label={t('borderChecking')} />}
        {check.kind === 'unknown' && (
          <div className="check-status check-status-bad" role="alert" data-testid="check-unknown">
            <p className="check-status-word">{t('borderNotFound')}</p>
            <p className="check-status-meaning">{t('borderNotFoundHint')}</p>
          </div>
        )}
        {check.kind === 'failed' && (
          <Alert>
            <ProblemText error={check.error} i18n={i18n} />{' '}
            <button type="button" className="secondary" onClick={() => void verify(check.token)}>
              {t('retry')}
            </button>
          </Alert>
        )}
        {check.kind === 'found' && (
          <section className="card" aria-labelledby="check-heading" data-testid="check">
            <h2 id="check-heading" className="visually-hidden">
              {check.view.number}
            </h2>
            {outcome?.kind === 'endorsed' && (
              <Success>{t('borderEndorsed', { number: outcome.number })}</Success>
            )}
            {outcome?.kind === 'refused' && (
              <Alert>
                <p className="alert-title">{t('borderEndorseRefused')}</p>
                <p data-testid="border-endorse-refusal">{outcome.error.detail ?? outcome.error.title}</p>
              </Alert>
            )}
            <PermitCheckView view={check.view} />
            {mayEndorse(check.view) && (
              <BorderEndorsementForm
                key={check.view.permitId}
                permitId={check.view.permitId}
                blocks={check.view.blocks}
                onEndorsed={(permit) => endorsed(check.token, permit.number)}
                onRefused={(error) => refused(check.token, error)}
              />
            )}
            {check.view.permitId && (
              <p>
                <Link to={`/applications/${encodeURIComponent(applicationIdOf(check.view.permitId))}`}>
                  {t('borderOpenRecord')}
                </Link>
              </p>
            )}
          </section>
        )}
        {check.kind !== 'none' && check.kind !== 'checking' && (
          <div className="actions">
            <button
              type="button"
              className="secondary wide-button"
              data-testid="border-again"
              onClick={startAgain}
            >
              {t('borderCheckAnother')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
