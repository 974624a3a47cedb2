import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where Debian and Ubuntu install each PostgreSQL major's programs side by side. */
const VERSIONED_PROGRAMS = '/usr/lib/postgresql';

export type PostgresToolName = 'pg_dump' | 'pg_restore';

export interface PostgresTool {
  name: PostgresToolName;
  path: string;
  major: number;
}

/** No pg_dump or pg_restore of the major a backup needs. */
export class PostgresToolMissing extends Error {}

/**
 * The first `tool` at least as new as `minimumMajor`: the one of exactly that major in
 * /usr/lib/postgresql/<major>/bin, then newer ones there, then the one on PATH.
 * `why` says what needs it; `otherwise` what to do instead, if anything. Synchronous, so a
 * test can decide at collection time whether the machine can run it.
 */
export function findPostgresTool(name: PostgresToolName, minimumMajor: number, why: string, otherwise = ''): PostgresTool {
  const candidates = [...installedMajors(minimumMajor).map((major) => path.join(VERSIONED_PROGRAMS, String(major), 'bin', name)), name];
  const tooOld: PostgresTool[] = [];
  for (const candidate of candidates) {
    const major = majorOf(candidate);
    if (major === undefined) continue;
    if (major >= minimumMajor) return { name, path: candidate, major };
    tooOld.push({ name, path: candidate, major });
  }
  const where = (tool: PostgresTool) => (path.isAbsolute(tool.path) ? tool.path : 'on PATH');
  const found = tooOld.length > 0 ? `found only ${tooOld.map((tool) => `${name} ${tool.major} (${where(tool)})`).join(', ')}` : `found no ${name}`;
  throw new PostgresToolMissing(
    `${why} needs ${name} ${minimumMajor} or newer; ${found}. Install the package postgresql-client-${minimumMajor} (Debian and Ubuntu: from apt.postgresql.org)${otherwise ? `, or ${otherwise}` : ''}.`,
  );
}

function installedMajors(minimumMajor: number): number[] {
  const entries = fs.existsSync(VERSIONED_PROGRAMS) ? fs.readdirSync(VERSIONED_PROGRAMS) : [];
  return entries
    .map(Number)
    .filter((major) => Number.isInteger(major) && major >= minimumMajor)
    .sort((a, b) => a - b);
}

/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → 15; undefined when it does not run. */
function majorOf(program: string): number | undefined {
  try {
    const stdout = execFileSync(program, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** `pg_dump --format=custom` of the whole database, as a stream; `exited` rejects with pg_dump's own words. */
export function pgDump(tool: PostgresTool, url: string): { archive: Readable; exited: Promise<void> } {
  const child = spawnTool(tool, ['--format=custom', '--no-password'], url, ['ignore', 'pipe', 'pipe']);
  return { archive: child.stdout as Readable, exited: exitOf(child, tool) };
}

/**
 * Restores a custom-format archive read from `archive` into the database at `url`, in one
 * transaction that stops at the first error. Objects belong to the restoring role, as
 * they did to the owner connection that ran the migrations; grants to the API's group
 * role come back as they were (the role must exist first).
 */
export async function pgRestore(tool: PostgresTool, url: string, archive: Readable): Promise<void> {
  const child = spawnTool(tool, ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password'], url, ['pipe', 'ignore', 'pipe']);
  const exited = exitOf(child, tool);
  const fed = pipeline(archive, child.stdin as NodeJS.WritableStream);
  // pg_restore's own error explains more than the broken pipe it leaves behind.
  const [exit, feeding] = await Promise.allSettled([exited, fed]);
  if (exit.status === 'rejected') throw exit.reason;
  if (feeding.status === 'rejected') throw feeding.reason;
}

/** The password goes through the environment, so it never shows in the process list. */
function spawnTool(tool: PostgresTool, args: string[], url: string, stdio: ['ignore' | 'pipe', 'ignore' | 'pipe', 'pipe']): ChildProcess {
  const connection = new URL(url);
  const password = decodeURIComponent(connection.password);
  connection.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return spawn(tool.path, [...args, `--dbname=${connection.toString()}`], { env, stdio });
}

function exitOf(child: ChildProcess, tool: PostgresTool): Promise<void> {
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (errors += text));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool.name} ${tool.major} failed: ${errors.trim() || `exit code ${code}`}`));
    });
  });
}
