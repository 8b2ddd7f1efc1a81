import { ApiError, createApiClient } from '../../admin-ui/src/api/client';
import type { OutcomeStep, Task, TimelineEntry } from '../../admin-ui/src/api/types';
import { statusLabel } from '../../admin-ui/src/documents';
import { format, messages, type Language, type MessageKey } from '../../admin-ui/src/messages';
import {
  newTasks,
  ofEscalation,
  ofStep,
  oldestFirst,
  stepChoices,
  taskTitle,
} from '../../admin-ui/src/tasks';
import {
  hasEnded,
  informationAskedFor,
  localized,
  permitNumberOf,
  refusalReasons,
  stepTitle,
  timelineItem,
} from '../../admin-ui/src/timeline';

const translator = (language: Language) => (key: MessageKey, values?: Record<string, string | number>) =>
  format(messages[language][key], values);

const step = (id: string, en: string, fr: string, es: string): OutcomeStep => ({
  id,
  title: { en, fr, es },
  actor: 'ma_officer',
  deadlineDays: 5,
  automatic: false,
});

const steps: OutcomeStep[] = [
  step(
    'completeness-check',
    'Management Authority: the application is complete',
    'Organe de gestion : la demande est complète',
    'Autoridad Administrativa: la solicitud está completa',
  ),
  step(
    'sa-non-detriment',
    'Scientific Authority: the export will not be detrimental',
    'Autorité scientifique : l’exportation ne nuira pas',
    'Autoridad Científica: la exportación no será perjudicial',
  ),
];

const at = '2026-03-01T10:00:00.000Z';
const entry = (event: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  at,
  event,
  by: null,
  ...extra,
});

describe('the application timeline, as an applicant reads it', () => {
  const label = (value: TimelineEntry, language: Language = 'en') =>
    timelineItem(value, steps, language, translator(language)).label;

  it('names step events by the procedure’s title of the step, in the reader’s language', () => {
    expect(label(entry('step-approved', { step: 'completeness-check', by: 'u1' }))).toBe(
      'Approved: Management Authority: the application is complete',
    );
    expect(label(entry('step-approved', { step: 'completeness-check' }), 'fr')).toBe(
      'Approuvé : Organe de gestion : la demande est complète',
    );
    expect(label(entry('step-rejected', { step: 'sa-non-detriment' }), 'es')).toBe(
      'Denegado: Autoridad Científica: la exportación no será perjudicial',
    );
    expect(label(entry('step-made-by-rule', { step: 'completeness-check' }))).toBe(
      'Settled by national rules: Management Authority: the application is complete',
    );
    expect(label(entry('step-overdue', { step: 'sa-non-detriment' }))).toBe(
      'Taking longer than planned: Scientific Authority: the export will not be detrimental',
    );
    expect(label(entry('step-reminder', { step: 'sa-non-detriment' }), 'fr')).toMatch(
      /^Rappel envoyé, échéance proche : /,
    );
  });

  it('falls back to the step id for a step the procedure does not name', () => {
    expect(label(entry('step-approved', { step: 'customs-check' }))).toBe('Approved: customs-check');
  });

  it('names the events without a step', () => {
    expect(label(entry('submitted'))).toBe('Application submitted');
    expect(label(entry('review-started'), 'fr')).toBe('Examen commencé');
    expect(label(entry('rejected'), 'es')).toBe('Solicitud denegada');
    expect(
      timelineItem(entry('withdrawn', { note: 'Shipment cancelled' }), steps, 'en', translator('en')),
    ).toEqual({
      label: 'Application withdrawn by the applicant',
      reasons: 'Shipment cancelled',
      tone: 'neutral',
    });
  });

  it('puts the permit number in the words of an issued permit', () => {
    const issued = timelineItem(entry('issued', { note: 'KE26000001-E' }), steps, 'en', translator('en'));
    expect(issued).toEqual({
      label: 'Permit KE26000001-E issued',
      permitNumber: 'KE26000001-E',
      tone: 'issued',
    });
    expect(label(entry('issued', { note: 'KE26000001-E' }), 'fr')).toBe('Permis KE26000001-E délivré');
    expect(label(entry('issued'))).toBe('Permit issued');
  });

  it('keeps the reasons of a refusal and an approval’s comment, but not the server’s overdue notes', () => {
    const t = translator('en');
    expect(
      timelineItem(
        entry('step-rejected', { step: 'sa-non-detriment', note: 'Export quota for 2026 exhausted' }),
        steps,
        'en',
        t,
      ),
    ).toEqual({
      label: 'Refused: Scientific Authority: the export will not be detrimental',
      reasons: 'Export quota for 2026 exhausted',
      tone: 'refused',
    });
    expect(
      timelineItem(entry('step-approved', { step: 'completeness-check', note: 'All there' }), steps, 'en', t),
    ).toMatchObject({ comment: 'All there', tone: 'approved' });
    expect(
      timelineItem(
        entry('step-overdue', { step: 'sa-non-detriment', note: 'no decision within 5 days; escalated' }),
        steps,
        'fr',
        translator('fr'),
      ),
    ).toEqual({
      label: 'Plus long que prévu : Autorité scientifique : l’exportation ne nuira pas',
      tone: 'late',
    });
  });

  it('shows an event it does not know as it is, with its note', () => {
    expect(
      timelineItem(entry('re-exported', { note: '50 exported' }), steps, 'en', translator('en')),
    ).toEqual({
      label: 're-exported',
      note: '50 exported',
      tone: 'neutral',
    });
  });

  it('finds the permit number and the refusal reasons of an application', () => {
    const issued = { timeline: [entry('submitted'), entry('issued', { note: 'KE26000001-E' })] };
    expect(permitNumberOf(issued)).toBe('KE26000001-E');
    expect(permitNumberOf({ timeline: [entry('submitted')] })).toBeUndefined();
    const refused = {
      timeline: [
        entry('step-approved', { step: 'completeness-check' }),
        entry('step-rejected', { step: 'sa-non-detriment', note: ' Quota exhausted ' }),
        entry('rejected'),
      ],
      procedure: {
        steps,
        requiredEvidence: [],
        fee: { amount: 0, currency: 'KES' },
        routing: {},
        autoApprove: false,
        matchedRows: [],
      },
    };
    expect(refusalReasons(refused, 'en')).toEqual([
      { step: 'Scientific Authority: the export will not be detrimental', reasons: 'Quota exhausted' },
    ]);
  });

  it('reads titles in the reader’s language, else English, else any', () => {
    expect(localized({ en: 'Check', fr: 'Contrôle' }, 'fr')).toBe('Contrôle');
    expect(localized({ en: 'Check' }, 'es')).toBe('Check');
    expect(localized({ fr: 'Contrôle' }, 'es')).toBe('Contrôle');
    expect(localized(undefined, 'en')).toBeUndefined();
    expect(stepTitle('sa-non-detriment', steps, 'es')).toBe(
      'Autoridad Científica: la exportación no será perjudicial',
    );
  });

  it('names the lifecycle’s statuses', () => {
    const t = translator('en');
    expect(statusLabel('under-review', t)).toBe('Under review');
    expect(statusLabel('rejected', t)).toBe('Refused');
    expect(statusLabel('issued', translator('es'))).toBe('Expedida');
    expect(statusLabel('withdrawn', translator('fr'))).toBe('Retirée');
    expect(['issued', 'rejected', 'withdrawn'].every(hasEnded)).toBe(true);
    expect(['submitted', 'under-review'].some(hasEnded)).toBe(false);
  });
});

const task = (id: string, type: string, openedAt: string, title: Task['title'] = { en: type }): Task => ({
  id,
  type,
  applicationId: id.split(':')[0]!,
  documentType: 'export',
  title,
  actor: 'ma_officer',
  status: 'open',
  openedAt,
  dueAt: '2026-03-10T00:00:00.000Z',
  overdue: false,
});

describe('the inbox', () => {
  const tasks = [
    task('A2:final-decision', 'final-decision', '2026-03-03T00:00:00.000Z', {
      en: 'Management Authority: decision to issue or refuse',
      fr: 'Organe de gestion : décision de délivrer ou de refuser',
    }),
    task('A1:completeness-check', 'completeness-check', '2026-03-01T00:00:00.000Z', {
      en: 'Management Authority: the application is complete',
      fr: 'Organe de gestion : la demande est complète',
    }),
    task('A3:completeness-check', 'completeness-check', '2026-03-01T00:00:00.000Z'),
  ];

  it('lists the oldest first, the id breaking ties', () => {
    expect(oldestFirst(tasks).map((one) => one.id)).toEqual([
      'A1:completeness-check',
      'A3:completeness-check',
      'A2:final-decision',
    ]);
    expect(tasks[0]!.id).toBe('A2:final-decision');
  });

  it('offers each kind of step once, by its title, and filters by it', () => {
    expect(stepChoices(tasks, 'fr')).toEqual([
      { type: 'final-decision', label: 'Organe de gestion : décision de délivrer ou de refuser' },
      { type: 'completeness-check', label: 'Organe de gestion : la demande est complète' },
    ]);
    expect(ofStep(tasks, 'completeness-check').map((one) => one.id)).toEqual([
      'A1:completeness-check',
      'A3:completeness-check',
    ]);
    expect(ofStep(tasks, '')).toHaveLength(3);
    expect(taskTitle({ type: 'veterinary-check', title: {} }, 'en')).toBe('veterinary-check');
  });

  it('tells the steps a decision opened', () => {
    const after = [tasks[1]!, task('A1:sa-non-detriment', 'sa-non-detriment', '2026-03-02T00:00:00.000Z')];
    expect(newTasks(tasks, after).map((one) => one.id)).toEqual(['A1:sa-non-detriment']);
    expect(newTasks(tasks, [tasks[0]!])).toEqual([]);
  });

  it('asks for tasks and sends decisions to the task’s own address', async () => {
    const calls: Array<{ url: string; init?: RequestInit }> = [];
    const api = createApiClient({
      fetch: async (url, init) => {
        calls.push({ url, init });
        if (url.endsWith('/decision') && JSON.parse(init!.body as string).outcome === 'reject') {
          return new Response(
            JSON.stringify({
              status: 422,
              title: 'Invalid',
              errors: [{ path: '/comment', message: 'is required when refusing' }],
            }),
            { status: 422, headers: { 'content-type': 'application/problem+json' } },
          );
        }
        return new Response(url.endsWith('/decision') ? '{"id":"x"}' : '[]', { status: 200 });
      },
    });
    await expect(api.listTasks()).resolves.toEqual([]);
    await api.decideTask('KE-2026-01:completeness-check', { outcome: 'approve' });
    const refused = await api
      .decideTask('KE-2026-01:completeness-check', { outcome: 'reject' })
      .catch((error: unknown) => error);
    expect(calls.map((call) => `${call.init?.method} ${call.url}`)).toEqual([
      'GET /api/tasks',
      'POST /api/tasks/KE-2026-01%3Acompleteness-check/decision',
      'POST /api/tasks/KE-2026-01%3Acompleteness-check/decision',
    ]);
    expect(JSON.parse(calls[1]!.init!.body as string)).toEqual({ outcome: 'approve' });
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).fieldMessages()).toEqual({ comment: 'is required when refusing' });
  });
});

describe('the more-information loop and the permit’s later life', () => {
  it('labels the new events in every language, with what was asked, why and where', () => {
    const en = translator('en');
    expect(
      timelineItem(
        entry('more-information-requested', { note: 'Attach the CITES export permit' }),
        steps,
        'en',
        en,
      ),
    ).toEqual({
      label: 'More information requested from the applicant',
      asked: 'Attach the CITES export permit',
      tone: 'late',
    });
    expect(timelineItem(entry('cancelled', { note: 'Fraud' }), steps, 'fr', translator('fr'))).toEqual({
      label: 'Permis annulé',
      reasons: 'Fraud',
      tone: 'refused',
    });
    expect(
      timelineItem(entry('endorsed', { note: 'Mombasa, 2026-03-01' }), steps, 'es', translator('es')),
    ).toEqual({
      label: 'Permiso refrendado en la exportación',
      note: 'Mombasa, 2026-03-01',
      tone: 'issued',
    });
    for (const event of ['amended', 'lapsed', 'used', 'expired']) {
      for (const language of ['en', 'fr', 'es'] as const) {
        expect(timelineItem(entry(event), steps, language, translator(language)).label).not.toBe(event);
      }
    }
    const covered = timelineItem(
      entry('step-covered-by-finding', { step: 'completeness-check', note: 'NDF-1, NDF-2' }),
      steps,
      'en',
      en,
    );
    expect(covered.label).toBe(
      'Covered by a standing non-detriment finding: Management Authority: the application is complete',
    );
    expect(covered.findings).toBe('NDF-1, NDF-2');
  });

  it('names the new statuses and knows where no officer step follows', () => {
    expect(statusLabel('more-information-requested', translator('en'))).toBe('More information requested');
    expect(statusLabel('endorsed', translator('fr'))).toBe('Visé à l’exportation');
    expect(statusLabel('used', translator('es'))).toBe('Utilizado');
    expect(statusLabel('expired', translator('en'))).toBe('Expired');
    expect(['more-information-requested', 'endorsed', 'used', 'expired', 'cancelled'].every(hasEnded)).toBe(
      true,
    );
  });

  it('finds what the officer asked for most recently', () => {
    expect(
      informationAskedFor({
        timeline: [
          entry('more-information-requested', { note: 'first' }),
          entry('amended'),
          entry('more-information-requested', { note: ' second ' }),
        ],
      }),
    ).toBe('second');
    expect(informationAskedFor({ timeline: [entry('submitted')] })).toBeUndefined();
  });
});

describe('replacement permits, escalations, import permits and re-exports on the timeline', () => {
  const item = (value: TimelineEntry, language: Language = 'en') =>
    timelineItem(value, steps, language, translator(language));
  const replaced = (note: string) => entry('permit-replaced', { note, by: 'ma-1' });

  it('reads a replacement as the old number replaced by the new, with the reason in the reader’s language', () => {
    expect(item(replaced('KE26000001-E → KE26000007-E (lost)'))).toEqual({
      label: 'Permit KE26000001-E replaced by KE26000007-E',
      permitNumber: 'KE26000007-E',
      reason: 'Lost',
      tone: 'issued',
    });
    expect(item(replaced('KE26000001-E → KE26000007-E (other: Eaten by a goat (really))'), 'fr')).toEqual({
      label: 'Permis KE26000001-E remplacé par KE26000007-E',
      permitNumber: 'KE26000007-E',
      reason: 'Autre : Eaten by a goat (really)',
      tone: 'issued',
    });
    expect(item(replaced('KE26000001-E → KE26000007-E (stolen)'), 'es')).toMatchObject({
      label: 'Permiso KE26000001-E reemplazado por KE26000007-E',
      reason: 'Robado',
    });
    // A note in another shape is still shown, as the server wrote it.
    expect(item(replaced('replaced'))).toEqual({
      label: 'Permit replaced',
      note: 'replaced',
      tone: 'issued',
    });
  });

  it('names the escalation, the import permit, and the re-export’s quantities drawn, refused and returned in every language', () => {
    const escalated = entry('step-escalated', {
      step: 'sa-non-detriment',
      note: 'escalated to supervisor@demo.test',
    });
    expect(item(escalated)).toEqual({
      label:
        'Deadline passed, handed to a supervisor: Scientific Authority: the export will not be detrimental',
      escalatedTo: 'supervisor@demo.test',
      tone: 'late',
    });
    expect(
      item(entry('step-escalated', { step: 'sa-non-detriment', note: 'ma_supervisor' })).escalatedTo,
    ).toBe('ma_supervisor');
    const covered = entry('step-covered-by-import-permit', {
      step: 'ma-import-permit-granted',
      note: 'FR 26FR000123-I verified',
    });
    expect(item(covered)).toEqual({
      label: 'Covered by the import permit: ma-import-permit-granted',
      importPermit: 'FR 26FR000123-I verified',
      tone: 'approved',
    });
    expect(
      item(
        entry('import-permit-not-sufficient', {
          step: 'ma-import-permit-granted',
          note: '26US1A does not name Panthera pardus',
        }),
      ),
    ).toEqual({
      label: 'The import permit received does not settle it: ma-import-permit-granted',
      reasons: '26US1A does not name Panthera pardus',
      tone: 'late',
    });
    expect(item(entry('re-export-quantity-drawn', { note: 'A: 12 of 40 left under 24US98765I' }))).toEqual({
      label: 'Re-exported quantities drawn from the earlier permit',
      note: 'A: 12 of 40 left under 24US98765I',
      tone: 'approved',
    });
    expect(item(entry('re-export-quantity-refused', { note: 'A: 50 asked, 12 left' }))).toEqual({
      label: 'Re-export refused: not enough left on the earlier permit',
      reasons: 'A: 50 asked, 12 left',
      tone: 'refused',
    });
    const returned = entry('re-export-quantity-returned', {
      note: 'A: 7 returned to the import under US 24US55555I',
    });
    expect(item(returned)).toEqual({
      label: 'Quantities not re-exported returned to the earlier permit',
      note: 'A: 7 returned to the import under US 24US55555I',
      tone: 'neutral',
    });
    expect(item(returned, 'fr').label).toBe('Quantités non réexportées rendues au permis antérieur');
    expect(item(returned, 'es').label).toBe('Cantidades no reexportadas devueltas al permiso anterior');
    const events = [
      escalated,
      covered,
      replaced('KE26000001-E → KE26000007-E (destroyed)'),
      entry('re-export-quantity-drawn'),
      entry('re-export-quantity-refused'),
      entry('re-export-quantity-returned'),
    ];
    for (const event of events) {
      const labels = (['en', 'fr', 'es'] as const).map((language) => item(event, language).label);
      expect(labels.every((label) => label !== event.event && !label.includes('{'))).toBe(true);
      expect(new Set(labels).size).toBe(3);
    }
  });

  it('takes the current permit’s number: the last replacement’s new one', () => {
    const timeline = [
      entry('issued', { note: 'KE26000001-E' }),
      replaced('KE26000001-E → KE26000007-E (lost)'),
      entry('endorsed', { note: 'Mombasa' }),
    ];
    expect(permitNumberOf({ timeline })).toBe('KE26000007-E');
    expect(
      permitNumberOf({ timeline: [...timeline, replaced('KE26000007-E → KE26000009-E (other: Flood)')] }),
    ).toBe('KE26000009-E');
    // A replacement note the app cannot read leaves the number it knew.
    expect(permitNumberOf({ timeline: [...timeline.slice(0, 1), replaced('?')] })).toBe('KE26000001-E');
  });
});

describe('escalated tasks in the inbox', () => {
  const escalated = { ...task('A4:final-decision', 'final-decision', '2026-03-02T00:00:00.000Z') };
  escalated.escalatedAt = '2026-03-09T00:00:00.000Z';
  escalated.escalatedTo = 'supervisor@demo.test';
  const plain = task('A5:final-decision', 'final-decision', '2026-03-02T00:00:00.000Z');

  it('keeps only the escalated tasks when asked to, and all of them otherwise', () => {
    expect(ofEscalation([plain, escalated], true)).toEqual([escalated]);
    expect(ofEscalation([plain, escalated], false)).toEqual([plain, escalated]);
  });

  it('asks the server for the escalated tasks only', async () => {
    const urls: string[] = [];
    const api = createApiClient({
      fetch: async (url) => {
        urls.push(url);
        return new Response('[]', { status: 200 });
      },
    });
    await api.listTasks({ escalated: true });
    await api.listTasks({ escalated: false });
    expect(urls).toEqual(['/api/tasks?escalated=true', '/api/tasks']);
  });
});
