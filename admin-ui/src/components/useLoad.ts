import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'loaded'; value: T };

/**
 * Runs `load` when `key` changes and on `reload()`. An answer that arrives after a newer request
 * started is dropped, so a slow old page never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => current && setState({ kind: 'loaded', value }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; `key` says when its inputs changed.
  }, [key, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  const replace = useCallback((value: T) => setState({ kind: 'loaded', value }), []);
  return { state, reload, replace };
}
