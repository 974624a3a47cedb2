import { isoToPracticeWallTime } from '../../lib/practice-time';

/** "Good morning, Dana", by the practice's clock rather than the browser's. */
export function greeting(name: string, now: Date, timeZone: string): string {
  const hour = Number(isoToPracticeWallTime(now.toISOString(), timeZone).slice(11, 13));
  const partOfDay = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  const firstName = name.trim().split(/\s+/)[0];
  return firstName ? `${partOfDay}, ${firstName}` : partOfDay;
}
