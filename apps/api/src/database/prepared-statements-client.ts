import { createHash } from 'node:crypto';
import { Client, type QueryResult } from 'pg';

/**
 * How many statements one pooled connection keeps prepared. The API sends a few hundred
 * distinct statements at most; lists whose length varies (`IN ($2, $3, …)`) could add more,
 * and past this bound they are sent unnamed, as before, so a backend's plan cache stays small.
 */
const PREPARED_PER_CONNECTION = 400;

/** Statement text to its name, shared by every connection (bounded like the connections' caches). */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `tw_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    if (statementNames.size < 10 * PREPARED_PER_CONNECTION) statementNames.set(text, name);
  }
  return name;
}

const TRANSACTION_START = 'START TRANSACTION';
const TRANSACTION_ENDS = new Set(['COMMIT', 'ROLLBACK']);
const HELD_START: Partial<QueryResult> = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };

/**
 * The pg client under TypeORM's pool, doing two things the driver leaves to its caller:
 *
 * - Every statement with parameters goes as a named (prepared) statement, so PostgreSQL parses
 *   it once per connection and can reuse its plan, instead of planning the caseload's query
 *   again on every request.
 * - The `START TRANSACTION` TypeORM sends is held back and travels with the next statement
 *   when that one has no parameters (the simple protocol takes several statements in one
 *   message): a request's transaction and its practice (`SET LOCAL`) cost one round trip.
 *
 * Only the promise form TypeORM uses (text and an array of values) is changed; any other
 * call goes through as it is, after a held start.
 */
export class PreparedStatementsClient extends Client {
  /** Names this connection has been asked to prepare (pg itself parses each one once). */
  private readonly prepared = new Set<string>();
  private startHeld = false;

  // The pg client's query has a dozen overloads; this one accepts them all and changes only
  // the (text, values) promise form.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config !== 'string' || typeof values === 'function' || callback !== undefined) {
      return this.startHeld ? this.sendHeldStart().then(() => super.query(config, values, callback)) : super.query(config, values, callback);
    }
    const parameters: unknown[] = Array.isArray(values) ? values : [];
    if (config === TRANSACTION_START && parameters.length === 0 && !this.startHeld) {
      this.startHeld = true;
      return Promise.resolve(HELD_START);
    }
    if (this.startHeld) {
      this.startHeld = false;
      // Nothing was sent since the start: there is no transaction to end.
      if (TRANSACTION_ENDS.has(config) && parameters.length === 0) return Promise.resolve({ ...HELD_START, command: config });
      if (parameters.length === 0) return this.sendTogether(config);
      return super.query(TRANSACTION_START).then(() => this.send(config, parameters));
    }
    return this.send(config, parameters);
  }

  private send(text: string, parameters: unknown[]): Promise<QueryResult> {
    if (parameters.length === 0) return super.query(text);
    const name = statementName(text);
    if (!this.prepared.has(name)) {
      if (this.prepared.size >= PREPARED_PER_CONNECTION) return super.query(text, parameters);
      this.prepared.add(name);
    }
    return super.query({ name, text, values: parameters });
  }

  /** The held start and a parameterless statement in one message; the answer is the statement's. */
  private async sendTogether(text: string): Promise<QueryResult> {
    const results = (await super.query(`${TRANSACTION_START};\n${text}`)) as unknown as QueryResult[];
    return results[results.length - 1];
  }

  private sendHeldStart(): Promise<unknown> {
    this.startHeld = false;
    return super.query(TRANSACTION_START);
  }
}
