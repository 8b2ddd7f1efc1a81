import type { Call } from './client';
import type {
  JsonObject,
  ProcedureCheck,
  ProcedureDefinition,
  ProcedureDetail,
  ProcedureOutcome,
  ProcedureSummary,
  PublishedRef,
} from './types';

const procedurePath = (id: string) => `/api/procedures/${encodeURIComponent(id)}`;

/** National procedure rules: drafts, the rule test bench and four-eyes publishing. */
export function procedureEndpoints(call: Call) {
  return {
    listProcedures: () => call<ProcedureSummary[]>('/api/procedures'),
    getProcedure: (id: string) => call<ProcedureDetail>(procedurePath(id)),
    saveProcedureDraft: (id: string, definition: ProcedureDefinition) =>
      call<ProcedureDetail>(`${procedurePath(id)}/draft`, { method: 'PUT', body: { definition } }),
    /** Evaluates the given definition (or the draft, or the published one) against sample form data. */
    evaluateProcedure: (id: string, data: JsonObject, definition?: ProcedureDefinition) =>
      call<{ outcome: ProcedureOutcome }>(`${procedurePath(id)}/evaluate`, {
        method: 'POST',
        body: definition === undefined ? { data } : { definition, data },
      }).then(({ outcome }) => outcome),
    /** Runs the definition's test cases and the Convention guard. */
    checkProcedure: (id: string, definition?: ProcedureDefinition) =>
      call<ProcedureCheck>(`${procedurePath(id)}/check`, {
        method: 'POST',
        body: definition === undefined ? {} : { definition },
      }),
    publishProcedure: (id: string) => call<PublishedRef>(`${procedurePath(id)}/publish`, { method: 'POST' }),
  };
}
