import { addDays, dayOfWeek, defaultOccurrence, isAnswerable, occurrences, todayIn, type Schedule } from './occurrences';

const NONE = new Set<string>();
// 2026-03-01 is a Sunday; 2026-03-08 the next one.
const mondaysAndThursdays: Schedule = { frequency: 'weekly', daysOfWeek: [1, 4], startsOn: '2026-03-01', endsOn: '2026-03-31' };

describe('occurrences', () => {
  it('gives a single sheet its one date, upcoming, due on the day, overdue after, done once answered', () => {
    const schedule: Schedule = { dueOn: '2026-03-10' };
    expect(occurrences(schedule, NONE, '2026-03-09')).toEqual([{ on: '2026-03-10', status: 'upcoming' }]);
    expect(occurrences(schedule, NONE, '2026-03-10')).toEqual([{ on: '2026-03-10', status: 'due' }]);
    expect(occurrences(schedule, NONE, '2026-03-11')).toEqual([{ on: '2026-03-10', status: 'overdue' }]);
    expect(occurrences(schedule, new Set(['2026-03-10']), '2026-03-11')).toEqual([{ on: '2026-03-10', status: 'done' }]);
    // Far away, still listed: a single sheet has nothing else to show.
    expect(occurrences(schedule, NONE, '2027-01-01')).toHaveLength(1);
  });

  it('lists weekly days across a week boundary, with statuses from submissions', () => {
    const done = new Set(['2026-03-02']);
    // Sunday the 8th: Monday 2nd done, Thursday 5th missed, the coming Monday and Thursday ahead.
    expect(occurrences(mondaysAndThursdays, done, '2026-03-08').slice(0, 4)).toEqual([
      { on: '2026-03-02', status: 'done' },
      { on: '2026-03-05', status: 'overdue' },
      { on: '2026-03-09', status: 'upcoming' },
      { on: '2026-03-12', status: 'upcoming' },
    ]);
    expect(occurrences(mondaysAndThursdays, done, '2026-03-09')[2]).toEqual({ on: '2026-03-09', status: 'due' });
    expect(occurrences(mondaysAndThursdays, done, '2026-03-08').map((occurrence) => dayOfWeek(occurrence.on))).toEqual([1, 4, 1, 4, 1, 4]);
  });

  it('stays within the recurrence and the window of 8 weeks back and 2 ahead', () => {
    const daily: Schedule = { frequency: 'daily', daysOfWeek: null, startsOn: '2025-01-01', endsOn: '2027-01-01' };
    const shown = occurrences(daily, NONE, '2026-06-15');
    expect(shown[0].on).toBe(addDays('2026-06-15', -56));
    expect(shown.at(-1)?.on).toBe(addDays('2026-06-15', 14));
    expect(shown).toHaveLength(71);
    expect(occurrences(mondaysAndThursdays, NONE, '2026-03-31').at(-1)?.on).toBe('2026-03-30');
    expect(occurrences(mondaysAndThursdays, NONE, '2026-02-01')).toEqual([]);
  });

  it('defaults a sheet to today’s date, else the latest open one, else the next', () => {
    expect(defaultOccurrence(mondaysAndThursdays, NONE, '2026-03-09')).toBe('2026-03-09');
    expect(defaultOccurrence(mondaysAndThursdays, NONE, '2026-03-08')).toBe('2026-03-05');
    expect(defaultOccurrence(mondaysAndThursdays, new Set(['2026-03-02', '2026-03-05']), '2026-03-08')).toBe('2026-03-09');
    expect(defaultOccurrence(mondaysAndThursdays, new Set(['2026-03-30']), '2026-04-02')).toBe('2026-03-26');
    expect(defaultOccurrence({ dueOn: '2026-03-10' }, new Set(['2026-03-10']), '2026-03-09')).toBeNull();
  });

  it('takes late sheets and the next one early, but not later ones or dates off the schedule', () => {
    expect(isAnswerable(mondaysAndThursdays, '2026-03-02', '2026-03-08')).toBe(true);
    expect(isAnswerable(mondaysAndThursdays, '2026-03-09', '2026-03-08')).toBe(true);
    expect(isAnswerable(mondaysAndThursdays, '2026-03-12', '2026-03-08')).toBe(false);
    expect(isAnswerable(mondaysAndThursdays, '2026-03-03', '2026-03-08')).toBe(false);
    expect(isAnswerable({ dueOn: '2026-04-30' }, '2026-04-30', '2026-03-08')).toBe(true);
  });
});

describe('todayIn', () => {
  it('is the date in the practice’s time zone, not the server’s', () => {
    const instant = new Date('2026-03-09T03:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-09');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-03-08');
    expect(todayIn('Pacific/Auckland', instant)).toBe('2026-03-09');
  });

  it('turns the day at local midnight on either side of a clock change', () => {
    // London moves to summer time at 01:00 UTC on 29 March 2026, and back on 25 October.
    expect(todayIn('Europe/London', new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(todayIn('Europe/London', new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(todayIn('Europe/London', new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
    const schedule: Schedule = { frequency: 'daily', daysOfWeek: null, startsOn: '2026-03-28', endsOn: '2026-03-31' };
    // Half past midnight on the first summer-time morning: Monday the 30th is due, Sunday overdue.
    const today = todayIn('Europe/London', new Date('2026-03-29T23:30:00Z'));
    expect(occurrences(schedule, new Set(['2026-03-28']), today)).toEqual([
      { on: '2026-03-28', status: 'done' },
      { on: '2026-03-29', status: 'overdue' },
      { on: '2026-03-30', status: 'due' },
      { on: '2026-03-31', status: 'upcoming' },
    ]);
    // Date arithmetic does not lose or gain a day over the 23-hour day.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});
