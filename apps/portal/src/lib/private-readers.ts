import type { PortalWelcome } from '@trustwork/contracts';

const names = (people: readonly { name: string }[]) =>
  new Intl.ListFormat('en', { type: 'conjunction' }).format(people.map((person) => person.name));

/**
 * Who can read a private message, as the API's access rules have it: "Only your therapist,
 * Dr Mira Okafor, and the owner of Harbour Counselling, Olive Owner, can read it."
 */
export function privateReadersSentence({ privateReaders, practice }: PortalWelcome): string {
  const { therapists, practiceOwners } = privateReaders;
  const readers: string[] = [];
  if (therapists.length > 0) readers.push(`your ${therapists.length === 1 ? 'therapist' : 'therapists'}, ${names(therapists)},`);
  if (practiceOwners.length > 0) {
    readers.push(`the ${practiceOwners.length === 1 ? 'owner' : 'owners'} of ${practice.name}, ${names(practiceOwners)},`);
  }
  if (readers.length === 0) return `Only the people looking after you at ${practice.name} can read it.`;
  return `Only ${readers.join(' and ')} can read it.`;
}
