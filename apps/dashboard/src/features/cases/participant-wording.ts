import { type CaseSummary, type RelationshipType } from '@trustwork/contracts';

/** What to call the first and second person of a case, in the words of its relationship. */
const PARTICIPANT_LABELS: Record<RelationshipType, readonly [string, string]> = {
  couple: ['Partner 1', 'Partner 2'],
  'parent-child': ['Parent', 'Child'],
  siblings: ['First sibling', 'Second sibling'],
  friends: ['First friend', 'Second friend'],
  other: ['First person', 'Second person'],
};

export function participantLabels(relationshipType: RelationshipType): readonly [string, string] {
  return PARTICIPANT_LABELS[relationshipType];
}

/** Who sees the first and second person's pronouns in their portal: the other one. */
const OTHER_PARTICIPANT: Record<RelationshipType, readonly [string, string]> = {
  couple: ['the other partner', 'the other partner'],
  'parent-child': ['the child', 'the parent'],
  siblings: ['the other sibling', 'the other sibling'],
  friends: ['the other friend', 'the other friend'],
  other: ['the other person', 'the other person'],
};

/** Said under a person's pronouns, which the other person sees in their portal. */
export function pronounsShownTo(relationshipType: RelationshipType, index: number): string {
  return `Shown to ${OTHER_PARTICIPANT[relationshipType][index === 0 ? 0 : 1]} in their portal.`;
}

/** "Jordan & Alex": how a case is named wherever it needs a title. */
export function caseName(participants: Pick<CaseSummary['participants'][number], 'displayName'>[]): string {
  return participants.map((participant) => participant.displayName).join(' & ') || 'Unnamed case';
}
