import { PayerArrangement, type PayerShare, type SetCaseBillingRequest } from '@trustwork/contracts';

/** Who pays for a case, as stored; `arrangement` null until someone chooses. */
export interface CaseArrangement {
  arrangement: PayerArrangement | null;
  payerParticipantId: string | null;
  shares: PayerShare[];
  individualSessionsToOwnPerson: boolean;
}

/** One of the case's people (by participant id), or the case's third party. */
export type PayerRef = { participantId: string } | { thirdParty: true };

export interface WeightedPayer {
  payer: PayerRef;
  weight: number;
}

export const NO_ARRANGEMENT: CaseArrangement = { arrangement: null, payerParticipantId: null, shares: [], individualSessionsToOwnPerson: true };

/** Said when a charge would put one partner's individual session on the other's invoice. */
export const OTHER_PARTNERS_SESSION =
  'payerId must not be the other partner: this session was with one person only, and one partner’s invoice never shows the other’s individual sessions.';

function byArrangement(billing: CaseArrangement, people: readonly string[]): WeightedPayer[] {
  switch (billing.arrangement) {
    case PayerArrangement.OnePerson:
      if (billing.payerParticipantId) return [{ payer: { participantId: billing.payerParticipantId }, weight: 1 }];
      break;
    case PayerArrangement.Shared:
      return billing.shares.map((share) => ({ payer: { participantId: share.participantId }, weight: share.percent }));
    case PayerArrangement.ThirdParty:
      return [{ payer: { thirdParty: true }, weight: 1 }];
  }
  // Nobody has chosen (or the chosen person is no longer on the case): the case's people share equally.
  return people.map((participantId) => ({ payer: { participantId }, weight: 1 }));
}

/**
 * Who pays a session attended by `attendeeIds`, and in what proportion. A session with one
 * person goes to that person, or follows the arrangement when the practice says so, but
 * never to the other partner: what would be theirs goes to the person who came.
 */
export function sessionPayers(billing: CaseArrangement, people: readonly string[], attendeeIds: readonly string[]): WeightedPayer[] {
  if (attendeeIds.length !== 1 || people.length < 2) return byArrangement(billing, people);
  const [attendee] = attendeeIds;
  const own: WeightedPayer[] = [{ payer: { participantId: attendee }, weight: 1 }];
  if (billing.individualSessionsToOwnPerson) return own;
  const allowed = byArrangement(billing, people).filter(({ payer }) => !('participantId' in payer) || payer.participantId === attendee);
  return allowed.length > 0 ? allowed : own;
}

/** Whether charging `payerParticipantId` for a session attended by `attendeeIds` would bill the other partner for an individual session. */
export function billsOtherPartner(attendeeIds: readonly string[], payerParticipantId: string | null): boolean {
  return attendeeIds.length === 1 && payerParticipantId !== null && payerParticipantId !== attendeeIds[0];
}

/** What is wrong with an arrangement for a case whose people are `people`; one message per problem. */
export function arrangementProblems(request: SetCaseBillingRequest, people: readonly string[]): string[] {
  switch (request.arrangement) {
    case PayerArrangement.OnePerson:
      if (!request.payerParticipantId) return ['payerParticipantId is required when one person pays'];
      return people.includes(request.payerParticipantId) ? [] : ['payerParticipantId must be one of the people of this case'];
    case PayerArrangement.Shared:
      return shareProblems(request.shares, people);
    case PayerArrangement.ThirdParty:
      return request.thirdParty ? [] : ['thirdParty is required when someone else pays: at least their name'];
    default:
      return [];
  }
}

function shareProblems(shares: readonly PayerShare[] | undefined, people: readonly string[]): string[] {
  if (!shares) return ['shares is required when both pay: one share per person of the case'];
  const problems: string[] = [];
  const named = shares.map((share) => share.participantId);
  if (named.some((id) => !people.includes(id))) problems.push('shares may only name the people of this case');
  if (named.length !== people.length || new Set(named).size !== named.length || people.some((id) => !named.includes(id))) {
    problems.push('shares must give one share to each person of the case');
  }
  if (shares.some((share) => share.percent < 1 || share.percent > 99)) problems.push('shares must each be a whole percent from 1 to 99');
  else if (shares.reduce((sum, share) => sum + share.percent, 0) !== 100) problems.push('shares must add up to 100 percent');
  return problems;
}
