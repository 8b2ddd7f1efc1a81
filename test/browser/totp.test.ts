import { base32Decode, freshTotp, totp, totpStep } from '../support/browser';

// RFC 6238 appendix B, SHA-1 rows: the seed is the ASCII text "12345678901234567890".
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes computed by the browser tests', () => {
  it('decodes base32 as RFC 4648 does', () => {
    expect(base32Decode(rfcSecret).toString('ascii')).toBe('12345678901234567890');
    expect(base32Decode('mzxw6ytb oi======').toString('ascii')).toBe('foobar');
    expect(() => base32Decode('A1')).toThrow('not base32');
  });

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 vector at %i s', (seconds, expected) => {
    expect(totp(rfcSecret, seconds * 1000, 8)).toBe(expected);
    expect(totp(rfcSecret, seconds * 1000)).toBe(expected.slice(2));
  });

  it('waits for a later step than the one already used', async () => {
    const used = totpStep(Date.now()) - 1;
    const started = Date.now();
    await expect(freshTotp(rfcSecret, used)).resolves.toMatch(/^\d{6}$/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
