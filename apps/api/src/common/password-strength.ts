import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as commonPasswords from '@zxcvbn-ts/language-common';
import * as englishWords from '@zxcvbn-ts/language-en';
import { DomainError } from './errors/domain-error';

/** zxcvbn's "safely unguessable" (about 10^8 guesses and more). */
const LEAST_SCORE = 3;

// The estimator's time grows steeply with length (a string of digits takes seconds at 200 characters)
// and it runs on the event loop: judge the first 48 characters, with few look-alike substitutions.
const JUDGED_LENGTH = 48;
const LOOK_ALIKE_SUBSTITUTIONS = 4;

let estimator: ZxcvbnFactory | undefined;

// Built on first use: reading the dictionaries takes a moment that only setting a password needs.
function estimate(password: string, personalWords: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonPasswords.dictionary, ...englishWords.dictionary },
    graphs: commonPasswords.adjacencyGraphs,
    translations: englishWords.translations,
    maxLength: JUDGED_LENGTH,
    l33tMaxSubstitutions: LOOK_ALIKE_SUBSTITUTIONS,
  });
  return estimator.check(password, personalWords);
}

/** Each detail whole and word by word ("harbour", "lane"), as a guesser would try them. */
function wordsOf(details: string[]): string[] {
  return details.flatMap((detail) => {
    const whole = detail.toLowerCase();
    return [whole, ...whole.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3)];
  });
}

const PERSONAL = "it uses the person's name, e-mail address or the practice's name.";

/** The password, lower-cased, with every personal word taken out (longest first). */
function withoutWords(password: string, words: string[]): string {
  const longestFirst = [...new Set(words)].sort((a, b) => b.length - a.length);
  return longestFirst.reduce((rest, word) => rest.split(word).join(''), password.toLowerCase());
}

function reasonFor(result: ZxcvbnResult): string {
  const matches = (dictionary: string) => result.sequence.some((match) => 'dictionaryName' in match && match.dictionaryName === dictionary);
  if (matches('userInputs')) return PERSONAL;
  if (matches('passwords-common')) return 'it is, or is built on, a commonly used or leaked password.';
  const warning = result.feedback.warning;
  return warning ? `${warning.charAt(0).toLowerCase()}${warning.slice(1)}` : 'it follows a pattern that is quick to guess.';
}

export class PasswordEasyToGuess extends DomainError {
  readonly status = 400;
  constructor(field: string, reason: string) {
    super(`${field} is too common or easy to guess: ${reason} Try a longer phrase of several unrelated words.`);
  }
}

/**
 * Refuses a new password that a guesser would try early (NIST SP 800-63B): checked offline
 * against lists of common and leaked passwords, English words and keyboard patterns, and
 * the words of the person's name and e-mail and the practice's name. `field` names it in the refusal.
 */
export function assertHardToGuess(field: string, password: string, personalDetails: string[]): void {
  const words = wordsOf(personalDetails);
  const result = estimate(password, words);
  if (result.score < LEAST_SCORE) throw new PasswordEasyToGuess(field, reasonFor(result));
  // The estimator scores "ana.ruiz.therapy" as strong; what is left without the personal words must be strong on its own.
  const rest = withoutWords(password, words);
  if (rest !== password.toLowerCase() && estimate(rest, []).score < LEAST_SCORE) throw new PasswordEasyToGuess(field, PERSONAL);
}
