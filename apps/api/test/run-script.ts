import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** How the API's own scripts run TypeScript (see package.json "dev"), from its folder. */
export const RUN_TYPESCRIPT = ['--conditions=@trustwork/source', '-r', '@swc-node/register'];
export const API_DIRECTORY = path.resolve(__dirname, '..');

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the API's command-line scripts (`src/database/backup-cli.ts`) to its end, as its
 * `npm run` line does, with exactly `environment` (a variable set to undefined is left out).
 */
export function runScript(script: string, args: string[], environment: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return promisify(execFile)(process.execPath, [...RUN_TYPESCRIPT, script, ...args], { cwd: API_DIRECTORY, env: environment }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: ScriptRun) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
