import { Injectable } from '@nestjs/common';
import { PracticeScope } from '../database/practice-scope';
import { User } from './user.entity';

/** A person's two-factor columns as the code check needs them; the secrets are still encrypted. */
export type TwoFactorColumns = Pick<User, 'id' | 'practiceId' | 'email' | 'twoFactorSecret' | 'twoFactorPendingSecret' | 'twoFactorEnabledAt' | 'twoFactorLastStep'>;

/**
 * The two-factor columns of `users`, written only here (the users feature owns the table) and
 * only by the two-factor feature, which decides what they hold.
 */
@Injectable()
export class TwoFactorSettings {
  constructor(private readonly scope: PracticeScope) {}

  private get users() {
    return this.scope.repository(User);
  }

  /**
   * The row locked until the transaction ends, so two requests with one code take turns:
   * the second sees the step the first accepted.
   */
  lockForCodeCheck(userId: string): Promise<TwoFactorColumns | null> {
    return this.users.findOne({
      select: { id: true, practiceId: true, email: true, twoFactorSecret: true, twoFactorPendingSecret: true, twoFactorEnabledAt: true, twoFactorLastStep: true },
      where: { id: userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async setPendingSecret(userId: string, encryptedSecret: string): Promise<void> {
    await this.users.update({ id: userId }, { twoFactorPendingSecret: encryptedSecret });
  }

  async enable(userId: string, encryptedSecret: string, acceptedStep: number): Promise<void> {
    await this.users.update(
      { id: userId },
      { twoFactorSecret: encryptedSecret, twoFactorPendingSecret: null, twoFactorEnabledAt: new Date(), twoFactorLastStep: acceptedStep },
    );
  }

  async recordAcceptedStep(userId: string, acceptedStep: number): Promise<void> {
    await this.users.update({ id: userId }, { twoFactorLastStep: acceptedStep });
  }

  async clear(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { twoFactorSecret: null, twoFactorPendingSecret: null, twoFactorEnabledAt: null, twoFactorLastStep: null });
  }
}
