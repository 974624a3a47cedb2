import type { Client } from 'pg';
import { registerPractice, useTestApp } from '../../test/test-app';
import { appDatabaseUrl, connect, ownerDatabaseUrl } from '../../test/test-database';

/** The second wall: even a query with no practice condition sees one practice only. */
describe('row-level security', () => {
  const api = useTestApp();
  let asApi: Client;
  let asOwner: Client;
  beforeAll(async () => {
    asApi = await connect(appDatabaseUrl());
    asOwner = await connect(ownerDatabaseUrl());
  });
  afterAll(async () => {
    await asApi.end();
    await asOwner.end();
  });

  it('connects the API as a role that is neither superuser nor exempt from RLS', async () => {
    const { rows } = await asApi.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const owners = await asApi.query(
      `SELECT count(*)::int AS owned FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
       WHERE r.rolname = current_user AND c.relkind = 'r'`,
    );
    expect(owners.rows[0].owned).toBe(0);
  });

  it('has RLS enabled on every table with a practice_id', async () => {
    const { rows } = await asOwner.query(
      `SELECT c.relname, c.relrowsecurity FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relkind = 'r' AND EXISTS (
         SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id' AND NOT a.attisdropped)`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((row) => !row.relrowsecurity)).toEqual([]);
  });

  it('shows only the current practice to a query with no practice condition', async () => {
    const first = await registerPractice(api.http, 'First');
    const second = await registerPractice(api.http, 'Second');

    await asApi.query('BEGIN');
    await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [first.tokens.user.practice.id]);
    const users = await asApi.query('SELECT practice_id FROM users');
    const practices = await asApi.query('SELECT id FROM practices');
    const tokens = await asApi.query('SELECT practice_id FROM refresh_tokens');
    await asApi.query('COMMIT');

    expect(users.rows.length).toBeGreaterThan(0);
    expect(new Set(users.rows.map((row) => row.practice_id))).toEqual(new Set([first.tokens.user.practice.id]));
    expect(practices.rows).toEqual([{ id: first.tokens.user.practice.id }]);
    expect(tokens.rows.every((row) => row.practice_id === first.tokens.user.practice.id)).toBe(true);
    expect(users.rows.map((row) => row.practice_id)).not.toContain(second.tokens.user.practice.id);
  });

  it('sees nothing when no practice is set, and the setting never outlives its transaction', async () => {
    await registerPractice(api.http);
    const before = await asApi.query('SELECT count(*)::int AS count FROM users');
    expect(before.rows[0].count).toBe(0);

    const practice = await registerPractice(api.http);
    await asApi.query('BEGIN');
    await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [practice.tokens.user.practice.id]);
    await asApi.query('COMMIT');
    const after = await asApi.query('SELECT count(*)::int AS count FROM users');
    expect(after.rows[0].count).toBe(0);
  });

  it('refuses to write a row into another practice', async () => {
    const first = await registerPractice(api.http);
    const second = await registerPractice(api.http);
    await asApi.query('BEGIN');
    await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [first.tokens.user.practice.id]);
    await expect(
      asApi.query(`INSERT INTO users (practice_id, email, name, password_hash, role) VALUES ($1, 'intruder@example.test', 'Intruder', 'x', 'owner')`, [
        second.tokens.user.practice.id,
      ]),
    ).rejects.toThrow(/row-level security/);
    await asApi.query('ROLLBACK');
  });
});
