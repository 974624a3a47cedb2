import { type Participant } from '@trustwork/contracts';

type Person = Pick<Participant, 'id' | 'displayName'>;

/**
 * Whom a new note is about by default: the one person who attended, when the session
 * records only one of them (an individual session); otherwise both, a joint note.
 */
export function defaultNoteAbout(attendeeIds: string[], participants: Person[]): string | null {
  const attending = participants.filter((participant) => attendeeIds.includes(participant.id));
  return attending.length === 1 && participants.length > 1 ? attending[0].id : null;
}

/** "Confidential: about Alex Moreno only", or null for a joint note. */
export function confidentialNoteLabel(aboutParticipantId: string | null | undefined, participants: Person[]): string | null {
  if (!aboutParticipantId) return null;
  const person = participants.find((participant) => participant.id === aboutParticipantId);
  return `Confidential: about ${person?.displayName ?? 'one person'} only`;
}
