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

/** A Date as a calendar date (YYYY-MM-DD) on this device. */
function onOf(date: Date): string {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}

/** The calendar date, on this device, of a moment (ISO timestamp). */
export function dateOfMoment(iso: string): string {
  return onOf(new Date(iso));
}

export function today(): string {
  return onOf(new Date());
}

export function addDays(on: string, days: number): string {
  const date = calendarDate(on);
  date.setDate(date.getDate() + days);
  return onOf(date);
}
