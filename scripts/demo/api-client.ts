/** What a script or test needs of the API: a call with an optional bearer token and JSON body. */
export type ApiCall = <T = Record<string, unknown>>(
  path: string,
  options?: { token?: string; body?: unknown; method?: string },
) => Promise<{ status: number; body: T }>;

/** A minimal client of one Party's API. */
export function apiClient(baseUrl: string): {
  call: ApiCall;
  login: (email: string, password: string) => Promise<string>;
} {
  const call: ApiCall = async (path, options = {}) => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await answer.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { status: answer.status, body: body as never };
  };
  const login = async (email: string, password: string) => {
    const answer = await call<{ token: string }>('/api/auth/login', { body: { email, password } });
    if (answer.status !== 200) throw new Error(`${email} could not sign in at ${baseUrl}: ${answer.status}`);
    return answer.body.token;
  };
  return { call, login };
}

/**
 * The applicant files the application and the Party's MA and SA officers approve every task it
 * opens until the permit is issued: the demo's (and tests') way to a permit through the real API.
 */
export async function approveUntilIssued(
  call: ApiCall,
  tokens: { applicant: string; ma: string; sa: string },
  application: { documentType: string; data: object },
  attempts = 300,
): Promise<{ id: string; number: string }> {
  const submitted = await call<{ id: string }>('/api/applications', {
    token: tokens.applicant,
    body: application,
  });
  if (submitted.status !== 201) {
    throw new Error(`the application was refused (${submitted.status}): ${JSON.stringify(submitted.body)}`);
  }
  const id = submitted.body.id;
  for (let attempt = 0; attempt < attempts; attempt++) {
    for (const token of [tokens.ma, tokens.sa]) {
      const open = await call<{ id: string }[]>(`/api/tasks?applicationId=${id}`, { token });
      for (const task of open.status === 200 ? open.body : []) {
        await call(`/api/tasks/${encodeURIComponent(task.id)}/decision`, {
          token,
          body: { outcome: 'approve' },
        });
      }
    }
    const permit = await call<{ number: string }>(`/api/permits/${id}`, { token: tokens.ma });
    if (permit.status === 200) return { id, number: permit.body.number };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`application ${id} got no permit`);
}
