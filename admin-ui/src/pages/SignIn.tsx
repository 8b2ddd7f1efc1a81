import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { About, User } from '../api/types';
import { DemoBanner, Footer, LanguageSelect, SkipLink } from '../components/Chrome';
import { problemMessage, TextField } from '../components/forms';
import { useI18n } from '../i18n';

export type SignInNotice = 'expired' | 'signedOut';

type Field = 'email' | 'password' | 'code';

interface Failure {
  message: string;
  /** The fields the message is about, marked invalid and pointing at it. */
  fields: Field[];
  fieldMessages?: Partial<Record<Field, string>>;
}

export function SignInPage({
  api,
  about,
  notice,
  onSignedIn,
}: {
  api: ApiClient;
  about: About | null;
  notice?: SignInNotice;
  onSignedIn(user: User): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [step, setStep] = useState<'credentials' | 'secondFactor'>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('signInTitle')} — Pangolin`;
  }, [t]);

  useEffect(() => {
    if (step === 'secondFactor') codeInput.current?.focus();
  }, [step]);

  const fail = (next: Failure) => setFailure(next);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const typedCode = code.replace(/\s/g, '');
    if (step === 'credentials' && (!email.trim() || !password)) {
      fail({
        message: t('signInMissing'),
        fields: [!email.trim() && 'email', !password && 'password'].filter(Boolean) as Field[],
      });
      return;
    }
    if (step === 'secondFactor' && !/^\d{6}$/.test(typedCode)) {
      fail({ message: t('codeFormat'), fields: ['code'] });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const user = await api.login({
        email: email.trim(),
        password,
        ...(step === 'secondFactor' ? { totp: typedCode } : {}),
      });
      onSignedIn(user);
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) {
        fail({ message: problemMessage(error, i18n), fields: [] });
      } else if (
        error.status === 401 &&
        step === 'credentials' &&
        error.problem.secondFactorRequired === true
      ) {
        setStep('secondFactor');
      } else if (error.status === 401 && step === 'secondFactor') {
        setCode('');
        fail({ message: t('signInWrongCode'), fields: ['code'] });
      } else if (error.status === 401) {
        fail({ message: t('signInFailed'), fields: ['email', 'password'] });
      } else if (error.status === 422 || error.status === 400) {
        const byField = error.fieldMessages();
        const fieldMessages: Partial<Record<Field, string>> = {
          email: byField.email,
          password: byField.password,
          code: byField.totp,
        };
        fail({
          message: t('errorInvalid'),
          fields: (Object.keys(fieldMessages) as Field[]).filter((field) => fieldMessages[field]),
          fieldMessages,
        });
      } else {
        fail({ message: problemMessage(error, i18n), fields: [] });
      }
    }
  };

  const startAgain = () => {
    setStep('credentials');
    setCode('');
    setPassword('');
    setFailure(null);
    setTimeout(() => emailInput.current?.focus());
  };

  const errorId = 'sign-in-error';
  const invalid = (field: Field) => Boolean(failure?.fields.includes(field));
  const fieldProps = (field: Field) => ({
    error: failure?.fieldMessages?.[field],
    invalid: invalid(field),
    alsoDescribedBy: invalid(field) ? errorId : undefined,
  });

  return (
    <div className="app sign-in-page">
      <SkipLink />
      <DemoBanner about={about} />
      <header className="site-header">
        <div className="header-bar">
          <div className="brand">
            <span className="brand-name">Pangolin</span>
            {about?.party && (
              <span className="party">
                <span className="visually-hidden">{t('party')} </span>
                {about.party}
              </span>
            )}
          </div>
          <LanguageSelect id="language-sign-in" />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="narrow">
        <h1>{t('signInTitle')}</h1>
        <p className="lead">{t('tagline')}</p>
        {notice && !failure && (
          <p className="notice" role="status">
            {t(notice === 'expired' ? 'sessionExpired' : 'signedOutNotice')}
          </p>
        )}
        <form className="card" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          {failure && (
            <div className="alert" role="alert" id={errorId}>
              {failure.message}
            </div>
          )}
          {step === 'credentials' ? (
            <>
              <TextField
                ref={emailInput}
                id="email"
                label={t('email')}
                type="email"
                autoComplete="username"
                spellCheck={false}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                {...fieldProps('email')}
              />
              <TextField
                id="password"
                label={t('password')}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                {...fieldProps('password')}
              />
            </>
          ) : (
            <>
              <h2>{t('secondFactorTitle')}</h2>
              <TextField
                ref={codeInput}
                id="totp"
                label={t('verificationCode')}
                hint={t('verificationCodeHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={7}
                className="code-input"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                {...fieldProps('code')}
              />
            </>
          )}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? t('signingIn') : step === 'credentials' ? t('signIn') : t('verify')}
            </button>
            {step === 'secondFactor' && (
              <button type="button" className="secondary" onClick={startAgain}>
                {t('back')}
              </button>
            )}
          </div>
          {busy && (
            <p className="visually-hidden" role="status">
              {t('signingIn')}
            </p>
          )}
        </form>
      </main>
      <Footer about={about} />
    </div>
  );
}
