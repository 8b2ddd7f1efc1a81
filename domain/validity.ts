import type { DocumentType, IsoDate, Language, LocalizedText } from './codes/types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the value is a real calendar date written `YYYY-MM-DD` (so `2025-02-29` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The same day of the month `months` calendar months later; when that month is shorter, its last day
 * (31 August + 6 months = 28 or 29 February). The caller passes a valid date (see {@link isIsoDate}).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 1, 1];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}

/** How long a document may be valid and where that limit comes from. */
export interface ValidityRule {
  /** The longest validity, in calendar months from the date of issue. */
  readonly maxMonths: number;
  /** The provision or regulation the limit comes from. */
  readonly basis: string;
  /**
   * The validity is whatever the issuing Management Authority states on the document, up to the maximum;
   * the form should ask for it.
   */
  readonly statedOnDocument: boolean;
}

/**
 * Maximum validity per document (reference §1.4). Pre-Convention, captive-breeding and
 * artificial-propagation certificates fall under "other certificates": stated on the document, at most
 * three years.
 */
export const VALIDITY_RULES: Readonly<Record<DocumentType, ValidityRule>> = {
  export: { maxMonths: 6, basis: 'Art. VI.2', statedOnDocument: false },
  're-export': { maxMonths: 6, basis: '50 CFR 23.54(b)(1)', statedOnDocument: false },
  import: { maxMonths: 12, basis: '50 CFR 23.54(b)(2)', statedOnDocument: false },
  'introduction-from-the-sea': {
    maxMonths: 12,
    basis: 'Art. IV.7; 50 CFR 23.54(b)(2)',
    statedOnDocument: false,
  },
  'certificate-of-origin': { maxMonths: 12, basis: '50 CFR 23.54(b)(2)', statedOnDocument: false },
  'travelling-exhibition': { maxMonths: 36, basis: '50 CFR 23.54(b)(3)', statedOnDocument: false },
  ownership: { maxMonths: 36, basis: '50 CFR 23.54(b)(3)', statedOnDocument: false },
  'pre-convention': { maxMonths: 36, basis: '50 CFR 23.54(b)(4)', statedOnDocument: true },
  'captive-breeding': { maxMonths: 36, basis: '50 CFR 23.54(b)(4)', statedOnDocument: true },
  'artificial-propagation': { maxMonths: 36, basis: '50 CFR 23.54(b)(4)', statedOnDocument: true },
};

/** Why a validity or a lifecycle transition was refused. */
export type PermitErrorCode =
  | 'invalid-date'
  | 'invalid-validity-months'
  | 'invalid-transition'
  | 'date-before-issue'
  | 'permit-expired'
  | 'not-yet-expired'
  | 'one-consignment-per-permit'
  | 'quantities-do-not-match-blocks'
  | 'quantity-exceeds-authorised'
  | 'nothing-shipped'
  | 'reason-required'
  | 'replacement-reason-mismatch'
  | 'same-permit-number';

/** A refusal, with a stable code and an explanation in each CITES language. */
export interface PermitError {
  readonly code: PermitErrorCode;
  readonly message: LocalizedText;
}

/** Either the result or the reason it was refused; the domain never throws for a business rule. */
export type PermitResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PermitError };

function ok<T>(value: T): PermitResult<T> {
  return { ok: true, value };
}

function fail<T>(code: PermitErrorCode, message: LocalizedText): PermitResult<T> {
  return { ok: false, error: { code, message } };
}

function invalidDate<T>(date: string): PermitResult<T> {
  return fail('invalid-date', {
    en: `"${date}" is not a calendar date (YYYY-MM-DD).`,
    fr: `« ${date} » n'est pas une date valide (AAAA-MM-JJ).`,
    es: `«${date}» no es una fecha válida (AAAA-MM-DD).`,
  });
}

/**
 * The last day a document issued on `issueDate` may be used: the same day of the month `months` months
 * later, or the last day of that month when it is shorter (31 August + 6 months = end of February). The
 * document is valid until midnight at the end of that day (reference §1.4). `months` defaults to the
 * maximum for the document and may only shorten it: validity is never extended.
 */
export function computeValidUntil(
  documentType: DocumentType,
  issueDate: IsoDate,
  months?: number,
): PermitResult<IsoDate> {
  if (!isIsoDate(issueDate)) return invalidDate(issueDate);
  const { maxMonths } = VALIDITY_RULES[documentType];
  const chosen = months ?? maxMonths;
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > maxMonths) {
    return fail('invalid-validity-months', {
      en: `The validity must be a whole number of months from 1 to ${maxMonths} for this document.`,
      fr: `La validité doit être un nombre entier de mois compris entre 1 et ${maxMonths} pour ce document.`,
      es: `La validez debe ser un número entero de meses entre 1 y ${maxMonths} para este documento.`,
    });
  }
  return ok(addCalendarMonths(issueDate, chosen));
}

/**
 * Where a permit or certificate is in its life. `valid`: issued and usable; `endorsed`: Box 14 filled in
 * at export, the consignment has left; `used`: the importing State has cancelled and retained it (Art.
 * VI.6); `expired`: its last day has passed unused; `cancelled` by the issuing authority; `replaced` by
 * another document.
 */
export type PermitStatus = 'valid' | 'endorsed' | 'used' | 'expired' | 'cancelled' | 'replaced';

/** Why a document was replaced; the list of EU Reg. 865/2006 Art. 12, plus the correction of an error. */
export type ReplacementReason = 'cancelled' | 'lost' | 'stolen' | 'destroyed' | 'expired' | 'corrected';

/** The Box 14 endorsement: the actual quantity of each block shipped in the one consignment. */
export interface Endorsement {
  readonly date: IsoDate;
  /** One entry per block, in block order (A, B, C, D); 0 for a block not shipped. */
  readonly quantities: readonly number[];
  readonly port?: string;
}

/** The state of one issued document that its lifecycle functions need and return. */
export interface PermitLifecycle {
  readonly permitNumber: string;
  readonly documentType: DocumentType;
  readonly issueDate: IsoDate;
  readonly validUntil: IsoDate;
  readonly status: PermitStatus;
  /** The quantity authorised in each block (A, B, C, D). */
  readonly authorisedQuantities: readonly number[];
  /** Box 5, one condition per entry, in the language of the document. */
  readonly specialConditions: readonly string[];
  readonly language: Language;
  readonly endorsement?: Endorsement;
  readonly usedOn?: IsoDate;
  readonly cancellation?: { readonly date: IsoDate; readonly reason: string };
  readonly replaces?: { readonly permitNumber: string; readonly reason: ReplacementReason };
  readonly replacedBy?: string;
}

/** What the issuing authority decides when it issues a document. */
export interface IssueInput {
  readonly permitNumber: string;
  readonly documentType: DocumentType;
  readonly issueDate: IsoDate;
  /** Shorter than the maximum if the authority so decides; see {@link computeValidUntil}. */
  readonly validityMonths?: number;
  readonly authorisedQuantities: readonly number[];
  readonly specialConditions?: readonly string[];
  readonly language?: Language;
}

/** A freshly issued document, valid from its date of issue to its computed last day. */
export function issuePermit(input: IssueInput): PermitResult<PermitLifecycle> {
  const validUntil = computeValidUntil(input.documentType, input.issueDate, input.validityMonths);
  if (!validUntil.ok) return validUntil;
  return ok({
    permitNumber: input.permitNumber,
    documentType: input.documentType,
    issueDate: input.issueDate,
    validUntil: validUntil.value,
    status: 'valid',
    authorisedQuantities: [...input.authorisedQuantities],
    specialConditions: [...(input.specialConditions ?? [])],
    language: input.language ?? 'en',
  });
}

/**
 * The status as seen on `today`: a `valid` document whose last day has passed is `expired` even before
 * the stored status catches up. An endorsed document does not expire: its export happened in time.
 */
export function statusOn(permit: PermitLifecycle, today: IsoDate): PermitStatus {
  return permit.status === 'valid' && today > permit.validUntil ? 'expired' : permit.status;
}

/** Whether the document may still be presented for the consignment it covers on `date`. */
export function isUsableOn(permit: PermitLifecycle, date: IsoDate): boolean {
  return statusOn(permit, date) === 'valid' && date >= permit.issueDate;
}

const STATUS_NAMES: Readonly<Record<PermitStatus, LocalizedText>> = {
  valid: { en: 'valid', fr: 'valide', es: 'válido' },
  endorsed: { en: 'endorsed', fr: 'visé', es: 'refrendado' },
  used: { en: 'used', fr: 'utilisé', es: 'utilizado' },
  expired: { en: 'expired', fr: 'expiré', es: 'caducado' },
  cancelled: { en: 'cancelled', fr: 'annulé', es: 'anulado' },
  replaced: { en: 'replaced', fr: 'remplacé', es: 'sustituido' },
};

function invalidTransition<T>(action: LocalizedText, status: PermitStatus): PermitResult<T> {
  return fail('invalid-transition', {
    en: `A document that is ${STATUS_NAMES[status].en} cannot be ${action.en}.`,
    fr: `Un document à l'état « ${STATUS_NAMES[status].fr} » ne peut pas être ${action.fr}.`,
    es: `Un documento en estado «${STATUS_NAMES[status].es}» no puede ser ${action.es}.`,
  });
}

function checkDate<T>(date: IsoDate, permit: PermitLifecycle): PermitResult<T> | undefined {
  if (!isIsoDate(date)) return invalidDate(date);
  if (date < permit.issueDate) {
    return fail('date-before-issue', {
      en: `${date} is before the document was issued (${permit.issueDate}).`,
      fr: `Le ${date} est antérieur à la délivrance du document (${permit.issueDate}).`,
      es: `El ${date} es anterior a la expedición del documento (${permit.issueDate}).`,
    });
  }
  return undefined;
}

function expiredOn<T>(permit: PermitLifecycle, date: IsoDate): PermitResult<T> {
  return fail('permit-expired', {
    en: `The document was valid until ${permit.validUntil} and cannot be used on ${date}.`,
    fr: `Le document était valable jusqu'au ${permit.validUntil} et ne peut pas être utilisé le ${date}.`,
    es: `El documento era válido hasta el ${permit.validUntil} y no puede utilizarse el ${date}.`,
  });
}

/**
 * Record the Box 14 export endorsement. Only once: a document covers a single consignment (Art. VI.5),
 * so the unshipped balance cannot leave later on the same document. Each actual quantity may be less than
 * authorised, never more.
 */
export function endorse(permit: PermitLifecycle, endorsement: Endorsement): PermitResult<PermitLifecycle> {
  const badDate = checkDate<PermitLifecycle>(endorsement.date, permit);
  if (badDate) return badDate;
  if (permit.status === 'endorsed' || permit.status === 'used') {
    return fail('one-consignment-per-permit', {
      en: 'The document has already covered its consignment; each consignment needs its own document (Art. VI.5).',
      fr: 'Le document a déjà couvert son envoi ; chaque envoi exige un document distinct (Art. VI.5).',
      es: 'El documento ya ha amparado su envío; cada envío requiere un documento distinto (Art. VI.5).',
    });
  }
  if (permit.documentType === 'import') {
    return invalidTransition(
      { en: 'endorsed for export', fr: "visé à l'exportation", es: 'refrendado para la exportación' },
      permit.status,
    );
  }
  const status = statusOn(permit, endorsement.date);
  if (status === 'expired') return expiredOn(permit, endorsement.date);
  if (status !== 'valid') {
    return invalidTransition({ en: 'endorsed', fr: 'visé', es: 'refrendado' }, status);
  }
  const { quantities } = endorsement;
  if (quantities.length !== permit.authorisedQuantities.length) {
    return fail('quantities-do-not-match-blocks', {
      en: `The endorsement gives ${quantities.length} quantities for ${permit.authorisedQuantities.length} blocks.`,
      fr: `Le visa indique ${quantities.length} quantités pour ${permit.authorisedQuantities.length} blocs.`,
      es: `El refrendo indica ${quantities.length} cantidades para ${permit.authorisedQuantities.length} bloques.`,
    });
  }
  const over = quantities.findIndex(
    (q, i) => !Number.isFinite(q) || q < 0 || q > (permit.authorisedQuantities[i] ?? 0),
  );
  if (over >= 0) {
    const block = String.fromCharCode(65 + over);
    return fail('quantity-exceeds-authorised', {
      en: `The quantity of block ${block} must be between 0 and the ${permit.authorisedQuantities[over]} authorised.`,
      fr: `La quantité du bloc ${block} doit être comprise entre 0 et les ${permit.authorisedQuantities[over]} autorisés.`,
      es: `La cantidad del bloque ${block} debe estar entre 0 y los ${permit.authorisedQuantities[over]} autorizados.`,
    });
  }
  if (quantities.every((q) => q === 0)) {
    return fail('nothing-shipped', {
      en: 'An endorsement records what was shipped; every quantity is zero.',
      fr: 'Un visa enregistre ce qui a été expédié ; toutes les quantités sont nulles.',
      es: 'Un refrendo registra lo enviado; todas las cantidades son cero.',
    });
  }
  return ok({ ...permit, status: 'endorsed', endorsement: { ...endorsement, quantities: [...quantities] } });
}

/**
 * The importing State has cancelled and retained the document (Art. VI.6). An endorsed document may
 * arrive after its last day (it left in time); an unendorsed one, or an import permit, must still be valid.
 */
export function markUsed(permit: PermitLifecycle, date: IsoDate): PermitResult<PermitLifecycle> {
  const badDate = checkDate<PermitLifecycle>(date, permit);
  if (badDate) return badDate;
  const status = statusOn(permit, date);
  if (status === 'expired') return expiredOn(permit, date);
  if (status === 'endorsed' && permit.endorsement && date < permit.endorsement.date) {
    return fail('date-before-issue', {
      en: `${date} is before the export endorsement (${permit.endorsement.date}).`,
      fr: `Le ${date} est antérieur au visa d'exportation (${permit.endorsement.date}).`,
      es: `El ${date} es anterior al refrendo de exportación (${permit.endorsement.date}).`,
    });
  }
  if (status !== 'valid' && status !== 'endorsed') {
    return invalidTransition({ en: 'used', fr: 'utilisé', es: 'utilizado' }, status);
  }
  return ok({ ...permit, status: 'used', usedOn: date });
}

/** Store the expiry of a document whose last day has passed unused (the workflow's expiry timer). */
export function expire(permit: PermitLifecycle, today: IsoDate): PermitResult<PermitLifecycle> {
  if (!isIsoDate(today)) return invalidDate(today);
  if (permit.status !== 'valid') {
    return invalidTransition({ en: 'expired', fr: 'expiré', es: 'caducado' }, permit.status);
  }
  if (today <= permit.validUntil) {
    return fail('not-yet-expired', {
      en: `The document is valid until the end of ${permit.validUntil}.`,
      fr: `Le document est valable jusqu'à la fin du ${permit.validUntil}.`,
      es: `El documento es válido hasta el final del ${permit.validUntil}.`,
    });
  }
  return ok({ ...permit, status: 'expired' });
}

function missingReason<T>(): PermitResult<T> {
  return fail('reason-required', {
    en: 'A reason is required.',
    fr: 'Un motif est obligatoire.',
    es: 'Se requiere un motivo.',
  });
}

/**
 * The issuing authority cancels a document that has not covered a consignment yet. Once endorsed, used,
 * expired or replaced there is nothing left to cancel.
 */
export function cancel(
  permit: PermitLifecycle,
  cancellation: { readonly date: IsoDate; readonly reason: string },
): PermitResult<PermitLifecycle> {
  const badDate = checkDate<PermitLifecycle>(cancellation.date, permit);
  if (badDate) return badDate;
  const reason = cancellation.reason.trim();
  if (reason === '') return missingReason();
  const status = statusOn(permit, cancellation.date);
  if (status !== 'valid') return invalidTransition({ en: 'cancelled', fr: 'annulé', es: 'anulado' }, status);
  return ok({ ...permit, status: 'cancelled', cancellation: { date: cancellation.date, reason } });
}

const REASON_NAMES: Readonly<Record<ReplacementReason, LocalizedText>> = {
  cancelled: { en: 'cancelled', fr: 'annulé', es: 'anulado' },
  lost: { en: 'lost', fr: 'perdu', es: 'extraviado' },
  stolen: { en: 'stolen', fr: 'volé', es: 'robado' },
  destroyed: { en: 'destroyed', fr: 'détruit', es: 'destruido' },
  expired: { en: 'expired', fr: 'expiré', es: 'caducado' },
  corrected: { en: 'corrected', fr: 'corrigé', es: 'corregido' },
};

/**
 * The Box 5 text of a replacement document, giving the number of the document it replaces and why, as
 * the replacement practice requires (reference §1.5).
 */
export function replacementCondition(
  replaced: { readonly permitNumber: string; readonly reason: ReplacementReason },
  language: Language,
): string {
  const reason = REASON_NAMES[replaced.reason][language];
  switch (language) {
    case 'en':
      return `Replaces permit/certificate No. ${replaced.permitNumber} (${reason}).`;
    case 'fr':
      return `Remplace le permis/certificat n° ${replaced.permitNumber} (${reason}).`;
    case 'es':
      return `Sustituye al permiso/certificado n.º ${replaced.permitNumber} (${reason}).`;
  }
}

/** What the issuing authority decides when it replaces a document. */
export interface ReplacementInput {
  readonly newPermitNumber: string;
  readonly issueDate: IsoDate;
  readonly reason: ReplacementReason;
  readonly validityMonths?: number;
  /** Box 5 conditions carried on besides the replacement note; default: those of the replaced document. */
  readonly specialConditions?: readonly string[];
}

/**
 * Replace a document that was cancelled, lost, stolen, destroyed, expired or issued with an error. The old
 * one becomes `replaced`; the new one is a fresh document of the same type and blocks whose Box 5 starts
 * with the replaced number and the reason. An expired document is replaced only for the reason `expired`,
 * and that reason needs an expired document; an endorsed or used one has covered its consignment and
 * cannot be replaced.
 */
export function replace(
  permit: PermitLifecycle,
  input: ReplacementInput,
): PermitResult<{ readonly replaced: PermitLifecycle; readonly replacement: PermitLifecycle }> {
  const badDate = checkDate<never>(input.issueDate, permit);
  if (badDate) return badDate;
  if (input.newPermitNumber === permit.permitNumber) {
    return fail('same-permit-number', {
      en: 'A replacement document needs a number of its own.',
      fr: 'Un document de remplacement doit avoir son propre numéro.',
      es: 'Un documento de sustitución necesita un número propio.',
    });
  }
  const status = statusOn(permit, input.issueDate);
  if (status !== 'valid' && status !== 'cancelled' && status !== 'expired') {
    return invalidTransition({ en: 'replaced', fr: 'remplacé', es: 'sustituido' }, status);
  }
  if ((status === 'expired') !== (input.reason === 'expired')) {
    return fail('replacement-reason-mismatch', {
      en: `A document that is ${STATUS_NAMES[status].en} cannot be replaced for the reason "${REASON_NAMES[input.reason].en}".`,
      fr: `Un document à l'état « ${STATUS_NAMES[status].fr} » ne peut pas être remplacé au motif « ${REASON_NAMES[input.reason].fr} ».`,
      es: `Un documento en estado «${STATUS_NAMES[status].es}» no puede sustituirse por el motivo «${REASON_NAMES[input.reason].es}».`,
    });
  }
  const replaces = { permitNumber: permit.permitNumber, reason: input.reason };
  // The note about an earlier replacement describes the old document, not the new one.
  const earlierNote = permit.replaces ? replacementCondition(permit.replaces, permit.language) : undefined;
  const conditions = input.specialConditions ?? permit.specialConditions.filter((c) => c !== earlierNote);
  const issued = issuePermit({
    permitNumber: input.newPermitNumber,
    documentType: permit.documentType,
    issueDate: input.issueDate,
    validityMonths: input.validityMonths,
    authorisedQuantities: permit.authorisedQuantities,
    specialConditions: [replacementCondition(replaces, permit.language), ...conditions],
    language: permit.language,
  });
  if (!issued.ok) return issued;
  return ok({
    replaced: { ...permit, status: 'replaced', replacedBy: input.newPermitNumber },
    replacement: { ...issued.value, replaces },
  });
}
