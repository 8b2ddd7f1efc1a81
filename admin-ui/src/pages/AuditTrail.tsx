import { useState } from 'react';
import type { AuditEntry, AuditVerification } from '../api/types';
import { ProblemText } from '../components/forms';
import { Alert, Loading } from '../components/Status';
import { useLoad } from '../components/useLoad';
import { useI18n, type I18n } from '../i18n';
import { roleTexts } from '../navigation';
import { useSession } from '../session';
import { LoadedView } from '../components/LoadedView';

const pageSize = 50;

function actorText(actor: AuditEntry['actor'], i18n: I18n): string {
  if (!actor) return i18n.t('auditSystemActor');
  const who = actor.email ?? actor.userId ?? i18n.t('auditUnknownActor');
  const roles = actor.roles?.map((role) => i18n.t(roleTexts[role]?.name ?? 'auditUnknownActor'));
  return roles && roles.length > 0 ? `${who} (${roles.join(', ')})` : who;
}

export function AuditTrailPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  // Each entry is the `before` cursor of a page already seen, so "newer" can walk back.
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const before = cursors[cursors.length - 1];
  const { state, reload } = useLoad(() => api.audit({ limit: pageSize, before }), String(before));

  return (
    <>
      <Verification />
      <section aria-labelledby="entries-heading" className="card" aria-busy={state.kind === 'loading'}>
        <h2 id="entries-heading">{t('auditEntries')}</h2>
        <LoadedView state={state} reload={reload}>
          {(loaded) => loaded.entries.length === 0 && <p>{t('auditEmpty')}</p>}
        </LoadedView>
        {state.kind === 'loaded' && state.value.entries.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
            <table>
              <caption id="audit-caption">
                {t('auditCaption', {
                  first: state.value.entries[0]!.seq,
                  last: state.value.entries[state.value.entries.length - 1]!.seq,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditSeq')}</th>
                  <th scope="col">{t('auditTime')}</th>
                  <th scope="col">{t('auditActor')}</th>
                  <th scope="col">{t('auditAction')}</th>
                  <th scope="col">{t('auditObject')}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.entries.map((entry) => (
                  <tr key={entry.seq}>
                    <td>{entry.seq}</td>
                    <td>
                      <time dateTime={entry.at}>{i18n.dateTime(entry.at)}</time>
                    </td>
                    <td>{actorText(entry.actor, i18n)}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      {entry.objectType} <code>{entry.objectId}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="pager" aria-label={t('auditPages')}>
          <button
            type="button"
            className="secondary"
            disabled={cursors.length === 1 || state.kind === 'loading'}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            {t('auditNewer')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={state.kind !== 'loaded' || state.value.nextBefore === null}
            onClick={() =>
              state.kind === 'loaded' &&
              state.value.nextBefore !== null &&
              setCursors([...cursors, state.value.nextBefore])
            }
          >
            {t('auditOlder')}
          </button>
        </nav>
      </section>
    </>
  );
}

type VerificationState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; result: AuditVerification }
  | { kind: 'failed'; error: unknown };

function Verification() {
  const i18n = useI18n();
  const { t } = i18n;
  const { api } = useSession();
  const [state, setState] = useState<VerificationState>({ kind: 'idle' });

  const verify = async () => {
    setState({ kind: 'checking' });
    try {
      setState({ kind: 'done', result: await api.verifyAudit() });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <section aria-labelledby="verify-heading" className="card" aria-busy={state.kind === 'checking'}>
      <h2 id="verify-heading">{t('auditVerifyTitle')}</h2>
      <p>{t('auditVerifyText')}</p>
      <button type="button" onClick={() => void verify()} disabled={state.kind === 'checking'}>
        {state.kind === 'checking' && <span className="spinner" aria-hidden="true" />}
        {t('auditVerify')}
      </button>
      <div aria-live="polite" className="verify-result">
        {state.kind === 'checking' && <Loading label={t('auditVerifying')} />}
        {state.kind === 'done' && state.result.intact && (
          <p className="verdict intact">{t('auditIntact', { count: state.result.checked })}</p>
        )}
        {state.kind === 'done' && !state.result.intact && (
          <div className="verdict broken" role="alert">
            <p className="alert-title">
              {state.result.firstProblem
                ? t(state.result.firstProblem.kind === 'missing' ? 'auditMissing' : 'auditAltered', {
                    seq: state.result.firstProblem.seq,
                  })
                : t('auditBroken')}
            </p>
            {state.result.firstProblem?.message && <p>{state.result.firstProblem.message}</p>}
            <p>{t('auditCheckedCount', { count: state.result.checked })}</p>
          </div>
        )}
        {state.kind === 'failed' && (
          <Alert>
            <ProblemText error={state.error} i18n={i18n} />
          </Alert>
        )}
      </div>
    </section>
  );
}
