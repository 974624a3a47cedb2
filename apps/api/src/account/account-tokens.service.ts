import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { newSecretToken, sha256 } from '../common/crypto/tokens';
import { PracticeScope } from '../database/practice-scope';
import type { User } from '../users/user.entity';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';
import { LinkExpiredOrUsed } from './account.errors';

/** A link's secret, for the e-mail, and its hash, for the database. */
export interface EmailedLink {
  token: string;
  tokenHash: string;
}

export function newEmailedLink(): EmailedLink {
  const token = newSecretToken();
  return { token, tokenHash: sha256(token) };
}

/** The links of password resets and address confirmations: single use, short-lived, stored hashed. */
@Injectable()
export class AccountTokensService {
  constructor(private readonly scope: PracticeScope) {}

  private get tokens() {
    return this.scope.repository(AccountToken);
  }

  /**
   * Uses the link and runs `work` in its practice, found from the link alone (whoever opens it is
   * not signed in). A link of another purpose, used, expired or unknown is refused alike.
   */
  async useLink<T>(token: string, purpose: AccountTokenPurpose, work: (link: AccountToken) => Promise<T>): Promise<T> {
    const tokenHash = sha256(token);
    const [{ practice_id: practiceId }] = await this.scope.manager.query('SELECT practice_for_account_token($1) AS practice_id', [tokenHash]);
    if (!practiceId) throw new LinkExpiredOrUsed();
    return this.scope.run(practiceId, async () => work(await this.use(tokenHash, purpose)));
  }

  /** Stores a new link; the person's earlier unused links of the same purpose stop working. */
  async issue(user: Pick<User, 'id' | 'practiceId'>, purpose: AccountTokenPurpose, link: EmailedLink, lifetimeMinutes: number, email: string | null = null): Promise<void> {
    await this.voidUnused(user, purpose);
    await this.tokens.insert({
      practiceId: user.practiceId,
      userId: user.id,
      purpose,
      tokenHash: link.tokenHash,
      email,
      expiresAt: new Date(Date.now() + lifetimeMinutes * 60_000),
    });
  }

  private async use(tokenHash: string, purpose: AccountTokenPurpose): Promise<AccountToken> {
    // Locked, so two clicks at once cannot both use it.
    const stored = await this.tokens.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    if (!stored || stored.purpose !== purpose || stored.usedAt || stored.expiresAt.getTime() <= Date.now()) throw new LinkExpiredOrUsed();
    await this.tokens.update({ id: stored.id }, { usedAt: new Date() });
    return stored;
  }

  async voidUnused(user: Pick<User, 'id' | 'practiceId'>, purpose: AccountTokenPurpose): Promise<void> {
    const now = new Date();
    await this.tokens.update({ practiceId: user.practiceId, userId: user.id, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
  }
}
