import { useId, useRef, useState } from 'react';
import type { PeerParty } from '../api/types';
import { useI18n } from '../i18n';
import { partyName } from '../parties';
import { useSession } from '../session';
import { ProblemText } from './forms';
import { Alert } from './Status';

/**
 * One Party of the exchange directory: its address, where its keys come from, whether it is
 * trusted, and who changed it last. Removing it asks first, as its messages are refused from then on.
 */
export function PeerCard({
  peer,
  onChange,
  onRemoved,
}: {
  peer: PeerParty;
  /** The administrator wants to change it in the form. */
  onChange(peer: PeerParty): void;
  onRemoved(peer: PeerParty): void;
}) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { api } = useSession();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const name = partyName(peer.party, language);
  const active = peer.status === 'active';

  const ask = () => {
    setConfirming(true);
    setFailure(null);
    window.setTimeout(() => confirmRef.current?.focus());
  };

  const keep = () => {
    setConfirming(false);
    window.setTimeout(() => removeRef.current?.focus());
  };

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const removed = await api.removePeer(peer.party);
      setConfirming(false);
      onRemoved(removed);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className={`peer-card${active ? '' : ' peer-removed'}`}
      aria-labelledby={`${id}-name`}
      data-testid={`peer-${peer.party}`}
      data-status={peer.status}
    >
      <h2 id={`${id}-name`} className="peer-name">
        {name}
        <span className={`badge${active ? '' : ' error-badge'}`} data-testid="peer-status">
          {t(active ? 'peerStatusActive' : 'peerStatusRemoved')}
        </span>
      </h2>
      <dl className="facts peer-facts">
        <dt>{t('peerAddress')}</dt>
        <dd data-testid="peer-address">{peer.baseUrl}</dd>
        <dt>{t('peerKeys')}</dt>
        <dd data-testid="peer-keys">
          {peer.jwksUrl ?? t('peerPinnedKeys', { count: peer.pinnedKeys ?? 0 })}
        </dd>
        <dt>{t('peerChanged')}</dt>
        <dd>{t('peerChangedBy', { time: i18n.dateTime(peer.updatedAt), by: peer.updatedBy })}</dd>
      </dl>
      {failure !== null && (
        <Alert>
          <ProblemText error={failure} i18n={i18n} />
        </Alert>
      )}
      {confirming ? (
        <div className="confirm peer-remove-confirm" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`} className="alert-title">
            {t('peerRemoveQuestion', { party: name })}
          </p>
          <div className="actions">
            <button
              ref={confirmRef}
              type="button"
              className="secondary danger"
              disabled={busy}
              data-testid="peer-remove-confirm"
              onClick={() => void remove()}
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? t('peerRemoving') : t('peerRemoveConfirm', { party: peer.party })}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={keep}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onChange(peer)}>
            {t('peerChange', { party: peer.party })}
          </button>
          {active && (
            <button
              ref={removeRef}
              type="button"
              className="secondary danger"
              data-testid="peer-remove"
              onClick={ask}
            >
              {t('peerRemove', { party: peer.party })}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
