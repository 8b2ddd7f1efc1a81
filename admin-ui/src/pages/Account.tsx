import { toDataURL } from 'qrcode';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { TotpSetup } from '../api/types';
import { ErrorSummary, ProblemText, TextField, type FieldMessage } from '../components/forms';
import { Link } from '../components/Link';
import { Loading, Success } from '../components/Status';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export const minimumPasswordLength = 12;

export function AccountPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      {user.mustEnrollSecondFactor && (
        <div className="notice" role="status">
          <p className="alert-title">{t('mustEnrollTitle')}</p>
          <p>{t('mustEnrollText')}</p>
        </div>
      )}
      <dl className="facts">
        <dt>{t('email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('name')}</dt>
        <dd>{user.name}</dd>
      </dl>
      <SecondFactor />
      <ChangePassword />
    </>
  );
}

type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

function ChangePassword() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, refreshUser } = useSession();
  const [values, setValues] = useState<Record<PasswordField, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const labels: Record<PasswordField, string> = {
    currentPassword: t('currentPassword'),
    newPassword: t('newPassword'),
    confirmPassword: t('confirmPassword'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    setFailure(null);
    const found: Partial<Record<PasswordField, string>> = {};
    if (!values.currentPassword) found.currentPassword = t('currentPasswordMissing');
    if (values.newPassword.length < minimumPasswordLength) {
      found.newPassword = t('passwordTooShort', { count: minimumPasswordLength });
    }
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = t('passwordsDiffer');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.changePassword(values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setChanged(true);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        // 401 here means either a wrong current password or an ended session; /me tells which.
        const stillSignedIn = error.status === 403 || (await api.me().catch(() => undefined));
        if (!stillSignedIn) {
          await refreshUser();
          return;
        }
        setErrors({ currentPassword: t('currentPasswordWrong') });
      } else if (error instanceof ApiError && error.errors.length > 0) {
        const byField = error.fieldMessages();
        setErrors({
          currentPassword: byField.currentPassword ? t('currentPasswordWrong') : undefined,
          newPassword: byField.newPassword,
        });
        setFailure(byField.currentPassword || byField.newPassword ? null : error);
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldMessages: FieldMessage[] = (Object.keys(labels) as PasswordField[])
    .filter((field) => errors[field])
    .map((field) => ({ id: field, label: labels[field], message: errors[field]! }));

  return (
    <section aria-labelledby="password-heading" className="card">
      <h2 id="password-heading">{t('changePasswordTitle')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {(fieldMessages.length > 0 || failure !== null) && (
          <ErrorSummary
            id="password-errors"
            title={t('thereIsAProblem')}
            message={failure !== null ? <ProblemText error={failure} i18n={i18n} /> : undefined}
            fields={fieldMessages}
          />
        )}
        {changed && <Success>{t('passwordChanged')}</Success>}
        {(Object.keys(labels) as PasswordField[]).map((field) => (
          <TextField
            key={field}
            id={field}
            label={labels[field]}
            hint={field === 'newPassword' ? t('passwordRule', { count: minimumPasswordLength }) : undefined}
            type="password"
            autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            error={errors[field]}
          />
        ))}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {busy ? t('saving') : t('changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}

type SetupState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'scanning'; setup: TotpSetup; qr: string | null }
  | { kind: 'enabled' };

function SecondFactor() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, user, refreshUser } = useSession();
  const [state, setState] = useState<SetupState>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setFailure(null);
    setState({ kind: 'starting' });
    try {
      const setup = await api.setUpTotp();
      // Without the picture the key can still be typed in, so a drawing failure is not fatal.
      const qr = await toDataURL(setup.otpauthUrl, { margin: 1, width: 220 }).catch(() => null);
      setState({ kind: 'scanning', setup, qr });
    } catch (error) {
      setFailure(error);
      setState({ kind: 'idle' });
    }
  };

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setCodeError(t('codeFormat'));
      return;
    }
    setCodeError(undefined);
    setBusy(true);
    try {
      await api.enableTotp(typed);
      setState({ kind: 'enabled' });
      await refreshUser();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setCodeError(t('codeWrong'));
        setCode('');
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="totp-heading" className="card" aria-busy={state.kind === 'starting'}>
      <h2 id="totp-heading">{t('secondFactorSection')}</h2>
      {failure !== null && (
        <ErrorSummary
          id="totp-errors"
          title={t('thereIsAProblem')}
          message={<ProblemText error={failure} i18n={i18n} />}
        />
      )}
      {state.kind === 'enabled' || (user.totpEnabled && state.kind !== 'scanning') ? (
        <>
          {state.kind === 'enabled' ? (
            <Success>{t('totpNowOn')}</Success>
          ) : (
            <p className="state-on">{t('totpIsOn')}</p>
          )}
          {state.kind === 'enabled' && !user.mustEnrollSecondFactor && (
            <p>
              <Link to="/">{t('continueHome')}</Link>
            </p>
          )}
        </>
      ) : state.kind === 'scanning' ? (
        <form noValidate onSubmit={(event) => void enable(event)} aria-busy={busy}>
          {codeError && (
            <ErrorSummary
              id="totp-code-errors"
              title={t('thereIsAProblem')}
              fields={[{ id: 'totp-code', label: t('verificationCode'), message: codeError }]}
            />
          )}
          <ol className="steps">
            <li>
              <p>{t('totpScan')}</p>
              {state.qr && <img className="qr" src={state.qr} alt={t('qrAlt')} width={220} height={220} />}
              <p>
                {t('totpKeyInstead')}{' '}
                <code className="secret">{state.setup.secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
              </p>
            </li>
            <li>
              <TextField
                id="totp-code"
                label={t('totpEnterCode')}
                hint={t('verificationCodeHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={7}
                className="code-input"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                error={codeError}
              />
            </li>
          </ol>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? t('saving') : t('totpEnable')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{user.totpRequired ? t('totpRequiredExplain') : t('totpExplain')}</p>
          {state.kind === 'starting' ? (
            <Loading />
          ) : (
            <button type="button" onClick={() => void start()}>
              {t('totpSetUp')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
