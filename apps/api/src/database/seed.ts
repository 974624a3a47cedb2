import { DataSource } from 'typeorm';
import { hashPassword } from '../common/crypto/passwords';
import { postgresOptions } from './database-options';

export const DEMO_PRACTICE_NAME = 'Harbour Lane Counselling';
export const DEMO_PASSWORD = 'trustwork-demo';
export const DEMO_TIME_ZONE = 'Europe/London';
export const DEMO_TEAM = [
  { email: 'owner@demo.trustwork.app', name: 'Dr Maya Okafor', role: 'owner' },
  { email: 'clinician@demo.trustwork.app', name: 'Sam Lindqvist', role: 'clinician' },
  { email: 'assistant@demo.trustwork.app', name: 'Priya Natarajan', role: 'assistant' },
] as const;

/**
 * Creates the demo practice on a database that has no practice yet, so a person
 * who just ran `npm run dev` can sign in. Runs on the owner connection.
 */
export async function seedDemoPracticeIfEmpty(ownerUrl: string): Promise<boolean> {
  const dataSource = await new DataSource(postgresOptions(ownerUrl, 1)).initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM practices');
      if (count > 0) return false;
      const [{ id: practiceId }] = await manager.query('INSERT INTO practices (name, time_zone) VALUES ($1, $2) RETURNING id', [DEMO_PRACTICE_NAME, DEMO_TIME_ZONE]);
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      for (const member of DEMO_TEAM) {
        await manager.query(
          'INSERT INTO users (practice_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
          [practiceId, member.email, member.name, member.role, passwordHash],
        );
      }
      return true;
    });
  } finally {
    await dataSource.destroy();
  }
}
