import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatShortDateTime,
  isoToPracticeWallTime,
  practiceDate,
  practiceDayRange,
  practiceToday,
  practiceWallTimeToIso,
} from '../practice-time';

describe('practice time', () => {
  it('reads a wall-clock time in the practice zone, whatever zone the browser is in', () => {
    expect(practiceWallTimeToIso('2026-07-01 10:00:00', 'Europe/London')).toBe('2026-07-01T09:00:00.000Z');
    expect(practiceWallTimeToIso('2026-01-15 10:00:00', 'Europe/London')).toBe('2026-01-15T10:00:00.000Z');
    expect(practiceWallTimeToIso('2026-01-15 10:00:00', 'America/New_York')).toBe('2026-01-15T15:00:00.000Z');
    expect(isoToPracticeWallTime('2026-01-15T15:00:00.000Z', 'America/New_York')).toBe('2026-01-15 10:00:00');
  });

  it('groups instants by the practice day, not the UTC day', () => {
    expect(practiceDate('2026-03-14T23:30:00Z', 'Australia/Sydney')).toBe('2026-03-15');
    expect(practiceDate('2026-03-14T23:30:00Z', 'America/Los_Angeles')).toBe('2026-03-14');
    expect(practiceToday('Pacific/Auckland', new Date('2026-03-14T12:00:00Z'))).toBe('2026-03-15');
  });

  it('builds day ranges that follow daylight-saving changes', () => {
    // Clocks go forward in London on 29 March 2026: that day is 23 hours long.
    expect(practiceDayRange('2026-03-29', 1, 'Europe/London')).toEqual({ from: '2026-03-29T00:00:00.000Z', to: '2026-03-29T23:00:00.000Z' });
    expect(practiceDayRange('2026-03-23', 7, 'Europe/London')).toEqual({ from: '2026-03-23T00:00:00.000Z', to: '2026-03-29T23:00:00.000Z' });
  });

  it('shows calendar dates without shifting them', () => {
    expect(formatCalendarDate('2026-03-01')).toMatch(/1/);
    expect(formatCalendarDate('2026-03-01')).toMatch(/2026/);
    expect(formatCalendarDate('2026-03-01')).not.toMatch(/28|29/);
  });

  it('leaves the year out of short dates in the current practice year only', () => {
    const now = new Date('2026-12-31T23:30:00Z');
    // Already 2027 in Auckland: a 2026 date there needs its year.
    expect(formatShortDateTime('2026-06-01T10:00:00Z', 'Pacific/Auckland', now)).toMatch(/2026/);
    expect(formatShortDateTime('2026-06-01T10:00:00Z', 'Europe/London', now)).not.toMatch(/2026/);
  });
});
