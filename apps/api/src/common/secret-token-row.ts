import type { EntityTarget, FindOptionsWhere } from 'typeorm';
import type { PracticeScope } from '../database/practice-scope';
import { sha256 } from './crypto/tokens';

/** SECURITY DEFINER functions that answer only "which practice holds the row of this token hash?". */
export type PracticeOfTokenHash = 'practice_for_refresh_token' | 'practice_for_two_factor_challenge' | 'practice_for_account_token';

/** A refusal decided inside the transaction and thrown once it has committed, so what was written on the way stays. */
export class RefusedAfterCommit {
  constructor(readonly error: Error) {}
}

export interface SecretToken<Row> {
  /** The secret as the request brought it; only its hash is stored. */
  secret: string;
  practiceOf: PracticeOfTokenHash;
  entity: EntityTarget<Row>;
  /** The refusal for a token no row holds. */
  unknown: () => Error;
}

/**
 * The work a secret token opens (a refresh cookie, a sign-in's challenge, an e-mailed link): it
 * arrives before its practice is known, so the token's hash names the practice, and `work` runs in
 * that practice's transaction with the token's row locked, so two requests bringing one token take
 * turns. `work` throws to refuse and undo, or returns a RefusedAfterCommit to refuse and keep what
 * it wrote (a wrong code counted, a leaked session ended).
 */
export async function withSecretTokenRow<Row extends { tokenHash: string }, T>(
  scope: PracticeScope,
  token: SecretToken<Row>,
  work: (row: Row) => Promise<T | RefusedAfterCommit>,
): Promise<T> {
  const tokenHash = sha256(token.secret);
  const [{ practice_id: practiceId }]: { practice_id: string | null }[] = await scope.manager.query(`SELECT ${token.practiceOf}($1) AS practice_id`, [tokenHash]);
  if (!practiceId) throw token.unknown();
  const outcome = await scope.run(practiceId, async () => {
    const row = await scope.repository(token.entity).findOne({ where: { tokenHash } as FindOptionsWhere<Row>, lock: { mode: 'pessimistic_write' } });
    if (!row) throw token.unknown();
    return work(row);
  });
  if (outcome instanceof RefusedAfterCommit) throw outcome.error;
  return outcome;
}
