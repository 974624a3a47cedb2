import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { API_GROUP_ROLE } from '../database/migrations/1763900000000-foundation';

const SCHEMA = 'pgboss';
const DEADLOCK_DETECTED = '40P01';

export interface QueueOptions {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
}

/**
 * Background jobs on pg-boss, in the same PostgreSQL: no other server, and a job is
 * handed to one worker of one API instance however many run. pg-boss creates and
 * migrates its own schema, so it connects as the database owner, never as the API role.
 * Queues can always be sent to; workers and schedules run only when JOBS is on.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly boss: PgBoss;
  private stopping = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const ownerUrl = config.database.ownerUrl;
    if (!ownerUrl) throw new Error('Background jobs need the owner connection: set config.database.ownerUrl before creating the app');
    this.boss = new PgBoss({
      connectionString: ownerUrl,
      schema: SCHEMA,
      max: 3,
      application_name: 'trustwork-jobs',
      // Maintenance and the cron clock belong to instances that run jobs.
      supervise: config.jobs,
      schedule: config.jobs,
    });
    // While stopping, lost connections are expected (an embedded database may stop first).
    this.boss.on('error', (error) => {
      if (!this.stopping) this.logger.error(`Background jobs: ${error.message}`);
    });
  }

  get runsJobs(): boolean {
    return this.config.jobs;
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await this.letApiRoleSend();
  }

  /** Before the API's own pool closes: a running job finishes (up to the timeout), then pg-boss's connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Creates the queue if it is new; a queue must exist before anything is sent to it. */
  async createQueue(name: string, options: QueueOptions = {}): Promise<void> {
    // Instances starting at the same moment can deadlock in pg-boss's CREATE TABLE (40P01);
    // PostgreSQL aborts one of them, which tries again and then finds the queue made.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.boss.createQueue(name, { name, ...options });
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt === 5) throw error;
      }
    }
  }

  async work<Data extends object>(name: string, handler: (data: Data) => Promise<void>): Promise<void> {
    await this.boss.work<Data>(name, { batchSize: 1 }, async ([job]) => {
      try {
        await handler(job.data);
      } catch (error) {
        // pg-boss records the failure and retries; the log says why.
        this.logger.error(`Job ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    });
  }

  /** Runs `name` on the cron schedule (UTC), once across all instances. */
  async schedule(name: string, cron: string): Promise<void> {
    await this.boss.schedule(name, cron);
  }

  async send(name: string, data: object): Promise<void> {
    await this.boss.send(name, data);
  }

  /**
   * Sends in the caller's open transaction, so the job exists exactly when the caller's
   * write commits. A failing enqueue is rolled back to a savepoint and logged: the
   * caller's write matters more than the job it would have started.
   */
  async sendInTransaction(manager: EntityManager, name: string, data: object): Promise<void> {
    const db: PgBoss.Db = { executeSql: async (text, values) => ({ rows: await manager.query(text, values) }) };
    await manager.query('SAVEPOINT enqueue_job');
    try {
      await this.boss.send(name, data, { db });
      await manager.query('RELEASE SAVEPOINT enqueue_job');
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT enqueue_job');
      this.logger.error(`Could not queue ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The API role may add jobs (for sendInTransaction) and nothing else: no reading
   * other jobs, no changing them. Granted here because pg-boss, not a migration,
   * creates its schema. The lock keeps instances starting together from colliding.
   */
  private async letApiRoleSend(): Promise<void> {
    await this.boss.getDb().executeSql(
      // One simple query of several statements runs as one transaction, holding the lock.
      `SELECT pg_advisory_xact_lock(hashtext('trustwork.pgboss-grants'));
       GRANT USAGE ON SCHEMA ${SCHEMA} TO ${API_GROUP_ROLE};
       GRANT SELECT ON ${SCHEMA}.queue TO ${API_GROUP_ROLE};
       GRANT INSERT, SELECT (id) ON ${SCHEMA}.job TO ${API_GROUP_ROLE};`,
      [],
    );
  }
}
