import { liveStatusOf, type LivePermitStatus } from '../../../domain/documents/verification-view';

describe('liveStatusOf', () => {
  it.each<[LivePermitStatus, string, string, LivePermitStatus]>([
    ['valid', '2026-12-31', '2026-12-31', 'valid'],
    ['valid', '2026-12-31', '2027-01-01', 'expired'],
    ['endorsed', '2026-12-31', '2027-01-01', 'endorsed'],
    ['cancelled', '2026-12-31', '2026-06-01', 'cancelled'],
    ['replaced', '2026-12-31', '2026-06-01', 'replaced'],
    ['used', '2026-12-31', '2027-06-01', 'used'],
  ])('%s until %s, checked on %s: %s', (status, validUntil, today, expected) => {
    expect(liveStatusOf({ status, validUntil }, today)).toBe(expected);
  });
});
