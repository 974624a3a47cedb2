import { type PortalLinkStatus } from '@trustwork/contracts';
import { formatCalendarDate, practiceDate, practiceToday } from '../../lib/practice-time';

const DAY_MS = 24 * 60 * 60 * 1000;
const relativeDays = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "14 Feb 2026", the practice's calendar day of an instant. */
export function linkDate(iso: string, timeZone: string): string {
  return formatCalendarDate(practiceDate(iso, timeZone));
}

/** "today", "yesterday", "3 days ago", counted in the practice's calendar days. */
function daysAgo(iso: string, timeZone: string, now: Date): string {
  const days = Math.round((Date.parse(practiceToday(timeZone, now)) - Date.parse(practiceDate(iso, timeZone))) / DAY_MS);
  return relativeDays.format(-Math.max(days, 0), 'day');
}

/** One line on where a participant's link stands: none, working (and used), revoked or run out. */
export function portalLinkStatusText(link: PortalLinkStatus | undefined, timeZone: string, now: Date): string {
  if (!link?.createdAt || !link.expiresAt) return 'No link yet';
  if (link.revokedAt) return `Revoked on ${linkDate(link.revokedAt, timeZone)}`;
  if (!link.live) return `Expired on ${linkDate(link.expiresAt, timeZone)}`;
  const opened = link.lastUsedAt ? `last opened ${daysAgo(link.lastUsedAt, timeZone, now)}` : 'not opened yet';
  return `Active, expires ${linkDate(link.expiresAt, timeZone)}, ${opened}`;
}

/** "Alex" from "Alex Morgan": the portal and its instructions use first names only. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? displayName;
}
