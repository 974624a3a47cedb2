import { NO_ARRANGEMENT, arrangementProblems, billsOtherPartner, sessionPayers, type CaseArrangement } from './payer-rules';

const ALEX = 'alex';
const SAM = 'sam';
const PEOPLE = [ALEX, SAM];
const THIRD = { thirdParty: true } as const;

const arrangement = (overrides: Partial<CaseArrangement>): CaseArrangement => ({ ...NO_ARRANGEMENT, ...overrides });

describe('who pays a session', () => {
  it('shares a joint session equally while nobody has chosen', () => {
    expect(sessionPayers(NO_ARRANGEMENT, PEOPLE, PEOPLE)).toEqual([
      { payer: { participantId: ALEX }, weight: 1 },
      { payer: { participantId: SAM }, weight: 1 },
    ]);
  });

  it('follows the arrangement for a joint session', () => {
    expect(sessionPayers(arrangement({ arrangement: 'one-person', payerParticipantId: SAM }), PEOPLE, PEOPLE)).toEqual([{ payer: { participantId: SAM }, weight: 1 }]);
    const shared = arrangement({ arrangement: 'shared', shares: [{ participantId: ALEX, percent: 70 }, { participantId: SAM, percent: 30 }] });
    expect(sessionPayers(shared, PEOPLE, PEOPLE)).toEqual([
      { payer: { participantId: ALEX }, weight: 70 },
      { payer: { participantId: SAM }, weight: 30 },
    ]);
    expect(sessionPayers(arrangement({ arrangement: 'third-party' }), PEOPLE, PEOPLE)).toEqual([{ payer: THIRD, weight: 1 }]);
  });

  it('bills a session with one person to that person by default, whatever the arrangement', () => {
    for (const billing of [NO_ARRANGEMENT, arrangement({ arrangement: 'one-person', payerParticipantId: SAM }), arrangement({ arrangement: 'third-party' })]) {
      expect(sessionPayers(billing, PEOPLE, [ALEX])).toEqual([{ payer: { participantId: ALEX }, weight: 1 }]);
    }
  });

  it('lets a one-person session follow the arrangement, but never onto the other partner', () => {
    const follow = { individualSessionsToOwnPerson: false };
    expect(sessionPayers(arrangement({ ...follow, arrangement: 'third-party' }), PEOPLE, [ALEX])).toEqual([{ payer: THIRD, weight: 1 }]);
    expect(sessionPayers(arrangement({ ...follow, arrangement: 'one-person', payerParticipantId: ALEX }), PEOPLE, [ALEX])).toEqual([
      { payer: { participantId: ALEX }, weight: 1 },
    ]);
    // Sam pays for the couple, but Alex's own session goes to Alex.
    expect(sessionPayers(arrangement({ ...follow, arrangement: 'one-person', payerParticipantId: SAM }), PEOPLE, [ALEX])).toEqual([
      { payer: { participantId: ALEX }, weight: 1 },
    ]);
    const shared = arrangement({ ...follow, arrangement: 'shared', shares: [{ participantId: ALEX, percent: 40 }, { participantId: SAM, percent: 60 }] });
    expect(sessionPayers(shared, PEOPLE, [SAM])).toEqual([{ payer: { participantId: SAM }, weight: 60 }]);
    expect(sessionPayers(arrangement(follow), PEOPLE, [SAM])).toEqual([{ payer: { participantId: SAM }, weight: 1 }]);
  });

  it('knows when a payer is the other partner of a one-person session', () => {
    expect(billsOtherPartner([ALEX], SAM)).toBe(true);
    expect(billsOtherPartner([ALEX], ALEX)).toBe(false);
    expect(billsOtherPartner([ALEX], null)).toBe(false);
    expect(billsOtherPartner(PEOPLE, SAM)).toBe(false);
  });
});

describe('what is wrong with an arrangement', () => {
  it('accepts each arrangement complete', () => {
    expect(arrangementProblems({ arrangement: 'one-person', payerParticipantId: ALEX }, PEOPLE)).toEqual([]);
    expect(arrangementProblems({ arrangement: 'shared', shares: [{ participantId: SAM, percent: 1 }, { participantId: ALEX, percent: 99 }] }, PEOPLE)).toEqual([]);
    expect(arrangementProblems({ arrangement: 'third-party', thirdParty: { name: 'Pat Rivera', email: null, address: null } }, PEOPLE)).toEqual([]);
  });

  it('needs the payer of a one-person arrangement to be one of the case’s people', () => {
    expect(arrangementProblems({ arrangement: 'one-person' }, PEOPLE)).toEqual(['payerParticipantId is required when one person pays']);
    expect(arrangementProblems({ arrangement: 'one-person', payerParticipantId: 'someone' }, PEOPLE)).toEqual(['payerParticipantId must be one of the people of this case']);
  });

  it('needs one whole share per person, 1 to 99 percent, adding up to 100', () => {
    expect(arrangementProblems({ arrangement: 'shared' }, PEOPLE)).toEqual(['shares is required when both pay: one share per person of the case']);
    expect(arrangementProblems({ arrangement: 'shared', shares: [{ participantId: ALEX, percent: 50 }] }, PEOPLE)).toEqual([
      'shares must give one share to each person of the case',
      'shares must add up to 100 percent',
    ]);
    expect(arrangementProblems({ arrangement: 'shared', shares: [{ participantId: ALEX, percent: 50 }, { participantId: ALEX, percent: 50 }] }, PEOPLE)).toEqual([
      'shares must give one share to each person of the case',
    ]);
    expect(arrangementProblems({ arrangement: 'shared', shares: [{ participantId: ALEX, percent: 50 }, { participantId: 'someone', percent: 50 }] }, PEOPLE)).toEqual([
      'shares may only name the people of this case',
      'shares must give one share to each person of the case',
    ]);
    expect(arrangementProblems({ arrangement: 'shared', shares: [{ participantId: ALEX, percent: 100 }, { participantId: SAM, percent: 0 }] }, PEOPLE)).toEqual([
      'shares must each be a whole percent from 1 to 99',
    ]);
    expect(arrangementProblems({ arrangement: 'shared', shares: [{ participantId: ALEX, percent: 60 }, { participantId: SAM, percent: 60 }] }, PEOPLE)).toEqual([
      'shares must add up to 100 percent',
    ]);
  });

  it('needs a third party’s details', () => {
    expect(arrangementProblems({ arrangement: 'third-party' }, PEOPLE)).toEqual(['thirdParty is required when someone else pays: at least their name']);
  });
});
