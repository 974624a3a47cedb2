import { DateTime } from 'luxon';

/** An appointment's time as people read it, in the practice's zone (e-mails are in British English, like the apps). */
export interface AppointmentTime {
  /** "Tuesday 9 December 2026, 18:00 (Europe/London)": the zone named, for a reader elsewhere. */
  long: string;
  /** "Tue 9 Dec at 18:00", for a subject line. */
  short: string;
  /** The practice-local day, YYYY-MM-DD. */
  date: string;
}

export function appointmentTime(startsAt: Date, timeZone: string): AppointmentTime {
  const local = DateTime.fromJSDate(startsAt, { zone: timeZone }).setLocale('en-GB');
  return {
    long: `${local.toFormat('cccc d LLLL yyyy, HH:mm')} (${timeZone})`,
    short: local.toFormat("ccc d LLL 'at' HH:mm"),
    date: local.toFormat('yyyy-MM-dd'),
  };
}
