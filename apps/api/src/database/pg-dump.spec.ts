import { findPostgresTool, PostgresToolMissing } from './pg-dump';

describe('finding pg_dump and pg_restore', () => {
  it('names the package to install and the way round it when none is new enough', () => {
    // No machine has PostgreSQL 99's programs.
    const find = () => findPostgresTool('pg_dump', 99, 'Backing up this PostgreSQL 99 server', 'make a SQL-copy backup: npm run db:backup -- --format=sql-copy');
    expect(find).toThrow(PostgresToolMissing);
    expect(find).toThrow(
      /^Backing up this PostgreSQL 99 server needs pg_dump 99 or newer; found (no pg_dump|only pg_dump \d+ \(.+\)). Install the package postgresql-client-99 \(Debian and Ubuntu: from apt\.postgresql\.org\), or make a SQL-copy backup: npm run db:backup -- --format=sql-copy\.$/,
    );
  });
});
