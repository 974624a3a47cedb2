import { type CaseSummary, type RelationshipType } from '@trustwork/contracts';

/**
 * The first and second person of a case in the words of its relationship: what to call each,
 * and who each is to the other (who sees their pronouns in the portal).
 */
const PARTICIPANT_WORDING: Record<RelationshipType, { labels: readonly [string, string]; other: readonly [string, string] }> = {
  couple: { labels: ['Partner 1', 'Partner 2'], other: ['the other partner', 'the other partner'] },
  'parent-child': { labels: ['Parent', 'Child'], other: ['the child', 'the parent'] },
  siblings: { labels: ['First sibling', 'Second sibling'], other: ['the other sibling', 'the other sibling'] },
  friends: { labels: ['First friend', 'Second friend'], other: ['the other friend', 'the other friend'] },
  other: { labels: ['First person', 'Second person'], other: ['the other person', 'the other person'] },
};

export function participantLabels(relationshipType: RelationshipType): readonly [string, string] {
  return PARTICIPANT_WORDING[relationshipType].labels;
}

/** Said under a person's pronouns, which the other person sees in their portal. */
export function pronounsShownTo(relationshipType: RelationshipType, index: number): string {
  return `Shown to ${PARTICIPANT_WORDING[relationshipType].other[index === 0 ? 0 : 1]} in their portal.`;
}

/** "Jordan & Alex": how a case is named wherever it needs a title. */
export function caseName(participants: Pick<CaseSummary['participants'][number], 'displayName'>[]): string {
  return participants.map((participant) => participant.displayName).join(' & ') || 'Unnamed case';
}
