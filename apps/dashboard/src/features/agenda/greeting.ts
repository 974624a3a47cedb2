import { isoToPracticeWallTime } from '../../lib/practice-time';

/** Titles people put before their name (with or without the full stop). */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'rev', 'sir', 'dame']);

/**
 * "Good morning, Dana", by the practice's clock rather than the browser's. Someone who
 * wrote a title into their name is addressed by it ("Dr Jane Doe" → "Dr Doe"), as they would be in person.
 */
export function greeting(name: string, now: Date, timeZone: string): string {
  const hour = Number(isoToPracticeWallTime(now.toISOString(), timeZone).slice(11, 13));
  const partOfDay = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  const addressed = formOfAddress(name);
  return addressed ? `${partOfDay}, ${addressed}` : partOfDay;
}

function formOfAddress(name: string): string {
  // Letters after a comma ("Jane Doe, PhD") are qualifications, not names.
  const [first, ...rest] = (name.split(',')[0] ?? '').trim().split(/\s+/).filter(Boolean);
  if (!first) return '';
  if (!TITLES.has(first.replace(/\.$/, '').toLowerCase())) return first;
  const surname = rest[rest.length - 1];
  return surname ? `${first} ${surname}` : '';
}
