import { appointmentTime } from './appointment-time';

describe('an appointment’s time as people read it', () => {
  it('is given in the practice’s zone, the zone named', () => {
    expect(appointmentTime(new Date('2026-12-09T18:00:00Z'), 'Europe/London')).toEqual({
      long: 'Wednesday 9 December 2026, 18:00 (Europe/London)',
      short: 'Wed 9 Dec at 18:00',
      date: '2026-12-09',
    });
  });

  it('follows summer time, and the local day when it differs from the UTC one', () => {
    expect(appointmentTime(new Date('2026-07-01T23:30:00Z'), 'Europe/London')).toMatchObject({ short: 'Thu 2 Jul at 00:30', date: '2026-07-02' });
    expect(appointmentTime(new Date('2026-07-02T01:00:00Z'), 'America/New_York')).toMatchObject({
      long: 'Wednesday 1 July 2026, 21:00 (America/New_York)',
      date: '2026-07-01',
    });
  });
});
