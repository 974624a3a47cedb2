import type { Client, QueryResult } from 'pg';
import { Clock } from '../src/reminders/clock';
import { startMailbox, type Received } from './mailbox';
import { useTestApp } from './test-app';
import { connect, createScratchDatabase, type ScratchDatabase } from './test-database';

export const PUBLIC_URL = 'https://trustwork.example';

/** Generous: on a loaded two-core machine a worker may take several polls to pick a job up. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = check();
    if (result) return result;
    if (Date.now() > until) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Two API instances for the enclosing `describe`, both running job workers (as in a
 * deployment of several) and sending to one test mailbox, on a scratch database of their
 * own: the run's other suites queue jobs too, and these workers would otherwise take them up.
 */
export function useReminderInstances(databaseLabel: string) {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let client: Client;
  let database: ScratchDatabase;
  beforeAll(async () => {
    mailbox = await startMailbox();
    database = await createScratchDatabase(databaseLabel);
    client = await connect(database.ownerUrl);
  });
  const environment = () => ({ DATABASE_URL: database.ownerUrl, DATABASE_APP_URL: database.appUrl, JOBS: 'on', SMTP_URL: mailbox.url, PUBLIC_URL });
  // Declared before the cleanup below, so both close before their database is dropped.
  const first = useTestApp(environment);
  const second = useTestApp(environment);
  afterAll(async () => {
    await client?.end();
    await database?.drop();
    await mailbox?.stop();
  });

  return {
    first,
    second,
    /** The scratch database as its owner, for looking underneath the API. */
    db: { query: (text: string, values?: unknown[]): Promise<QueryResult> => client.query(text, values) },
    /** Every message the mailbox has received so far. */
    messages: (): Received[] => mailbox.messages,
    to: (address: string) => mailbox.messages.filter((message) => message.to.includes(address.toLowerCase())),
    /** Both instances' clocks read `at`. */
    setClock: (at: Date) => {
      for (const api of [first, second]) jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(at);
    },
    /** Until no job of the queue is waiting or running, on either instance. */
    drained: async (queue: string) => {
      const until = Date.now() + 45_000;
      for (;;) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [queue]);
        if (rows[0].n === 0) return;
        if (Date.now() > until) throw new Error(`${queue} jobs still waiting`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
}
