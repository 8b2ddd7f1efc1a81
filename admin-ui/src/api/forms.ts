import type { Call } from './client';
import type { FormDetail, FormDiff, FormDraftInput, FormSummary, FormVersion, PublishedRef } from './types';

const formPath = (formId: string) => `/api/forms/${encodeURIComponent(formId)}`;

/** National forms: drafts, four-eyes publishing, immutable versions and their differences. */
export function formEndpoints(call: Call) {
  return {
    listForms: () => call<FormSummary[]>('/api/forms'),
    getForm: (formId: string) => call<FormDetail>(formPath(formId)),
    getFormVersion: (formId: string, version: number) =>
      call<FormVersion>(`${formPath(formId)}/versions/${version}`),
    saveFormDraft: (formId: string, draft: FormDraftInput) =>
      call<FormDetail>(`${formPath(formId)}/draft`, { method: 'PUT', body: draft }),
    publishForm: (formId: string) => call<PublishedRef>(`${formPath(formId)}/publish`, { method: 'POST' }),
    republishFormVersion: (formId: string, version: number) =>
      call<PublishedRef>(`${formPath(formId)}/versions/${version}/republish`, { method: 'POST' }),
    diffForm: (formId: string, from: number, to: number) =>
      call<FormDiff>(
        `${formPath(formId)}/diff?${new URLSearchParams({ from: String(from), to: String(to) })}`,
      ),
  };
}
