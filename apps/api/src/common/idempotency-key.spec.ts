import { idempotencyKeyOf } from './idempotency-key';

describe('idempotencyKeyOf', () => {
  it('accepts no key, and keys of up to 200 visible characters', () => {
    expect(idempotencyKeyOf(undefined)).toBeNull();
    for (const key of ['a', '5f0c6b1e-3c1d-4e0b-9d7e-2f4c1a2b3c4d', '01HZY3K8J9', 'k'.repeat(200), 'week:2026-05-04/alex']) {
      expect(idempotencyKeyOf(key)).toBe(key);
    }
  });

  it('refuses empty, too long, spaced or non-ASCII keys with one plain message', () => {
    for (const key of ['', 'k'.repeat(201), 'two words', 'a, b', 'clé', '\t']) {
      expect(() => idempotencyKeyOf(key)).toThrow('Idempotency-Key must be 1 to 200 letters, digits or symbols without spaces, such as a UUID');
    }
  });
});
