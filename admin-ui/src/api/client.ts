import type {
  About,
  AuditPage,
  AuditVerification,
  Credentials,
  Health,
  ManagedUser,
  NewUser,
  TotpSetup,
  User,
  UserChanges,
} from './types';
import { applicationEndpoints } from './applications';
import { dashboardEndpoints } from './dashboards';
import { exchangeEndpoints } from './exchange';
import { ApiError, problemFrom } from './problem';
import { formEndpoints } from './forms';
import { permitEndpoints } from './permits';
import { procedureEndpoints } from './procedures';
import { taskEndpoints } from './tasks';
import { uploadFile, type UploadProgress } from './uploads';

export { ApiError, fieldOf, problemFrom, type FieldProblem } from './problem';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Statuses other than 2xx that still carry the answer (the health check's 503). */
  acceptStatus?: number[];
  /** Sign-in and the session probe expect 401; anywhere else it means the session ended. */
  expectUnauthorized?: boolean;
  /** The language the server should answer messages in (the web app's, not the browser's). */
  language?: string;
  /** Sent again with a retried POST, so the server answers it as the first one instead of acting twice. */
  idempotencyKey?: string;
}

/** One call to the API: JSON in, JSON out, an {@link ApiError} for anything but success. */
export type Call = <T>(path: string, options?: CallOptions) => Promise<T>;

export interface ApiClientOptions {
  fetch?: Fetch;
  /** Called when a signed-in call is refused with 401: the session expired or was revoked. */
  onSessionEnded?: () => void;
}

/** The typed face of the API. The session lives in the httpOnly cookie the server sets. */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<T>(path: string, callOptions: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (callOptions.body !== undefined) headers['content-type'] = 'application/json';
    if (callOptions.language) headers['accept-language'] = callOptions.language;
    if (callOptions.idempotencyKey) headers['idempotency-key'] = callOptions.idempotencyKey;
    let response: Response;
    try {
      response = await doFetch(path, {
        method: callOptions.method ?? 'GET',
        credentials: 'same-origin',
        headers,
        body: callOptions.body === undefined ? undefined : JSON.stringify(callOptions.body),
      });
    } catch (cause) {
      throw new ApiError({
        status: 0,
        title: 'unreachable',
        detail: cause instanceof Error ? cause.message : undefined,
      });
    }
    if (response.ok || callOptions.acceptStatus?.includes(response.status)) {
      if (response.status === 204) return undefined as T;
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
    const error = problemFrom(
      response.status,
      response.statusText,
      (name) => response.headers.get(name),
      await response.text().catch(() => ''),
    );
    if (error.status === 401 && !callOptions.expectUnauthorized) options.onSessionEnded?.();
    throw error;
  }

  return {
    about: () => call<About>('/api/about'),
    health: () => call<Health>('/healthz', { acceptStatus: [503] }),
    login: (credentials: Credentials) =>
      call<{ user: User }>('/api/auth/login', {
        method: 'POST',
        body: credentials,
        expectUnauthorized: true,
      }).then(({ user }) => user),
    logout: () => call<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true }),
    /** The signed-in user, or undefined when there is no valid session. */
    me: async (): Promise<User | undefined> => {
      try {
        return (await call<{ user: User }>('/api/auth/me', { expectUnauthorized: true })).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return undefined;
        throw error;
      }
    },
    changePassword: (currentPassword: string, newPassword: string) =>
      // A wrong current password may be answered 401 too; the page tells that from an ended session.
      call<void>('/api/auth/password', {
        method: 'POST',
        body: { currentPassword, newPassword },
        expectUnauthorized: true,
      }),
    setUpTotp: () => call<TotpSetup>('/api/auth/totp/setup', { method: 'POST' }),
    enableTotp: (code: string) => call<void>('/api/auth/totp/enable', { method: 'POST', body: { code } }),
    listUsers: () => call<ManagedUser[]>('/api/users'),
    getUser: (id: string) => call<ManagedUser>(`/api/users/${encodeURIComponent(id)}`),
    createUser: (user: NewUser) => call<ManagedUser>('/api/users', { method: 'POST', body: user }),
    updateUser: (id: string, changes: UserChanges) =>
      call<ManagedUser>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    audit: (page: { limit?: number; before?: number } = {}) => {
      const query = new URLSearchParams({ limit: String(page.limit ?? 50) });
      if (page.before !== undefined) query.set('before', String(page.before));
      return call<AuditPage>(`/api/audit?${query.toString()}`);
    },
    verifyAudit: () => call<AuditVerification>('/api/audit/verification'),
    ...formEndpoints(call),
    ...procedureEndpoints(call),
    ...applicationEndpoints(call),
    ...taskEndpoints(call),
    ...permitEndpoints(call),
    ...exchangeEndpoints(call),
    ...dashboardEndpoints(call),
    uploadEvidence: (file: File, progress?: UploadProgress) =>
      uploadFile(file, progress).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) options.onSessionEnded?.();
        throw error;
      }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
