import type { Application, Language, LocalizedText, OutcomeStep, TimelineEntry } from './api/types';
import type { MessageKey } from './messages';
import { readReplacementNote, replacementReasonText } from './permits';

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
  /** What an officer asked the applicant to supply. */
  asked?: string;
  /** The standing non-detriment findings that covered a step. */
  findings?: string;
  /** Why a permit was replaced, in the reader's language, with the officer's explanation. */
  reason?: string;
  /** Who a step went to when its deadline passed: a supervisor's email or a role. */
  escalatedTo?: string;
  /** The import permit (number and issuing Party) that settled a step. */
  importPermit?: string;
  /** A note shown as the server wrote it: on an event this app does not know yet, or an endorsement's port and date. */
  note?: string;
  tone: 'neutral' | 'approved' | 'refused' | 'late' | 'issued';
}

const stepEvents: Record<string, { key: MessageKey; tone: TimelineItem['tone'] }> = {
  'step-approved': { key: 'eventStepApproved', tone: 'approved' },
  'step-rejected': { key: 'eventStepRejected', tone: 'refused' },
  'step-made-by-rule': { key: 'eventStepMadeByRule', tone: 'approved' },
  'step-reminder': { key: 'eventStepReminder', tone: 'neutral' },
  'step-overdue': { key: 'eventStepOverdue', tone: 'late' },
  'step-covered-by-finding': { key: 'eventStepCoveredByFinding', tone: 'approved' },
  'step-escalated': { key: 'eventStepEscalated', tone: 'late' },
  'step-covered-by-import-permit': { key: 'eventStepCoveredByImportPermit', tone: 'approved' },
  'import-permit-not-sufficient': { key: 'eventImportPermitNotSufficient', tone: 'late' },
};

const plainEvents: Record<string, { key: MessageKey; tone: TimelineItem['tone'] }> = {
  submitted: { key: 'eventSubmitted', tone: 'neutral' },
  'review-started': { key: 'eventReviewStarted', tone: 'neutral' },
  rejected: { key: 'eventRejected', tone: 'refused' },
  withdrawn: { key: 'eventWithdrawn', tone: 'neutral' },
  'more-information-requested': { key: 'eventMoreInformationRequested', tone: 'late' },
  amended: { key: 'eventAmended', tone: 'neutral' },
  lapsed: { key: 'eventLapsed', tone: 'refused' },
  endorsed: { key: 'eventEndorsed', tone: 'issued' },
  used: { key: 'eventUsed', tone: 'issued' },
  expired: { key: 'eventExpired', tone: 'neutral' },
  cancelled: { key: 'eventCancelled', tone: 'refused' },
  're-export-quantity-drawn': { key: 'eventReExportQuantityDrawn', tone: 'approved' },
  're-export-quantity-refused': { key: 'eventReExportQuantityRefused', tone: 'refused' },
  're-export-quantity-returned': { key: 'eventReExportQuantityReturned', tone: 'neutral' },
};

/** Plain events whose note the reader should see, and how it is introduced. */
const eventNotes: Record<string, 'reasons' | 'asked' | 'note'> = {
  withdrawn: 'reasons',
  cancelled: 'reasons',
  'more-information-requested': 'asked',
  endorsed: 'note',
  're-export-quantity-drawn': 'note',
  're-export-quantity-refused': 'reasons',
  're-export-quantity-returned': 'note',
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
    if (note && entry.event === 'step-covered-by-finding') item.findings = note;
    if (note && entry.event === 'step-escalated') item.escalatedTo = note.replace(/^escalated to\s+/i, '');
    if (note && entry.event === 'step-covered-by-import-permit') item.importPermit = note;
    if (note && entry.event === 'import-permit-not-sufficient') item.reasons = note;
    return item;
  }
  if (entry.event === 'issued') {
    return note
      ? { label: t('eventIssued', { number: note }), permitNumber: note, tone: 'issued' }
      : { label: t('eventIssuedNoNumber'), tone: 'issued' };
  }
  if (entry.event === 'permit-replaced') {
    const replacement = readReplacementNote(note);
    if (!replacement)
      return { label: t('eventPermitReplacedNoNumber'), tone: 'issued', ...(note ? { note } : {}) };
    return {
      label: t('eventPermitReplaced', { from: replacement.from, to: replacement.to }),
      permitNumber: replacement.to,
      reason: replacementReasonText(replacement.reason, replacement.explanation, t),
      tone: 'issued',
    };
  }
  const plain = plainEvents[entry.event];
  // An applicant who withdraws may say why; an officer who cancels or asks for more says what.
  if (plain) {
    const item: TimelineItem = { label: t(plain.key), tone: plain.tone };
    const kind = eventNotes[entry.event];
    if (note && kind === 'reasons') item.reasons = note;
    if (note && kind === 'asked') item.asked = note;
    if (note && kind === 'note') item.note = note;
    return item;
  }
  return { label: entry.event, tone: 'neutral', ...(note ? { note } : {}) };
}

/**
 * The number of the application's current permit, if one was issued: the last replacement's new
 * number once the permit was replaced, else the number it was issued under.
 */
export function permitNumberOf(application: Pick<Application, 'timeline'>): string | undefined {
  let number: string | undefined;
  for (const entry of application.timeline) {
    if (entry.event === 'issued' && entry.note?.trim()) number = entry.note.trim();
    if (entry.event === 'permit-replaced') number = readReplacementNote(entry.note)?.to ?? number;
  }
  return number;
}

/**
 * Where no officer's step follows: the case is decided (a permit's later life is not a step), or
 * it waits for the applicant.
 */
export function hasEnded(status: string): boolean {
  return [
    'issued',
    'rejected',
    'withdrawn',
    'more-information-requested',
    'endorsed',
    'used',
    'expired',
    'cancelled',
  ].includes(status);
}

/** What the officer asked for most recently, while the applicant is to supply it. */
export function informationAskedFor(application: Pick<Application, 'timeline'>): string | undefined {
  const asked = application.timeline.filter((entry) => entry.event === 'more-information-requested');
  return asked[asked.length - 1]?.note?.trim() || undefined;
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
