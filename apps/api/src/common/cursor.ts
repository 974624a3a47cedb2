import { BadRequestException } from '@nestjs/common';

/**
 * Keyset pagination cursors: the last row's sort key and id, opaque to clients.
 * The key is kept as PostgreSQL printed it, so timestamps keep their microseconds.
 */
export interface CursorPosition {
  key: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { key, id };
  } catch {
    // fall through to the error below
  }
  throw new BadRequestException(['cursor is not valid: start again from the first page']);
}
