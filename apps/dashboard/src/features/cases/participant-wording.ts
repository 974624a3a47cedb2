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

/** "Jordan & Alex": how a case is named wherever it needs a title. */
export function caseName(participants: Pick<CaseSummary['participants'][number], 'displayName'>[]): string {
  return participants.map((participant) => participant.displayName).join(' & ') || 'Unnamed case';
}
