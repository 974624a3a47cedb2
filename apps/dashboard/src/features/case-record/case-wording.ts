import { type BreachRole, type ClinicianRef, type CurrentUser, type PhaseChange } from '@trustwork/contracts';
import { phaseByNumber } from '@trustwork/trust-program';

/** Each person's side of the breach, as a sentence fragment under their name. */
export const BREACH_ROLE_WORDS: Record<BreachRole, string> = {
  'broke-trust': 'Broke trust',
  'was-hurt': 'Was hurt',
  both: 'Broke trust and was also hurt',
  'not-stated': 'Side of the breach not stated',
};

/** "Sam Rivera", or "you" for the signed-in therapist; records whose author has left say so. */
export function personName(person: ClinicianRef | null, user: CurrentUser): string {
  if (!person) return 'a former team member';
  return person.id === user.id ? 'you' : person.name;
}

/** "Moved to phase 3: Telling and hearing the hurt"; the first change is the phase the case started in. */
export function phaseChangeTitle(change: PhaseChange, first: boolean): string {
  const title = phaseByNumber(change.phase)?.title;
  const phase = title ? `phase ${change.phase}: ${title}` : `phase ${change.phase}`;
  return first ? `Started in ${phase}` : `Moved to ${phase}`;
}
