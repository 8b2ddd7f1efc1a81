import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { roles as allRoles, type ManagedUser, type Role, type UserChanges } from '../api/types';
import { describedBy, ErrorSummary, ProblemText, TextField, type FieldMessage } from '../components/forms';
import { Link } from '../components/Link';
import { Success } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { useI18n, type I18n } from '../i18n';
import { navigate } from '../location';
import { roleTexts } from '../navigation';
import type { Params } from '../router';
import { useSession } from '../session';
import { minimumPasswordLength } from './Account';
import { LoadedView } from '../components/LoadedView';

function isLocked(user: ManagedUser, now = new Date()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil) > now;
}

function accountState(user: ManagedUser, i18n: I18n): string {
  if (user.disabled) return i18n.t('userDisabled');
  if (isLocked(user)) return i18n.t('userLockedUntil', { time: i18n.dateTime(user.lockedUntil!) });
  return i18n.t('userActive');
}

function secondFactorState(user: ManagedUser, i18n: I18n): string {
  if (user.totpEnabled) return i18n.t('totpStateOn');
  return user.totpRequired ? i18n.t('totpStateRequired') : i18n.t('totpStateOff');
}

export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const { state, reload } = useLoad(() => api.listUsers(), 'users');

  return (
    <>
      <p className="actions">
        <Link to="/users/new" className="button">
          {t('userCreateTitle')}
        </Link>
      </p>
      <div aria-busy={state.kind === 'loading'}>
        <LoadedView state={state} reload={reload}>
          {(loaded) => (
            <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
              <table>
                <caption id="users-caption">{t('usersCaption', { count: loaded.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('email')}</th>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('roles')}</th>
                    <th scope="col">{t('secondFactorColumn')}</th>
                    <th scope="col">{t('accountStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        <Link to={`/users/${encodeURIComponent(user.id)}`}>{user.email}</Link>
                      </th>
                      <td>{user.name}</td>
                      <td>{user.roles.map((role) => t(roleTexts[role].name)).join(', ')}</td>
                      <td>{secondFactorState(user, i18n)}</td>
                      <td className={user.disabled || isLocked(user) ? 'state-off' : undefined}>
                        {accountState(user, i18n)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadedView>
      </div>
    </>
  );
}

function RolesField({
  value,
  onChange,
  error,
}: {
  value: readonly Role[];
  onChange(roles: Role[]): void;
  error?: string;
}) {
  const { t } = useI18n();
  const toggle = (role: Role, checked: boolean) =>
    onChange(allRoles.filter((candidate) => (candidate === role ? checked : value.includes(candidate))));
  return (
    <fieldset
      className={error ? 'field has-error' : 'field'}
      aria-describedby={describedBy('roles-hint', error && 'roles-error')}
    >
      <legend>{t('roles')}</legend>
      <p className="hint" id="roles-hint">
        {t('rolesHint')}
      </p>
      {error && (
        <p className="field-error" id="roles-error">
          {error}
        </p>
      )}
      <div className="checkboxes">
        {allRoles.map((role) => (
          <div className="checkbox" key={role}>
            <input
              type="checkbox"
              id={`role-${role}`}
              checked={value.includes(role)}
              onChange={(event) => toggle(role, event.target.checked)}
              aria-describedby={`role-${role}-duty`}
            />
            <label htmlFor={`role-${role}`}>{t(roleTexts[role].name)}</label>
            <p className="hint" id={`role-${role}-duty`}>
              {t(roleTexts[role].duty)}
            </p>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type NewUserField = 'email' | 'name' | 'roles' | 'password';

export function UserCreatePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, announce } = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<NewUserField, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const labels: Record<NewUserField, string> = {
    email: t('email'),
    name: t('name'),
    roles: t('roles'),
    password: t('initialPassword'),
  };
  const controlOf = (field: NewUserField) => (field === 'roles' ? `role-${allRoles[0]}` : field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<NewUserField, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = t('emailInvalid');
    if (!name.trim()) found.name = t('nameMissing');
    if (roles.length === 0) found.roles = t('rolesMissing');
    if (password.length < minimumPasswordLength) {
      found.password = t('passwordTooShort', { count: minimumPasswordLength });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await api.createUser({ email: email.trim(), name: name.trim(), roles, password });
      announce('/users', t('userCreated', { email: created.email }));
      navigate('/users');
    } catch (error) {
      setBusy(false);
      const byField = error instanceof ApiError ? error.fieldMessages() : {};
      setErrors({
        email: byField.email,
        name: byField.name,
        roles: byField.roles,
        password: byField.password,
      });
      setFailure(error);
    }
  };

  const fieldMessages: FieldMessage[] = (Object.keys(labels) as NewUserField[])
    .filter((field) => errors[field])
    .map((field) => ({ id: controlOf(field), label: labels[field], message: errors[field]! }));

  return (
    <form className="card" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      {(fieldMessages.length > 0 || failure !== null) && (
        <ErrorSummary
          id="user-errors"
          title={t('thereIsAProblem')}
          message={failure !== null ? <ProblemText error={failure} i18n={i18n} /> : undefined}
          fields={fieldMessages}
        />
      )}
      <TextField
        id="email"
        label={labels.email}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <TextField
        id="name"
        label={labels.name}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
      />
      <RolesField value={roles} onChange={setRoles} error={errors.roles} />
      <TextField
        id="password"
        label={labels.password}
        hint={t('initialPasswordHint', { count: minimumPasswordLength })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('saving') : t('createUser')}
        </button>
        <Link to="/users" className="button secondary">
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}

export function UserEditPage({ params }: { params: Params }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const id = params.id ?? '';
  // A user that does not exist is shown as "not found", like an empty search.
  const { state, reload, replace } = useLoad(
    () =>
      api.getUser(id).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    id,
  );

  return (
    <div aria-busy={state.kind === 'loading'}>
      <p>
        <Link to="/users">{t('backToUsers')}</Link>
      </p>
      <LoadedView state={state} reload={reload}>
        {(loaded) => loaded === null && <p>{t('userNotFound')}</p>}
      </LoadedView>
      {state.kind === 'loaded' && state.value !== null && (
        <EditUser key={state.value.id} user={state.value} onSaved={replace} />
      )}
    </div>
  );
}

function EditUser({ user, onSaved }: { user: ManagedUser; onSaved(user: ManagedUser): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [totpRequired, setTotpRequired] = useState(user.totpRequired);
  const [errors, setErrors] = useState<{ name?: string; roles?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<null | 'details' | 'status'>(null);
  const [done, setDone] = useState<string | null>(null);

  const save = async (changes: UserChanges, part: 'details' | 'status', confirmation: string) => {
    setBusy(part);
    setFailure(null);
    setDone(null);
    try {
      const saved = await api.updateUser(user.id, changes);
      onSaved(saved);
      setDone(confirmation);
    } catch (error) {
      const byField = error instanceof ApiError ? error.fieldMessages() : {};
      setErrors({ name: byField.name, roles: byField.roles });
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { name?: string; roles?: string } = {};
    if (!name.trim()) found.name = t('nameMissing');
    if (roles.length === 0) found.roles = t('rolesMissing');
    setErrors(found);
    setDone(null);
    if (found.name || found.roles) return;
    const changes: UserChanges = {};
    if (name.trim() !== user.name) changes.name = name.trim();
    if (roles.join() !== user.roles.join()) changes.roles = roles;
    if (totpRequired !== user.totpRequired) changes.totpRequired = totpRequired;
    if (Object.keys(changes).length === 0) {
      setDone(t('noChanges'));
      return;
    }
    void save(changes, 'details', t('userSaved'));
  };

  const fieldMessages: FieldMessage[] = [
    errors.name && { id: 'name', label: t('name'), message: errors.name },
    errors.roles && { id: `role-${allRoles[0]}`, label: t('roles'), message: errors.roles },
  ].filter((entry): entry is FieldMessage => Boolean(entry));

  const locked = isLocked(user);

  return (
    <>
      <h2 className="subject">{user.email}</h2>
      {(fieldMessages.length > 0 || failure !== null) && (
        <ErrorSummary
          id="user-errors"
          title={t('thereIsAProblem')}
          message={failure !== null ? <ProblemText error={failure} i18n={i18n} /> : undefined}
          fields={fieldMessages}
        />
      )}
      {done && <Success>{done}</Success>}
      <form className="card" noValidate onSubmit={submit} aria-busy={busy === 'details'}>
        <h3>{t('userDetails')}</h3>
        <TextField
          id="name"
          label={t('name')}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <RolesField value={roles} onChange={setRoles} error={errors.roles} />
        <div className="checkbox">
          <input
            type="checkbox"
            id="totp-required"
            checked={totpRequired}
            onChange={(event) => setTotpRequired(event.target.checked)}
            aria-describedby="totp-required-hint"
          />
          <label htmlFor="totp-required">{t('requireSecondFactor')}</label>
          <p className="hint" id="totp-required-hint">
            {t('requireSecondFactorHint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy !== null}>
            {busy === 'details' && <span className="spinner" aria-hidden="true" />}
            {busy === 'details' ? t('saving') : t('save')}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="status-heading" aria-busy={busy === 'status'}>
        <h3 id="status-heading">{t('accessTitle')}</h3>
        <dl className="facts">
          <dt>{t('accountStatus')}</dt>
          <dd>{accountState(user, i18n)}</dd>
          <dt>{t('secondFactorColumn')}</dt>
          <dd>{secondFactorState(user, i18n)}</dd>
        </dl>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={busy !== null}
            onClick={() =>
              void save(
                { disabled: !user.disabled },
                'status',
                t(user.disabled ? 'userEnabled' : 'userDisabledNow'),
              )
            }
          >
            {user.disabled ? t('enableUser') : t('disableUser')}
          </button>
          {locked && (
            <button
              type="button"
              className="secondary"
              disabled={busy !== null}
              onClick={() => void save({ unlock: true }, 'status', t('userUnlocked'))}
            >
              {t('unlockUser')}
            </button>
          )}
        </div>
      </section>
    </>
  );
}
