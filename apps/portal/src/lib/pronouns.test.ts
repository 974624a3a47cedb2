import { does, pronounsOf } from './pronouns';

describe('pronounsOf', () => {
  it('uses the pronouns recorded for the person, however they were typed', () => {
    expect(pronounsOf('Sam', 'she/her')).toEqual({ subject: 'she', object: 'her', plural: false });
    expect(pronounsOf('Sam', ' He / Him ')).toEqual({ subject: 'he', object: 'him', plural: false });
    expect(pronounsOf('Sam', 'they/she')).toEqual({ subject: 'they', object: 'them', plural: true });
  });

  it('uses the name again when none are recorded or they cannot be read', () => {
    for (const recorded of [null, '', 'ze/zir', 'any']) {
      expect(pronounsOf('Sam', recorded)).toEqual({ subject: 'Sam', object: 'Sam', plural: false });
    }
  });

  it('agrees the verb with the pronoun', () => {
    expect(does(pronounsOf('Sam', 'they/them'))).toBe('they do');
    expect(does(pronounsOf('Sam', 'she/her'))).toBe('she does');
    expect(does(pronounsOf('Sam', null))).toBe('Sam does');
  });
});
