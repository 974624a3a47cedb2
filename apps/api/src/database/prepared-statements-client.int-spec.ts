import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appDatabaseUrl } from '../../test/test-database';
import { postgresOptions } from './database-options';

const PRACTICE = '3f1b6c8e-2a4d-4e7f-9b0c-5d6e7f8a9b0c';

/** The API's own pool (one connection, so every statement below meets the same backend). */
describe('the pg client under the API', () => {
  let database: DataSource;
  let sent: jest.SpyInstance;
  beforeAll(async () => {
    database = await new DataSource({ ...postgresOptions(appDatabaseUrl(), 1), migrations: [] }).initialize();
  });
  afterAll(() => database.destroy());
  beforeEach(() => {
    sent = jest.spyOn(Client.prototype, 'query');
  });
  afterEach(() => sent.mockRestore());

  const sentTexts = () => sent.mock.calls.map(([config]) => (typeof config === 'string' ? config : (config as { text: string }).text));
  const prepared = async (text: string) =>
    ((await database.query('SELECT name FROM pg_prepared_statements WHERE statement = $1', [text])) as { name: string }[]).map((row) => row.name);

  it('prepares a statement with parameters once per connection and reuses it', async () => {
    const text = 'SELECT $1::int + 40 AS answer';
    expect(await database.query(text, [2])).toEqual([{ answer: 42 }]);
    expect(await database.query(text, [3])).toEqual([{ answer: 43 }]);
    expect(await prepared(text)).toHaveLength(1);
    const named = sent.mock.calls.filter(([config]) => typeof config === 'object' && (config as { text: string }).text === text);
    expect(named).toHaveLength(2);
    expect(new Set(named.map(([config]) => (config as { name: string }).name)).size).toBe(1);
  });

  it('sends a transaction start together with the practice, in one message, and the practice ends with it', async () => {
    const inside = await database.transaction(async (manager) => {
      await manager.query(`SET LOCAL app.practice_id = '${PRACTICE}'`);
      return (await manager.query(`SELECT current_setting('app.practice_id') AS practice`)) as { practice: string }[];
    });
    expect(inside).toEqual([{ practice: PRACTICE }]);
    expect(sentTexts()).toEqual([`START TRANSACTION;\nSET LOCAL app.practice_id = '${PRACTICE}'`, `SELECT current_setting('app.practice_id') AS practice`, 'COMMIT']);
    expect(await database.query(`SELECT coalesce(current_setting('app.practice_id', true), '') AS practice`)).toEqual([{ practice: '' }]);
  });

  it('still opens the transaction first when its first statement has parameters', async () => {
    const [first, second] = await database.transaction(async (manager) => {
      const [{ at: started }] = (await manager.query(`SELECT now()::text AS at, $1::int AS n`, [1])) as { at: string }[];
      await manager.query('SELECT pg_sleep(0.02)');
      const [{ at: later }] = (await manager.query(`SELECT now()::text AS at`)) as { at: string }[];
      return [started, later];
    });
    // now() is the transaction's start: the same in both statements only inside one transaction.
    expect(second).toBe(first);
    expect(sentTexts()[0]).toBe('START TRANSACTION');
  });

  it('sends nothing for a transaction that ran no statement', async () => {
    await database.transaction(async () => undefined);
    expect(sentTexts()).toEqual([]);
  });

  it('rolls back a failed transaction and keeps the connection usable', async () => {
    await expect(
      database.transaction(async (manager) => {
        await manager.query(`SET LOCAL app.practice_id = '${PRACTICE}'`);
        await manager.query('SELECT 1 / $1::int AS broken', [0]);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(sentTexts()).toContain('ROLLBACK');
    expect(await database.query('SELECT $1::int AS still', [1])).toEqual([{ still: 1 }]);
  });

  it('keeps at most 400 statements prepared on one connection and sends the rest unnamed', async () => {
    for (let variant = 0; variant < 410; variant += 1) await database.query(`SELECT $1::int + ${variant} AS bounded`, [variant]);
    const [{ count }] = (await database.query(`SELECT count(*)::int AS count FROM pg_prepared_statements`)) as { count: number }[];
    expect(count).toBeLessThanOrEqual(400);
    expect(await database.query(`SELECT $1::int + 409 AS bounded`, [1])).toEqual([{ bounded: 410 }]);
    expect(await prepared('SELECT $1::int + 409 AS bounded')).toEqual([]);
  });
});
