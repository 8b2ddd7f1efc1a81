import { useSyncExternalStore } from 'react';

/** Fired after the app changes the URL itself; the History API only reports back/forward. */
const navigatedEvent = 'pangolin:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigatedEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigatedEvent, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (options.replace) window.history.replaceState(null, '', to);
  else if (to !== current) window.history.pushState(null, '', to);
  else return;
  window.dispatchEvent(new Event(navigatedEvent));
}
