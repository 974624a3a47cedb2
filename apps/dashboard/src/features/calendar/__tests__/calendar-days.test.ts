import { sessionLanes, visibleDates } from '../calendar-days';

const at = (id: string, startsAt: string, durationMinutes = 50) => ({ id, startsAt, durationMinutes });

describe('calendar days', () => {
  it('shows Monday to Sunday of the week a date falls in', () => {
    expect(visibleDates('week', '2026-12-10')).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(visibleDates('week', '2026-12-13')[0]).toBe('2026-12-07');
    expect(visibleDates('day', '2026-12-13')).toEqual(['2026-12-13']);
  });

  it('puts overlapping sessions side by side and leaves the others full width', () => {
    const lanes = sessionLanes([
      at('b', '2026-12-07T10:30:00Z'),
      at('a', '2026-12-07T10:00:00Z'),
      at('c', '2026-12-07T11:00:00Z'),
      at('d', '2026-12-07T14:00:00Z'),
    ]);
    expect(Object.fromEntries(lanes)).toEqual({
      a: { lane: 0, lanes: 2 },
      b: { lane: 1, lanes: 2 },
      c: { lane: 0, lanes: 2 },
      d: { lane: 0, lanes: 1 },
    });
  });
});
