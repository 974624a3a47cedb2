import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { newSecretToken, sha256 } from '../common/crypto/tokens';
import { withSecretTokenRow } from '../common/secret-token-row';
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
  useLink<T>(token: string, purpose: AccountTokenPurpose, work: (link: AccountToken) => Promise<T>): Promise<T> {
    const link = { secret: token, practiceOf: 'practice_for_account_token', entity: AccountToken, unknown: () => new LinkExpiredOrUsed() } as const;
    return withSecretTokenRow(this.scope, link, async (stored) => {
      if (stored.purpose !== purpose || stored.usedAt || stored.expiresAt.getTime() <= Date.now()) throw new LinkExpiredOrUsed();
      await this.tokens.update({ id: stored.id }, { usedAt: new Date() });
      return work(stored);
    });
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

  async voidUnused(user: Pick<User, 'id' | 'practiceId'>, purpose: AccountTokenPurpose): Promise<void> {
    const now = new Date();
    await this.tokens.update({ practiceId: user.practiceId, userId: user.id, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) }, { expiresAt: now });
  }
}
