import { assertHardToGuess, PasswordEasyToGuess } from './password-strength';
import { TEST_PASSWORD } from '../../test/test-secrets';

const ANA = ['Dr Ana Ruiz', 'ana.ruiz@example.test', 'Riverbend Couples Therapy'];

function refusal(password: string, details = ANA): string | null {
  try {
    assertHardToGuess('password', password, details);
    return null;
  } catch (error) {
    if (!(error instanceof PasswordEasyToGuess)) throw error;
    expect(error.status).toBe(400);
    return error.message;
  }
}

describe('assertHardToGuess', () => {
  it.each(['1234567890', 'password123', 'qwertyuiop', 'iloveyou12', 'Password1!', 'aaaaaaaaaaaa', 'abcdefghijkl'])(
    'refuses %s, saying why and what works',
    (password) => {
      expect(refusal(password)).toMatch(/^password is too common or easy to guess: .+\. Try a longer phrase of several unrelated words\.$/);
    },
  );

  it.each(['Riverbend2024!', 'ana.ruiz.therapy', 'anaruiz2024', 'ana.ruiz@example.test', 'riverbend couples'])(
    "refuses %s, built from the person's or the practice's own details",
    (password) => {
      expect(refusal(password)).toBe(
        "password is too common or easy to guess: it uses the person's name, e-mail address or the practice's name. Try a longer phrase of several unrelated words.",
      );
    },
  );

  it('judges a very long password by its start, so a long run of digits is refused', () => {
    expect(refusal('1'.repeat(200))).not.toBeNull();
    expect(refusal(`maple cloud river stone ${'1'.repeat(170)}`)).toBeNull();
  });

  it.each(['maple cloud river stone', 'ana loves quiet harbour mornings', 'kq7m-x3tp-9wfz', TEST_PASSWORD])('accepts %s', (password) => {
    expect(refusal(password)).toBeNull();
  });

  it("accepts the browser journeys' owner password for its owner", () => {
    expect(refusal('a long owner passphrase', ['Ruth Adeyemi', 'owner-1a2b3c@e2e.trustwork.test', 'Northgate Couples Practice'])).toBeNull();
  });

  it('names the field the password came in', () => {
    expect(() => assertHardToGuess('temporaryPassword', 'password123', [])).toThrow(/^temporaryPassword is too common/);
  });
});
