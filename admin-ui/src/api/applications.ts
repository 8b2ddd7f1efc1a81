import type { Call } from './client';
import type {
  Application,
  ApplicationDraft,
  ApplicationDraftInput,
  ApplicationSummary,
  JsonObject,
  SubmissionInput,
} from './types';

const draftPath = (id: string) => `/api/application-drafts/${encodeURIComponent(id)}`;

/** Applications and the applicant's unfinished drafts of them. */
export function applicationEndpoints(call: Call) {
  return {
    listDrafts: () => call<ApplicationDraft[]>('/api/application-drafts'),
    getDraft: (id: string) => call<ApplicationDraft>(draftPath(id)),
    createDraft: (draft: ApplicationDraftInput) =>
      call<ApplicationDraft>('/api/application-drafts', { method: 'POST', body: draft }),
    updateDraft: (id: string, draft: ApplicationDraftInput) =>
      call<ApplicationDraft>(draftPath(id), { method: 'PUT', body: draft }),
    deleteDraft: (id: string) => call<void>(draftPath(id), { method: 'DELETE' }),
    /** Newest first; `before` is the submission time of the last one already shown. */
    listApplications: (page: { limit?: number; before?: string } = {}) => {
      const query = new URLSearchParams({ limit: String(page.limit ?? 50) });
      if (page.before !== undefined) query.set('before', page.before);
      return call<ApplicationSummary[]>(`/api/applications?${query.toString()}`);
    },
    getApplication: (id: string) => call<Application>(`/api/applications/${encodeURIComponent(id)}`),
    /** Problems come back in `language`, at their paths under `/data`. */
    submitApplication: (application: SubmissionInput, language: string) =>
      call<Application>('/api/applications', { method: 'POST', body: application, language }),
    /** 409 unless more information was asked for; 422 with problems at paths under `/data`. */
    amendApplication: (id: string, data: JsonObject, language: string) =>
      call<Application>(`/api/applications/${encodeURIComponent(id)}/amend`, {
        method: 'POST',
        body: { data },
        language,
      }),
    /** 409 once decided. */
    withdrawApplication: (id: string, reason?: string) =>
      call<Application>(`/api/applications/${encodeURIComponent(id)}/withdraw`, {
        method: 'POST',
        body: reason ? { reason } : {},
      }),
  };
}
