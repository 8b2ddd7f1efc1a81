import type { DocumentType } from '../../domain/codes/types';
import {
  VALIDITY_RULES,
  addCalendarMonths,
  cancel,
  computeValidUntil,
  endorse,
  expire,
  isIsoDate,
  isUsableOn,
  issuePermit,
  markUsed,
  replace,
  replacementCondition,
  statusOn,
  type PermitLifecycle,
  type PermitResult,
  type PermitStatus,
} from '../../domain/validity';

function value<T>(result: PermitResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message.en}`);
  return result.value;
}

function errorCode<T>(result: PermitResult<T>): string {
  return result.ok ? 'ok' : result.error.code;
}

/** Issued 15 January 2025 for 6 months: last valid day 15 July 2025. */
const exportPermit: PermitLifecycle = value(
  issuePermit({
    permitNumber: 'KE25000001-E',
    documentType: 'export',
    issueDate: '2025-01-15',
    authorisedQuantities: [10, 4],
    specialConditions: ['Live animals: IATA Live Animals Regulations.'],
  }),
);

describe('validity periods (reference §1.4)', () => {
  it.each<[DocumentType, string]>([
    ['export', '2025-07-15'],
    ['re-export', '2025-07-15'],
    ['import', '2026-01-15'],
    ['introduction-from-the-sea', '2026-01-15'],
    ['certificate-of-origin', '2026-01-15'],
    ['travelling-exhibition', '2028-01-15'],
    ['ownership', '2028-01-15'],
    ['pre-convention', '2028-01-15'],
    ['captive-breeding', '2028-01-15'],
    ['artificial-propagation', '2028-01-15'],
  ])('%s issued 2025-01-15 is valid until %s at the latest', (documentType, expected) => {
    expect(value(computeValidUntil(documentType, '2025-01-15'))).toBe(expected);
  });

  it('only the "other certificates" state their validity on the document', () => {
    const stated = Object.entries(VALIDITY_RULES)
      .filter(([, rule]) => rule.statedOnDocument)
      .map(([type]) => type);
    expect(stated.sort()).toEqual(['artificial-propagation', 'captive-breeding', 'pre-convention']);
  });

  it.each<[string, number, string]>([
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-12-31', 6, '2026-06-30'],
    ['2025-07-31', 6, '2026-01-31'],
    ['2025-01-01', 36, '2028-01-01'],
  ])('%s + %i calendar months = %s (same day, else the last day of the month)', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });

  it.each<[DocumentType, string, number | undefined, string]>([
    ['export', '2025-01-15', 3, 'ok'],
    ['export', '2025-01-15', 7, 'invalid-validity-months'],
    ['import', '2025-01-15', 13, 'invalid-validity-months'],
    ['export', '2025-01-15', 0, 'invalid-validity-months'],
    ['export', '2025-01-15', 2.5, 'invalid-validity-months'],
    ['export', '2025-02-30', undefined, 'invalid-date'],
    ['export', '15/01/2025', undefined, 'invalid-date'],
  ])('%s issued %s for %s months: %s', (documentType, issueDate, months, expected) => {
    expect(errorCode(computeValidUntil(documentType, issueDate, months))).toBe(expected);
  });

  it('a shorter validity is allowed; a longer one is never granted', () => {
    expect(value(computeValidUntil('export', '2025-01-15', 3))).toBe('2025-04-15');
    const refused = computeValidUntil('export', '2025-01-15', 7);
    expect(refused.ok ? '' : refused.error.message.en).toContain('from 1 to 6');
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-1', false],
    [20250101, false],
  ])('isIsoDate(%p) = %p', (input, expected) => {
    expect(isIsoDate(input)).toBe(expected);
  });
});

describe('status on a given day', () => {
  it.each<[string, PermitStatus, boolean]>([
    ['2025-01-14', 'valid', false],
    ['2025-01-15', 'valid', true],
    ['2025-07-15', 'valid', true],
    ['2025-07-16', 'expired', false],
  ])('on %s the export permit is %s (usable: %s)', (today, status, usable) => {
    expect(statusOn(exportPermit, today)).toBe(status);
    expect(isUsableOn(exportPermit, today)).toBe(usable);
  });

  it('an endorsed permit does not expire: its consignment left in time', () => {
    const endorsed = value(endorse(exportPermit, { date: '2025-07-15', quantities: [10, 4] }));
    expect(statusOn(endorsed, '2026-01-01')).toBe('endorsed');
  });
});

describe('one consignment per permit (Art. VI.5) and the Box 14 endorsement', () => {
  it('records the actual quantities, which may be less than authorised', () => {
    const endorsed = value(endorse(exportPermit, { date: '2025-03-01', quantities: [7, 0], port: 'NBO' }));
    expect(endorsed.status).toBe('endorsed');
    expect(endorsed.endorsement).toEqual({ date: '2025-03-01', quantities: [7, 0], port: 'NBO' });
    expect(exportPermit.status).toBe('valid');
  });

  it('refuses a second consignment on the same permit', () => {
    const endorsed = value(endorse(exportPermit, { date: '2025-03-01', quantities: [7, 0] }));
    const again = endorse(endorsed, { date: '2025-03-02', quantities: [3, 4] });
    expect(errorCode(again)).toBe('one-consignment-per-permit');
    expect(again.ok ? '' : again.error.message.en).toContain('Art. VI.5');
  });

  it.each<[string, { date: string; quantities: number[] }, string]>([
    ['more than authorised', { date: '2025-03-01', quantities: [11, 0] }, 'quantity-exceeds-authorised'],
    ['a negative quantity', { date: '2025-03-01', quantities: [-1, 2] }, 'quantity-exceeds-authorised'],
    [
      'not one quantity per block',
      { date: '2025-03-01', quantities: [10] },
      'quantities-do-not-match-blocks',
    ],
    ['nothing shipped', { date: '2025-03-01', quantities: [0, 0] }, 'nothing-shipped'],
    ['after the last valid day', { date: '2025-07-16', quantities: [1, 1] }, 'permit-expired'],
    ['before issue', { date: '2025-01-14', quantities: [1, 1] }, 'date-before-issue'],
    ['on a date that does not exist', { date: '2025-02-30', quantities: [1, 1] }, 'invalid-date'],
  ])('refuses an endorsement with %s', (_name, endorsement, code) => {
    expect(errorCode(endorse(exportPermit, endorsement))).toBe(code);
  });

  it('names the block whose quantity is wrong', () => {
    const result = endorse(exportPermit, { date: '2025-03-01', quantities: [1, 5] });
    expect(result.ok ? '' : result.error.message.en).toContain('block B');
  });
});

describe('lifecycle transitions', () => {
  const importPermit = value(
    issuePermit({
      permitNumber: 'FR25000009-I',
      documentType: 'import',
      issueDate: '2025-01-15',
      authorisedQuantities: [2],
    }),
  );
  const states: Record<PermitStatus, PermitLifecycle> = {
    valid: exportPermit,
    endorsed: value(endorse(exportPermit, { date: '2025-03-01', quantities: [10, 4] })),
    used: value(
      markUsed(value(endorse(exportPermit, { date: '2025-03-01', quantities: [10, 4] })), '2025-03-03'),
    ),
    expired: value(expire(exportPermit, '2025-08-01')),
    cancelled: value(cancel(exportPermit, { date: '2025-02-01', reason: 'Applicant withdrew' })),
    replaced: value(
      replace(exportPermit, { newPermitNumber: 'KE25000002-E', issueDate: '2025-02-01', reason: 'lost' }),
    ).replaced,
  };

  // Each action is tried on a day when the permit would still be valid, except expiry (after its last day).
  const actions: Record<string, (p: PermitLifecycle) => PermitResult<unknown>> = {
    endorse: (p) => endorse(p, { date: '2025-04-01', quantities: [1, 1] }),
    markUsed: (p) => markUsed(p, '2025-04-01'),
    expire: (p) => expire(p, '2025-08-01'),
    cancel: (p) => cancel(p, { date: '2025-04-01', reason: 'Fraud suspected' }),
    replace: (p) =>
      replace(p, { newPermitNumber: 'KE25000099-E', issueDate: '2025-04-01', reason: 'cancelled' }),
  };

  const expected: Record<PermitStatus, Record<keyof typeof actions, string>> = {
    valid: { endorse: 'ok', markUsed: 'ok', expire: 'ok', cancel: 'ok', replace: 'ok' },
    endorsed: {
      endorse: 'one-consignment-per-permit',
      markUsed: 'ok',
      expire: 'invalid-transition',
      cancel: 'invalid-transition',
      replace: 'invalid-transition',
    },
    used: {
      endorse: 'one-consignment-per-permit',
      markUsed: 'invalid-transition',
      expire: 'invalid-transition',
      cancel: 'invalid-transition',
      replace: 'invalid-transition',
    },
    expired: {
      endorse: 'permit-expired',
      markUsed: 'permit-expired',
      expire: 'invalid-transition',
      cancel: 'invalid-transition',
      replace: 'replacement-reason-mismatch',
    },
    cancelled: {
      endorse: 'invalid-transition',
      markUsed: 'invalid-transition',
      expire: 'invalid-transition',
      cancel: 'invalid-transition',
      replace: 'ok',
    },
    replaced: {
      endorse: 'invalid-transition',
      markUsed: 'invalid-transition',
      expire: 'invalid-transition',
      cancel: 'invalid-transition',
      replace: 'invalid-transition',
    },
  };

  const matrix = (Object.keys(expected) as PermitStatus[]).flatMap((status) =>
    Object.keys(actions).map((action) => [status, action, expected[status][action]] as const),
  );

  it.each(matrix)('%s --%s--> %s', (status, action, outcome) => {
    expect(states[status].status).toBe(status);
    expect(errorCode(actions[action]!(states[status]))).toBe(outcome);
  });

  it('explains a refused transition in the three languages', () => {
    const result = cancel(states.used, { date: '2025-04-01', reason: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toEqual({
        en: 'A document that is used cannot be cancelled.',
        fr: "Un document à l'état « utilisé » ne peut pas être annulé.",
        es: 'Un documento en estado «utilizado» no puede ser anulado.',
      });
    }
  });

  it('an import permit is used at import, not endorsed for export, and must still be valid', () => {
    expect(errorCode(endorse(importPermit, { date: '2025-03-01', quantities: [2] }))).toBe(
      'invalid-transition',
    );
    expect(value(markUsed(importPermit, '2025-03-01')).status).toBe('used');
    expect(errorCode(markUsed(importPermit, '2026-01-16'))).toBe('permit-expired');
  });

  it('an endorsed export permit may be received after its last day, not before its endorsement', () => {
    expect(value(markUsed(states.endorsed, '2025-09-01')).usedOn).toBe('2025-09-01');
    expect(errorCode(markUsed(states.endorsed, '2025-02-28'))).toBe('date-before-issue');
  });

  it('expiry is stored only after the last valid day', () => {
    expect(errorCode(expire(exportPermit, '2025-07-15'))).toBe('not-yet-expired');
    expect(value(expire(exportPermit, '2025-07-16')).status).toBe('expired');
  });

  it('cancellation needs a reason and keeps it', () => {
    expect(errorCode(cancel(exportPermit, { date: '2025-02-01', reason: '   ' }))).toBe('reason-required');
    expect(
      value(cancel(exportPermit, { date: '2025-02-01', reason: ' Wrong importer ' })).cancellation,
    ).toEqual({
      date: '2025-02-01',
      reason: 'Wrong importer',
    });
    expect(errorCode(cancel(exportPermit, { date: '2025-07-16', reason: 'Too late' }))).toBe(
      'invalid-transition',
    );
  });
});

describe('replacement (Box 5 carries the replaced number and the reason)', () => {
  it('replaces a lost permit with a fresh one of the same type and blocks', () => {
    const { replaced, replacement } = value(
      replace(exportPermit, { newPermitNumber: 'KE25000002-E', issueDate: '2025-02-01', reason: 'lost' }),
    );
    expect(replaced.status).toBe('replaced');
    expect(replaced.replacedBy).toBe('KE25000002-E');
    expect(replacement).toMatchObject({
      permitNumber: 'KE25000002-E',
      documentType: 'export',
      issueDate: '2025-02-01',
      validUntil: '2025-08-01',
      status: 'valid',
      authorisedQuantities: [10, 4],
      replaces: { permitNumber: 'KE25000001-E', reason: 'lost' },
    });
    expect(replacement.specialConditions).toEqual([
      'Replaces permit/certificate No. KE25000001-E (lost).',
      'Live animals: IATA Live Animals Regulations.',
    ]);
  });

  it('writes Box 5 in the language of the document', () => {
    const french = value(
      issuePermit({
        permitNumber: 'FR25000010-R',
        documentType: 're-export',
        issueDate: '2025-01-15',
        authorisedQuantities: [1],
        language: 'fr',
      }),
    );
    const { replacement } = value(
      replace(french, { newPermitNumber: 'FR25000011-R', issueDate: '2025-02-01', reason: 'stolen' }),
    );
    expect(replacement.specialConditions).toEqual(['Remplace le permis/certificat n° FR25000010-R (volé).']);
    expect(replacementCondition({ permitNumber: 'X1', reason: 'destroyed' }, 'es')).toBe(
      'Sustituye al permiso/certificado n.º X1 (destruido).',
    );
  });

  it('replaces an expired permit only for the reason "expired", with a new validity', () => {
    const expired = value(expire(exportPermit, '2025-08-01'));
    const { replacement } = value(
      replace(expired, { newPermitNumber: 'KE25000003-E', issueDate: '2025-08-02', reason: 'expired' }),
    );
    expect(replacement.validUntil).toBe('2026-02-02');
    expect(
      errorCode(
        replace(exportPermit, {
          newPermitNumber: 'KE25000003-E',
          issueDate: '2025-02-01',
          reason: 'expired',
        }),
      ),
    ).toBe('replacement-reason-mismatch');
  });

  it('a replacement of a replacement cites only the document it replaces', () => {
    const first = value(
      replace(exportPermit, { newPermitNumber: 'KE25000002-E', issueDate: '2025-02-01', reason: 'lost' }),
    );
    const second = value(
      replace(first.replacement, {
        newPermitNumber: 'KE25000003-E',
        issueDate: '2025-02-10',
        reason: 'corrected',
      }),
    );
    expect(second.replacement.specialConditions).toEqual([
      'Replaces permit/certificate No. KE25000002-E (corrected).',
      'Live animals: IATA Live Animals Regulations.',
    ]);
  });

  it.each<[string, Parameters<typeof replace>[1], string]>([
    [
      'the same number',
      { newPermitNumber: 'KE25000001-E', issueDate: '2025-02-01', reason: 'lost' },
      'same-permit-number',
    ],
    [
      'a date before the original',
      { newPermitNumber: 'KE25000002-E', issueDate: '2025-01-01', reason: 'lost' },
      'date-before-issue',
    ],
    [
      'a validity longer than allowed',
      { newPermitNumber: 'KE25000002-E', issueDate: '2025-02-01', reason: 'lost', validityMonths: 9 },
      'invalid-validity-months',
    ],
  ])('refuses a replacement with %s', (_name, input, code) => {
    expect(errorCode(replace(exportPermit, input))).toBe(code);
  });
});
