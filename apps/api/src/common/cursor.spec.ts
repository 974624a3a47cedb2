import { decodeCursor, encodeCursor } from './cursor';
import { InvalidRequest } from './errors/domain-error';

const ID = '5f0c6b1e-3c1d-4e0b-9d7e-2f4c1a2b3c4d';
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('pagination cursors', () => {
  it('reads back what it wrote, for each kind of sort key PostgreSQL prints', () => {
    for (const key of ['2026-03-14 09:30:00.123456+00', '2026-03-14 09:30:00+05:30', '2024-02-29 23:59:59.5-03', 'infinity']) {
      expect(decodeCursor(encodeCursor({ key, id: ID }), 'timestamptz')).toEqual({ key, id: ID });
    }
    for (const key of ['', 'alex rivera', 'józef 😀', '2026-02-30']) {
      expect(decodeCursor(encodeCursor({ key, id: ID }), 'text')).toEqual({ key, id: ID });
    }
    expect(decodeCursor(undefined, 'text')).toBeNull();
  });

  it('reads back ids of any version PostgreSQL stores, not only random (v4) ones', () => {
    // Rows imported from elsewhere keep their ids: here a hash-made one and a time-ordered v7.
    for (const id of ['9e107d9d-372b-b682-6b69-89c7d9f1c1f3', '01936f2e-7a41-7cc3-9a2e-2b1d4c5e6f70']) {
      expect(decodeCursor(encodeCursor({ key: 'alex', id }), 'text')).toEqual({ key: 'alex', id });
    }
  });

  it.each([
    ['a day that does not exist', 'timestamptz', forge(['2026-02-30 10:00:00+00', ID])],
    ['an hour that does not exist', 'timestamptz', forge(['2026-03-14 25:00:00+00', ID])],
    ['text where a time belongs', 'timestamptz', forge(['yesterday', ID])],
    ['a time without its offset', 'timestamptz', forge(['2026-03-14 10:00:00', ID])],
    ['a year too far for PostgreSQL', 'timestamptz', forge(['+275760-09-13 00:00:00+00', ID])],
    ['an offset no zone has', 'timestamptz', forge(['2026-03-14 10:00:00+99', ID])],
    ['a NUL character in text', 'text', forge(['a\u0000b', ID])],
    ['half of a surrogate pair in text', 'text', forge(['a\ud800b', ID])],
    ['a number where text belongs', 'text', forge([42, ID])],
    ['an id of dashes', 'text', forge(['alex', '-'.repeat(36)])],
    ['an id with a letter past f', 'text', forge(['alex', '5f0c6b1e-3c1d-4e0b-9d7e-2f4c1a2b3c4g'])],
    ['an id that is not text', 'text', forge(['alex', 42])],
    ['too few parts', 'text', forge(['alex'])],
    ['too many parts', 'text', forge(['alex', ID, 'more'])],
    ['an object instead of a list', 'text', forge({ key: 'alex', id: ID })],
    ['JSON that is not a list', 'text', forge('alex')],
    ['text that is not JSON', 'text', Buffer.from('not json').toString('base64url')],
    ['characters outside base64url', 'text', `${forge(['alex', ID])}!*`],
  ] as const)('refuses %s as a 400 that says to start again', (_what, keyType, cursor) => {
    const error = refusal(() => decodeCursor(cursor, keyType));
    expect(error).toBeInstanceOf(InvalidRequest);
    expect(error).toMatchObject({ status: 400, problems: ['cursor is not valid: start again from the first page'] });
  });
});
