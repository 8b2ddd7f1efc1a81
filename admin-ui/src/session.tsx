import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { About, User } from './api/types';

export interface Session {
  user: User;
  about: About | null;
  api: ApiClient;
  /** Reloads the user after a change that alters it, such as turning on two-factor sign-in. */
  refreshUser(): Promise<void>;
  signOut(): Promise<void>;
  /** A confirmation to show at the top of the page at `path` once the app has navigated there. */
  announce(path: string, message: string): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
