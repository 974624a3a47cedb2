import { describeCadence, suggestedAssignment, suggestedSchedule, timesPerWeek } from './scheduling';
import { EXERCISES } from './library';

describe('suggestedSchedule', () => {
  it('gives a once-only sheet a due date, 7 days out unless the exercise says otherwise', () => {
    expect(suggestedSchedule({ kind: 'once' })).toEqual({ kind: 'due', inDays: 7 });
    expect(suggestedSchedule({ kind: 'once', dueInDays: 14 })).toEqual({ kind: 'due', inDays: 14 });
  });

  it('repeats daily and weekly exercises', () => {
    expect(suggestedSchedule({ kind: 'daily' })).toEqual({ kind: 'daily' });
    expect(suggestedSchedule({ kind: 'weekly' })).toEqual({ kind: 'weekly', days: ['sun'] });
    expect(suggestedSchedule({ kind: 'weekly', timesPerWeek: 2 })).toEqual({ kind: 'weekly', days: ['mon', 'thu'] });
    expect(suggestedSchedule({ kind: 'weekly', timesPerWeek: 3 })).toEqual({ kind: 'weekly', days: ['mon', 'wed', 'fri'] });
  });

  it('picks as many weekdays as the cadence asks for', () => {
    for (let times = 1; times <= 7; times += 1) {
      const schedule = suggestedSchedule({ kind: 'weekly', timesPerWeek: times });
      expect(schedule.kind === 'weekly' && new Set(schedule.days).size).toBe(times);
    }
  });

  it('leaves an as-needed sheet open, without a due date', () => {
    expect(suggestedSchedule({ kind: 'as-needed' })).toEqual({ kind: 'open' });
  });

  it('has a suggestion for every built-in exercise', () => {
    for (const exercise of EXERCISES) expect(suggestedSchedule(exercise.cadence).kind).toBeDefined();
  });
});

describe('describeCadence and timesPerWeek', () => {
  it('describes cadences in plain words', () => {
    expect(describeCadence({ kind: 'once' })).toBe('Once');
    expect(describeCadence({ kind: 'daily' })).toBe('Every day');
    expect(describeCadence({ kind: 'weekly' })).toBe('Once a week');
    expect(describeCadence({ kind: 'weekly', timesPerWeek: 2 })).toBe('Twice a week');
    expect(describeCadence({ kind: 'weekly', timesPerWeek: 3 })).toBe('3 times a week');
    expect(describeCadence({ kind: 'as-needed' })).toBe('When needed');
  });

  it('counts sessions per week for repeating cadences only', () => {
    expect(timesPerWeek({ kind: 'daily' })).toBe(7);
    expect(timesPerWeek({ kind: 'weekly', timesPerWeek: 2 })).toBe(2);
    expect(timesPerWeek({ kind: 'once' })).toBeNull();
    expect(timesPerWeek({ kind: 'as-needed' })).toBeNull();
  });
});

describe('suggestedAssignment', () => {
  it('sends one-person exercises to the participant with that side of the breach', () => {
    expect(suggestedAssignment({ audience: 'broke-trust', sheet: 'own' })).toEqual({ mode: 'one', breachRole: 'broke-trust' });
    expect(suggestedAssignment({ audience: 'hurt', sheet: 'own' })).toEqual({ mode: 'one', breachRole: 'was-hurt' });
  });

  it('gives each person their own sheet unless a together exercise has a shared one', () => {
    expect(suggestedAssignment({ audience: 'each', sheet: 'own' })).toEqual({ mode: 'each' });
    expect(suggestedAssignment({ audience: 'together', sheet: 'own' })).toEqual({ mode: 'each' });
    expect(suggestedAssignment({ audience: 'together', sheet: 'shared' })).toEqual({ mode: 'together' });
  });
});
