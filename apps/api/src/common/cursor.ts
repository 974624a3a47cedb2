import { isUUID } from 'class-validator';
import { InvalidRequest } from './errors/domain-error';
import { isStorableText } from './validation';

/**
 * Keyset pagination cursors: the last row's sort key and id, opaque to clients.
 * The key is kept as PostgreSQL printed it, so timestamps keep their microseconds.
 */
export interface CursorPosition {
  key: string;
  id: string;
}

/** The PostgreSQL type a sort's key is cast to when the next page is read. */
export type CursorKeyType = 'timestamptz' | 'text';

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

// How PostgreSQL prints a timestamptz (DateStyle ISO): "2026-03-14 09:30:00.123456+00", offsets to ±15:59:59.
const PRINTED_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::[0-5]\d){0,2}$/;

function isPrintedTimestamp(key: string): boolean {
  if (key === 'infinity' || key === '-infinity') return true;
  const match = PRINTED_TIMESTAMP.exec(key);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours] = match.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A day past the month's end rolls over into the next month: the day does not exist.
  const realDay = year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return realDay && hour < 24 && minute < 60 && second < 60 && offsetHours <= 15;
}

const KEY_CHECKS: Record<CursorKeyType, (key: string) => boolean> = {
  timestamptz: isPrintedTimestamp,
  text: isStorableText,
};

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Reads a cursor for a sort whose key is of `keyType`. A cursor this API did not write (or
 * wrote for another sort) is refused here, so a forged one never reaches PostgreSQL.
 */
export function decodeCursor(cursor: string | undefined, keyType: CursorKeyType): CursorPosition | null {
  if (!cursor) return null;
  let position: unknown;
  try {
    position = BASE64URL.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    // not JSON: refused below
  }
  if (Array.isArray(position) && position.length === 2) {
    const [key, id] = position as unknown[];
    if (typeof key === 'string' && KEY_CHECKS[keyType](key) && typeof id === 'string' && isUUID(id, 'loose')) return { key, id };
  }
  throw new InvalidRequest(['cursor is not valid: start again from the first page']);
}
