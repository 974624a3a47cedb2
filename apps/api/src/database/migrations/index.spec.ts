import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './index';

const MIGRATION_FILE = /^(\d{13})-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/;
const NOT_MIGRATIONS = new Set(['index.ts', 'index.spec.ts']);

/** Each migration file of this folder with the classes it exports. */
function migrationFiles(): { file: string; timestamp: string; classes: unknown[] }[] {
  return fs
    .readdirSync(__dirname)
    .filter((file) => !NOT_MIGRATIONS.has(file))
    .sort()
    .map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each file is loaded by its name, as found on disk
      const exported = require(path.join(__dirname, file)) as Record<string, unknown>;
      return { file, timestamp: MIGRATION_FILE.exec(file)?.[1] ?? '', classes: Object.values(exported).filter((value) => typeof value === 'function') };
    });
}

describe('the migrations index', () => {
  const files = migrationFiles();

  it('names every file <13-digit timestamp>-<what-it-does>.ts', () => {
    expect(files.filter(({ timestamp }) => !timestamp).map(({ file }) => file)).toEqual([]);
  });

  it('registers every migration file', () => {
    const registered = new Set<unknown>(MIGRATIONS);
    const unregistered = files.filter(({ classes }) => !classes.some((exported) => registered.has(exported))).map(({ file }) => file);
    // A file left out here never runs, anywhere: add its class to MIGRATIONS in index.ts.
    expect(unregistered).toEqual([]);
  });

  it('runs them oldest first, each class named after its file', () => {
    const timestamps = MIGRATIONS.map((migration) => /(\d{13})$/.exec(migration.name)?.[1]);
    expect(timestamps).toEqual(files.map(({ timestamp }) => timestamp));
  });
});
