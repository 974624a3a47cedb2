import { signedCopyFileName } from './signed-copy';

describe('signedCopyFileName', () => {
  const signedAt = new Date('2026-12-04T16:30:00Z');

  it('names the copy by its title and the day it was signed', () => {
    expect(signedCopyFileName({ title: 'Consent to relational therapy', signed_at: signedAt })).toBe('signed-consent-to-relational-therapy-2026-12-04.pdf');
  });

  it('keeps the header plain ASCII whatever the practice called its agreement', () => {
    expect(signedCopyFileName({ title: 'Einverständnis "Paartherapie"', signed_at: signedAt })).toBe('signed-einverstandnis-paartherapie-2026-12-04.pdf');
    expect(signedCopyFileName({ title: 'Согласие', signed_at: signedAt })).toBe('signed-agreement-2026-12-04.pdf');
  });
});
