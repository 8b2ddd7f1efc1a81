import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { PeerParty } from '../api/types';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';
import { readPeerEntry, type PeerEntry, type PeerProblems } from '../peers';
import { useSession } from '../session';
import { ErrorSummary, ProblemText, TextField, type FieldMessage } from './forms';

type PeerField = keyof PeerEntry;

const fieldIds: Record<PeerField, string> = {
  party: 'peer-party',
  baseUrl: 'peer-base-url',
  jwksUrl: 'peer-jwks-url',
};

function problemKey(field: PeerField, problem: NonNullable<PeerProblems[PeerField]>): MessageKey {
  if (field === 'party') return problem === 'required' ? 'peerPartyRequired' : 'peerPartyInvalid';
  return problem === 'required' ? 'peerUrlRequired' : 'peerUrlInvalid';
}

/**
 * Adds a peer Party, or changes one (listing a removed one again trusts it again): its code, the
 * address its permits go to and the address of its public keys. Checked here for form; whether the
 * keys may be left out and whether the code is this Party's own, the server answers at the fields.
 */
export function PeerForm({ initial, onSaved }: { initial: PeerEntry; onSaved(peer: PeerParty): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const [entry, setEntry] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<PeerField, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const labels: Record<PeerField, string> = {
    party: t('peerParty'),
    baseUrl: t('peerBaseUrl'),
    jwksUrl: t('peerJwksUrl'),
  };
  const set = (field: PeerField) => (event: { target: { value: string } }) =>
    setEntry({ ...entry, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const read = readPeerEntry(entry);
    const found: Partial<Record<PeerField, string>> = {};
    for (const field of Object.keys(fieldIds) as PeerField[]) {
      const problem = read.problems[field];
      if (problem) found[field] = t(problemKey(field, problem));
    }
    setErrors(found);
    if (!read.body) return;
    setBusy(true);
    try {
      onSaved(await api.savePeer(read.body));
    } catch (error) {
      const byField = error instanceof ApiError ? error.fieldMessages() : {};
      setErrors({ party: byField.party, baseUrl: byField.baseUrl, jwksUrl: byField.jwksUrl });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const fieldMessages: FieldMessage[] = (Object.keys(fieldIds) as PeerField[])
    .filter((field) => errors[field])
    .map((field) => ({ id: fieldIds[field], label: labels[field], message: errors[field]! }));

  return (
    <form
      className="card peer-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-busy={busy}
      aria-labelledby="peer-form-title"
      data-testid="peer-form"
    >
      <h2 id="peer-form-title">{t('peerFormTitle')}</h2>
      {(fieldMessages.length > 0 || failure !== null) && (
        <ErrorSummary
          id="peer-errors"
          title={t('thereIsAProblem')}
          message={failure !== null ? <ProblemText error={failure} i18n={i18n} /> : undefined}
          fields={fieldMessages}
        />
      )}
      <TextField
        id={fieldIds.party}
        label={labels.party}
        hint={t('peerPartyHint')}
        className="code-input"
        maxLength={2}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={entry.party}
        onChange={set('party')}
        error={errors.party}
      />
      <TextField
        id={fieldIds.baseUrl}
        label={labels.baseUrl}
        hint={t('peerBaseUrlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={entry.baseUrl}
        onChange={set('baseUrl')}
        error={errors.baseUrl}
      />
      <TextField
        id={fieldIds.jwksUrl}
        label={labels.jwksUrl}
        hint={t('peerJwksUrlHint')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={entry.jwksUrl}
        onChange={set('jwksUrl')}
        error={errors.jwksUrl}
      />
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="peer-save">
          {busy && <span className="spinner" aria-hidden="true" />}
          {busy ? t('saving') : t('peerSave')}
        </button>
      </div>
    </form>
  );
}
