import type { Application, Language, LocalizedText, OutcomeStep, TimelineEntry } from './api/types';
import type { MessageKey } from './messages';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A text in the reader's language, else in English, else in whatever language it has. */
export function localized(text: LocalizedText | undefined, language: Language): string | undefined {
  if (!text) return undefined;
  return text[language] || text.en || Object.values(text).find((value) => value?.trim());
}

/** A step as the procedure names it in the reader's language; its id when the procedure does not. */
export function stepTitle(stepId: string, steps: readonly OutcomeStep[], language: Language): string {
  return localized(steps.find((step) => step.id === stepId)?.title, language) ?? stepId;
}

export interface TimelineItem {
  /** What happened, in words an applicant understands. */
  label: string;
  /** An officer's reasons for refusing a step. */
  reasons?: string;
  /** An officer's comment on a step they approved. */
  comment?: string;
  /** The number of the permit, when it was issued. */
  permitNumber?: string;
  /** A note on an event this app does not know yet, shown as the server wrote it. */
  note?: string;
  tone: 'neutral' | 'approved' | 'refused' | 'late' | 'issued';
}

const stepEvents: Record<string, { key: MessageKey; tone: TimelineItem['tone'] }> = {
  'step-approved': { key: 'eventStepApproved', tone: 'approved' },
  'step-rejected': { key: 'eventStepRejected', tone: 'refused' },
  'step-made-by-rule': { key: 'eventStepMadeByRule', tone: 'approved' },
  'step-overdue': { key: 'eventStepOverdue', tone: 'late' },
};

const plainEvents: Record<string, { key: MessageKey; tone: TimelineItem['tone'] }> = {
  submitted: { key: 'eventSubmitted', tone: 'neutral' },
  'review-started': { key: 'eventReviewStarted', tone: 'neutral' },
  rejected: { key: 'eventRejected', tone: 'refused' },
  withdrawn: { key: 'eventWithdrawn', tone: 'neutral' },
};

/**
 * One timeline entry for the reader: `step-approved` on `sa-non-detriment` reads "Approved:
 * Scientific Authority: …", `issued` reads "Permit KE26000001-E issued", a refusal keeps the
 * officer's reasons. The server's own notes on overdue steps are for officers and stay out.
 */
export function timelineItem(
  entry: TimelineEntry,
  steps: readonly OutcomeStep[],
  language: Language,
  t: Translate,
): TimelineItem {
  const note = entry.note?.trim() || undefined;
  const stepEvent = stepEvents[entry.event];
  if (stepEvent) {
    const step = entry.step ? stepTitle(entry.step, steps, language) : '';
    const item: TimelineItem = { label: t(stepEvent.key, { step }), tone: stepEvent.tone };
    if (note && entry.event === 'step-rejected') item.reasons = note;
    if (note && entry.event === 'step-approved') item.comment = note;
    return item;
  }
  if (entry.event === 'issued') {
    return note
      ? { label: t('eventIssued', { number: note }), permitNumber: note, tone: 'issued' }
      : { label: t('eventIssuedNoNumber'), tone: 'issued' };
  }
  const plain = plainEvents[entry.event];
  // An applicant who withdraws may say why.
  if (plain)
    return {
      label: t(plain.key),
      tone: plain.tone,
      ...(note && entry.event === 'withdrawn' ? { reasons: note } : {}),
    };
  return { label: entry.event, tone: 'neutral', ...(note ? { note } : {}) };
}

/** The number of the permit issued for the application, if one was. */
export function permitNumberOf(application: Pick<Application, 'timeline'>): string | undefined {
  const issued = application.timeline.filter((entry) => entry.event === 'issued' && entry.note?.trim());
  return issued[issued.length - 1]?.note?.trim();
}

/** Where an application has ended: nothing more happens to it. */
export function hasEnded(status: string): boolean {
  return status === 'issued' || status === 'rejected' || status === 'withdrawn';
}

/** The steps refused, each with the officer's reasons, in the order they were refused. */
export function refusalReasons(
  application: Pick<Application, 'timeline' | 'procedure'>,
  language: Language,
): Array<{ step: string; reasons: string }> {
  const steps = application.procedure?.steps ?? [];
  return application.timeline
    .filter((entry) => entry.event === 'step-rejected')
    .map((entry) => ({
      step: entry.step ? stepTitle(entry.step, steps, language) : '',
      reasons: entry.note?.trim() ?? '',
    }));
}
