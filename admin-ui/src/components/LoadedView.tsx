import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ProblemText } from './forms';
import { Alert, Loading } from './Status';
import type { Loaded } from './useLoad';

/**
 * What every page shows of something it loads: progress while it comes, the problem and a retry
 * button when it fails, and the page itself once it is there.
 */
export function LoadedView<T>({
  state,
  reload,
  loadingLabel,
  children,
}: {
  state: Loaded<T>;
  reload(): void;
  /** What is coming, when "Loading…" says too little. */
  loadingLabel?: string;
  children(value: T): ReactNode;
}) {
  const i18n = useI18n();
  if (state.kind === 'loading') return <Loading label={loadingLabel} />;
  if (state.kind === 'failed') {
    return (
      <Alert>
        <ProblemText error={state.error} i18n={i18n} />{' '}
        <button type="button" className="secondary" onClick={reload}>
          {i18n.t('retry')}
        </button>
      </Alert>
    );
  }
  return <>{children(state.value)}</>;
}
