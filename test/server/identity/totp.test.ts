import { matchTotp, newTotpSecret, otpauthUrl, totpCode } from '../../../server/identity/totp';

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890" (base32 below); codes are the last
// six digits of the eight-digit values the RFC lists.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('at %i s gives %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('accepts one step of clock drift either side and no more', () => {
    const now = 1_800_000_000_000;
    const code = totpCode(RFC_SECRET, now);
    expect(matchTotp(RFC_SECRET, code, now)).toBe(Math.floor(now / 30_000));
    expect(matchTotp(RFC_SECRET, code, now + 30_000)).toBeDefined();
    expect(matchTotp(RFC_SECRET, code, now - 30_000)).toBeDefined();
    expect(matchTotp(RFC_SECRET, code, now + 90_000)).toBeUndefined();
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 456'])('refuses the malformed code %j', (code) => {
    expect(matchTotp(RFC_SECRET, code, 59_000)).toBeUndefined();
  });

  it('makes 160-bit secrets that apps can read, and a provisioning URL naming the account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(otpauthUrl(secret, 'ma@demo.test', 'Pangolin KE')).toBe(
      `otpauth://totp/Pangolin%20KE%3Ama%40demo.test?secret=${secret}&issuer=Pangolin%20KE&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
