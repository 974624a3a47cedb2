import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { useTestApp } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';
import { ensureApiRole } from '../database/database-setup';

describe('GET /api/health', () => {
  // Its own login role, so cutting it off does not disturb other specs running alongside.
  const role = 'trustwork_app_health_test';
  let appUrl: string;
  let asOwner: Client;
  beforeAll(async () => {
    appUrl = await ensureApiRole(ownerDatabaseUrl(), role, randomBytes(18).toString('base64url'));
    asOwner = await connect(ownerDatabaseUrl());
  });
  const api = useTestApp(() => ({ DATABASE_APP_URL: appUrl }));
  afterAll(async () => {
    await asOwner.query(`ALTER ROLE ${role} LOGIN`);
    await asOwner.end();
  });

  it('answers 200 when the database is reachable', async () => {
    const response = await api.http.get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 while the database is unreachable, and recovers by itself', async () => {
    await asOwner.query(`ALTER ROLE ${role} NOLOGIN`);
    await asOwner.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [role]);

    const down = await api.http.get('/api/health').expect(503);
    expect(down.body).toEqual({ status: 'error', database: 'down' });

    await asOwner.query(`ALTER ROLE ${role} LOGIN`);
    const up = await api.http.get('/api/health').expect(200);
    expect(up.body).toEqual({ status: 'ok', database: 'up' });
  });
});
