import { generateSync } from 'otplib';
import { acceptedStep, newTotpSecret, totpAddress } from './totp';
import { newRecoveryCode, recoveryCodeHash } from './recovery-codes';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (ASCII), here in Base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_SHA1_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const PERIOD = 30;
const at = (seconds: number) => seconds * 1000;
const codeAt = (secret: string, seconds: number) => generateSync({ secret, epoch: seconds });

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_SHA1_VECTORS)('at %i s the RFC gives %s with 8 digits', (seconds, code) => {
    expect(generateSync({ secret: RFC_SECRET, digits: 8, algorithm: 'sha1', period: PERIOD, epoch: seconds })).toBe(code);
  });

  it.each(RFC_SHA1_VECTORS)('at %i s accepts the last six digits of %s (the RFC truncates the same number)', (seconds, code) => {
    expect(acceptedStep(RFC_SECRET, code.slice(-6), null, at(seconds))).toBe(Math.floor(seconds / PERIOD));
  });

  it('accepts one step of drift either way and no more', () => {
    const now = 1234567890;
    const code = codeAt(RFC_SECRET, now);
    const step = Math.floor(now / PERIOD);
    expect(acceptedStep(RFC_SECRET, code, null, at(now + PERIOD))).toBe(step);
    expect(acceptedStep(RFC_SECRET, code, null, at(now - PERIOD))).toBe(step);
    expect(acceptedStep(RFC_SECRET, code, null, at(now + 2 * PERIOD))).toBeNull();
    expect(acceptedStep(RFC_SECRET, code, null, at(now - 2 * PERIOD))).toBeNull();
  });

  it('refuses a code whose step was already accepted, or an older one (replay)', () => {
    const now = 1234567890;
    const step = Math.floor(now / PERIOD);
    const current = codeAt(RFC_SECRET, now);
    const previous = codeAt(RFC_SECRET, now - PERIOD);
    expect(acceptedStep(RFC_SECRET, current, step, at(now))).toBeNull();
    expect(acceptedStep(RFC_SECRET, previous, step, at(now))).toBeNull();
    expect(acceptedStep(RFC_SECRET, current, step - 1, at(now))).toBe(step);
    // The next step's code is still good once this one is used.
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now + PERIOD), step, at(now + PERIOD))).toBe(step + 1);
  });

  it('refuses wrong codes and anything that is not six digits, and ignores spaces', () => {
    const now = 1234567890;
    const code = codeAt(RFC_SECRET, now);
    expect(acceptedStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, null, at(now))).not.toBeNull();
    expect(acceptedStep(RFC_SECRET, String((Number(code) + 1) % 1_000_000).padStart(6, '0'), null, at(now))).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(acceptedStep(RFC_SECRET, bad, null, at(now))).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth address naming Trustwork and the person', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const address = new URL(totpAddress(secret, 'ana@example.com'));
    expect(address.protocol).toBe('otpauth:');
    expect(address.host).toBe('totp');
    expect(decodeURIComponent(address.pathname)).toBe('/Trustwork:ana@example.com');
    expect(address.searchParams.get('secret')).toBe(secret);
    expect(address.searchParams.get('issuer')).toBe('Trustwork');
    expect(address.searchParams.get('digits') ?? '6').toBe('6');
    expect(address.searchParams.get('period') ?? '30').toBe('30');
    expect((address.searchParams.get('algorithm') ?? 'SHA1').toUpperCase()).toBe('SHA1');
  });
});

describe('recovery codes', () => {
  it('are three groups of four unambiguous characters (60 bits), each different', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same however they are typed, and differently from other codes', () => {
    const hash = recoveryCodeHash('k7pd-m2xq-9fr1');
    expect(recoveryCodeHash(' K7PD M2XQ 9FRL ')).toBe(hash);
    expect(recoveryCodeHash('k7pdm2xq9fri')).toBe(hash);
    expect(recoveryCodeHash('k7pd-m2xq-9fr2')).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
