/** A calendar date (YYYY-MM-DD) as a local date, so no time zone moves it a day. */
export function calendarDate(on: string): Date {
  const [year, month, day] = on.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export function formatCalendarDate(on: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(undefined, options).format(calendarDate(on));
}

/** A moment (ISO timestamp) as the participant's own date, in their device's time zone. */
export function formatMoment(iso: string, dateStyle: 'medium' | 'long' = 'medium'): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle }).format(new Date(iso));
}
