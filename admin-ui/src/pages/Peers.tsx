import { useState } from 'react';
import type { PeerParty } from '../api/types';
import { LoadedView } from '../components/LoadedView';
import { PeerCard } from '../components/PeerCard';
import { PeerForm } from '../components/PeerForm';
import { Success } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { partyName } from '../parties';
import { emptyPeerEntry, entryOf, sortedPeers, withPeer, type PeerEntry } from '../peers';
import { useSession } from '../session';

/**
 * The exchange directory, for administrators: the Parties whose signed messages are trusted and to
 * which permits issued for them are sent, with a form to add or change one and a way to remove one.
 */
export function PeersPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const { state, reload, replace } = useLoad(() => api.listPeers().then(sortedPeers), 'peers');
  // A new round starts the form afresh: empty after a save, or filled with the peer to change.
  const [form, setForm] = useState<{ entry: PeerEntry; round: number }>({ entry: emptyPeerEntry, round: 0 });
  const [notice, setNotice] = useState<string | null>(null);

  const changed = (peer: PeerParty, message: string) => {
    if (state.kind === 'loaded') replace(withPeer(state.value, peer));
    else reload();
    setNotice(message);
  };

  const change = (peer: PeerParty) => {
    setNotice(null);
    setForm({ entry: entryOf(peer), round: form.round + 1 });
    window.setTimeout(() => document.getElementById('peer-base-url')?.focus());
  };

  return (
    <div className="peers">
      <p className="lead">{t('peersLead')}</p>
      {notice && <Success>{notice}</Success>}
      <div aria-busy={state.kind === 'loading'}>
        <LoadedView state={state} reload={reload} loadingLabel={t('peersLoading')}>
          {(peers) =>
            peers.length === 0 ? (
              <p data-testid="peers-empty">{t('peersEmpty')}</p>
            ) : (
              <>
                <p className="task-count">{t('peersCount', { count: peers.length })}</p>
                <ul className="peer-list">
                  {peers.map((peer) => (
                    <li key={peer.party}>
                      <PeerCard
                        peer={peer}
                        onChange={change}
                        onRemoved={(removed) =>
                          changed(removed, t('peerRemoved', { party: partyName(removed.party, language) }))
                        }
                      />
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </LoadedView>
      </div>
      <PeerForm
        key={form.round}
        initial={form.entry}
        onSaved={(saved) => {
          changed(saved, t('peerSaved', { party: partyName(saved.party, language) }));
          setForm({ entry: emptyPeerEntry, round: form.round + 1 });
        }}
      />
    </div>
  );
}
