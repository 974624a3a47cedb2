/** How the portal refers to the other person once it has named them. */
export interface Pronouns {
  /** "she", "they": or the first name again. */
  subject: string;
  /** "her", "them": or the first name again. */
  object: string;
  /** "they do" rather than "she does". */
  plural: boolean;
}

const KNOWN: Record<string, Pronouns> = {
  he: { subject: 'he', object: 'him', plural: false },
  she: { subject: 'she', object: 'her', plural: false },
  they: { subject: 'they', object: 'them', plural: true },
};

/**
 * The pronouns the therapist recorded ("she/her", "He / Him", "they/she": the first is used).
 * None recorded, or ones we cannot read: the name again, which is never wrong.
 */
export function pronounsOf(firstName: string, recorded: string | null): Pronouns {
  const first = (recorded ?? '').trim().toLowerCase().split(/[\s/,]+/)[0];
  return KNOWN[first] ?? { subject: firstName, object: firstName, plural: false };
}

/** "she does", "they do", "Sam does". */
export function does(person: Pronouns): string {
  return `${person.subject} ${person.plural ? 'do' : 'does'}`;
}
