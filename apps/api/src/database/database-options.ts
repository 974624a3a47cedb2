import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { PreparedStatementsClient } from './prepared-statements-client';

/** Connection options shared by the API, the migration CLI and the tests. */
export function postgresOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // Schema changes only ever come from checked-in migrations.
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      // Keeps a stuck query from holding a request (and a pooled connection) forever.
      statement_timeout: 15000,
      application_name: 'trustwork-api',
      // Hot statements prepared once per connection; a transaction's start sent with its practice.
      Client: PreparedStatementsClient,
    },
  };
}
