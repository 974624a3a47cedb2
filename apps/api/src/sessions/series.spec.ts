import { MAX_SERIES_SESSIONS } from '@trustwork/contracts';
import { localDate, movedLikeAnother, seriesStarts } from './series';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('seriesStarts', () => {
  it('keeps 18:00 in London across the last Sunday of March (18:00Z in winter, 17:00Z in summer)', () => {
    // Tuesday 16 March 2027; the clocks go forward on Sunday 28 March.
    expect(iso(seriesStarts(new Date('2027-03-16T18:00:00Z'), 'Europe/London', 'weekly', { count: 4 }))).toEqual([
      '2027-03-16T18:00:00.000Z',
      '2027-03-23T18:00:00.000Z',
      '2027-03-30T17:00:00.000Z',
      '2027-04-06T17:00:00.000Z',
    ]);
  });

  it('keeps 18:00 in London across the last Sunday of October', () => {
    // The clocks go back on Sunday 31 October 2027.
    expect(iso(seriesStarts(new Date('2027-10-19T17:00:00Z'), 'Europe/London', 'every-two-weeks', { count: 3 }))).toEqual([
      '2027-10-19T17:00:00.000Z',
      '2027-11-02T18:00:00.000Z',
      '2027-11-16T18:00:00.000Z',
    ]);
  });

  it('keeps local time in New York, whose clocks change on other Sundays than London’s', () => {
    // 09:00 EST is 14:00Z; the clocks go forward on Sunday 14 March 2027, two weeks before London's.
    expect(iso(seriesStarts(new Date('2027-03-09T14:00:00Z'), 'America/New_York', 'weekly', { until: '2027-03-23' }))).toEqual([
      '2027-03-09T14:00:00.000Z',
      '2027-03-16T13:00:00.000Z',
      '2027-03-23T13:00:00.000Z',
    ]);
  });

  it('ends on the until date in the practice’s zone, inclusive', () => {
    // 23:30 in New York on 2 March is already 3 March in UTC; the local date counts.
    const starts = seriesStarts(new Date('2027-03-03T04:30:00Z'), 'America/New_York', 'weekly', { until: '2027-03-09' });
    expect(starts.map((start) => localDate(start, 'America/New_York'))).toEqual(['2027-03-02', '2027-03-09']);
  });

  it('stops one past the most a series may hold, so a caller can refuse it', () => {
    expect(seriesStarts(new Date('2027-01-05T10:00:00Z'), 'Europe/London', 'weekly', { until: '2030-01-01' })).toHaveLength(MAX_SERIES_SESSIONS + 1);
    expect(seriesStarts(new Date('2027-01-05T10:00:00Z'), 'Europe/London', 'weekly', { count: MAX_SERIES_SESSIONS })).toHaveLength(MAX_SERIES_SESSIONS);
  });
});

describe('movedLikeAnother', () => {
  it('moves a later session by the same change of local day, to the same new local time', () => {
    // Tuesday 18:00 (winter) becomes Wednesday 17:30; a session after the March change follows to its Wednesday 17:30 BST.
    const moved = { from: new Date('2027-03-16T18:00:00Z'), to: new Date('2027-03-17T17:30:00Z') };
    expect(movedLikeAnother(new Date('2027-03-30T17:00:00Z'), 'Europe/London', moved).toISOString()).toBe('2027-03-31T16:30:00.000Z');
  });

  it('moves earlier across a day boundary and a daylight-saving change', () => {
    // Tuesday 09:00 EDT becomes Monday 20:00 the evening before; a session after the November change keeps 20:00 EST.
    const moved = { from: new Date('2027-10-26T13:00:00Z'), to: new Date('2027-10-26T00:00:00Z') };
    expect(movedLikeAnother(new Date('2027-11-09T14:00:00Z'), 'America/New_York', moved).toISOString()).toBe('2027-11-09T01:00:00.000Z');
  });
});
