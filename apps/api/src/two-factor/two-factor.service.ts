import { Inject, Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  TWO_FACTOR_CHALLENGE_MINUTES,
  type RecoveryCodes,
  type TwoFactorChallenge,
  type TwoFactorEnrolment,
  type TwoFactorLoginRequest,
  type TwoFactorStatus,
} from '@trustwork/contracts';
import { ClsService } from 'nestjs-cls';
import { MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SignInSessionsService } from '../auth/sign-in-sessions.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CiphertextUnreadable, NoteCipher } from '../common/crypto/note-cipher';
import { newSecretToken, sha256 } from '../common/crypto/tokens';
import { RefusedAfterCommit, withSecretTokenRow } from '../common/secret-token-row';
import { actAs, type RequestContext } from '../common/request-context';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { PracticesService } from '../practices/practices.service';
import { TwoFactorSettings, type TwoFactorColumns } from '../users/two-factor-settings.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { TeamMemberNotFound } from '../users/users.errors';
import { RecoveryCodesService } from './recovery-codes.service';
import { acceptedStep, newTotpSecret, totpAddress } from './totp';
import { TwoFactorChallengeRecord } from './two-factor-challenge.entity';
import {
  CannotResetOwnTwoFactor,
  SignInChallengeExpired,
  SignInCodeRejected,
  SignInRecoveryCodeRejected,
  TwoFactorAlreadyOn,
  TwoFactorCodeRejected,
  TwoFactorNotOn,
  TwoFactorNotStarted,
  TwoFactorRequiredByPractice,
  TwoFactorSecretUnreadable,
  TooManyWrongCodes,
} from './two-factor.errors';

/** Wrong codes a sign-in challenge takes before it is void and the password is asked again. */
const CHALLENGE_WRONG_CODES = 5;

/** Where the sign-in request came from. */
export type SignInOrigin = Pick<RequestContext, 'ipAddress' | 'requestId'>;

/** A secret is bound to its person: copied onto another row, it does not decrypt. */
const secretAssociatedData = (userId: string) => `users.two_factor_secret:${userId}`;

/** Two-factor sign-in (TOTP, RFC 6238) for team members: enrolment, the sign-in challenge, step-up codes, the owner's reset. */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly settings: TwoFactorSettings,
    private readonly users: UsersService,
    private readonly practices: PracticesService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly sessions: SignInSessionsService,
    private readonly cipher: NoteCipher,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isEnabled(user: Pick<User, 'twoFactorEnabledAt'>): boolean {
    return user.twoFactorEnabledAt !== null;
  }

  async status(actor: AuthenticatedUser): Promise<TwoFactorStatus> {
    const user = await this.users.findById(actor.id);
    const enabled = user !== null && this.isEnabled(user);
    const { requireTwoFactor } = await this.practices.summary(actor.practiceId);
    return { enabled, recoveryCodesLeft: enabled ? await this.recoveryCodes.left(actor) : 0, requiredByPractice: requireTwoFactor };
  }

  /** A new secret waiting for its first code; any earlier unconfirmed one is replaced. */
  async startEnrolment(actor: AuthenticatedUser): Promise<TwoFactorEnrolment> {
    const user = await this.lockSelf(actor);
    if (user.twoFactorEnabledAt) throw new TwoFactorAlreadyOn();
    const secret = newTotpSecret();
    await this.settings.setPendingSecret(user.id, this.cipher.encryptToText(secret, secretAssociatedData(user.id)));
    return { secret, otpauthUrl: totpAddress(secret, user.email) };
  }

  /** The first code from the app proves it holds the secret: two-factor is on, with a first set of recovery codes. */
  async confirmEnrolment(actor: AuthenticatedUser, code: string): Promise<RecoveryCodes> {
    const user = await this.lockSelf(actor);
    if (user.twoFactorEnabledAt) throw new TwoFactorAlreadyOn();
    if (!user.twoFactorPendingSecret) throw new TwoFactorNotStarted();
    const step = acceptedStep(this.decrypt(user, user.twoFactorPendingSecret), code, user.twoFactorLastStep);
    if (step === null) throw new TwoFactorCodeRejected();
    await this.settings.enable(user.id, user.twoFactorPendingSecret, step);
    const recoveryCodes = await this.recoveryCodes.replace(actor);
    await this.recordAbout(actor, 'user.two-factor-enable');
    return { recoveryCodes };
  }

  async disable(actor: AuthenticatedUser, code: string): Promise<void> {
    const { requireTwoFactor } = await this.practices.summary(actor.practiceId);
    if (requireTwoFactor) throw new TwoFactorRequiredByPractice();
    await this.requireCode(actor, code);
    await this.settings.clear(actor.id);
    await this.recoveryCodes.remove(actor);
    await this.recordAbout(actor, 'user.two-factor-disable');
  }

  async regenerateRecoveryCodes(actor: AuthenticatedUser, code: string): Promise<RecoveryCodes> {
    await this.requireCode(actor, code);
    const recoveryCodes = await this.recoveryCodes.replace(actor);
    await this.recordAbout(actor, 'user.recovery-codes-regenerate');
    return { recoveryCodes };
  }

  /**
   * The owner clears a member's two-factor (a lost phone): the member sets it up again, and
   * their signed-in devices are signed out, since the lost phone may be one of them.
   */
  async reset(owner: AuthenticatedUser, memberId: string): Promise<void> {
    if (memberId === owner.id) throw new CannotResetOwnTwoFactor();
    const member = await this.settings.lockForCodeCheck(memberId);
    if (!member || member.practiceId !== owner.practiceId) throw new TeamMemberNotFound();
    await this.settings.clear(member.id);
    await this.recoveryCodes.remove(member);
    await this.sessions.endAllFor(member.id, 'two-factor-reset');
    await this.audit.record(owner.practiceId, { action: 'user.two-factor-reset', recordType: AuditRecordType.User, recordId: member.id });
  }

  /** Step-up: a current code from the person's app, accepted once. */
  async verifyCode(actor: AuthenticatedUser, code: string): Promise<boolean> {
    return this.acceptCode(await this.lockSelf(actor), code);
  }

  /** The password was right and the account has two-factor: a single-use ticket for the code step. Call inside the practice's scope. */
  async createChallenge(user: User): Promise<TwoFactorChallenge> {
    const challengeToken = newSecretToken();
    const expiresIn = TWO_FACTOR_CHALLENGE_MINUTES * 60;
    await this.scope.repository(TwoFactorChallengeRecord).insert({
      practiceId: user.practiceId,
      userId: user.id,
      tokenHash: sha256(challengeToken),
      expiresAt: new Date(Date.now() + expiresIn * 1000),
    });
    return { twoFactorRequired: true, challengeToken, expiresIn };
  }

  /**
   * The code step of signing in, with a code from the app or an unused recovery code: the
   * person whose sign-in it completes. Opens its own transaction in the challenge's practice.
   * `client` is where the request came from, for the audit of a recovery code's use.
   */
  completeChallenge(request: TwoFactorLoginRequest, client: SignInOrigin): Promise<User> {
    const token = { secret: request.challengeToken, practiceOf: 'practice_for_two_factor_challenge', entity: TwoFactorChallengeRecord, unknown: () => new SignInChallengeExpired() } as const;
    return withSecretTokenRow(this.scope, token, async (challenge) => {
      const challenges = this.scope.repository(TwoFactorChallengeRecord);
      const open = !challenge.usedAt && challenge.expiresAt.getTime() > Date.now() && challenge.failedAttempts < CHALLENGE_WRONG_CODES;
      const user = open ? await this.users.findById(challenge.userId) : null;
      if (!user?.active || !this.isEnabled(user)) throw new SignInChallengeExpired();
      await this.refuseAfterTooManyWrongCodes(user);

      // The code step has no bearer token: the audit names the person signing in.
      actAs(this.cls, 'user', user.id, client);
      const passed =
        request.recoveryCode !== undefined
          ? await this.useRecoveryCode(user, request.recoveryCode)
          : await this.acceptCode(await this.lockSelf(user), request.code ?? '');
      if (!passed) {
        // A wrong code still counts against the challenge.
        await challenges.update({ id: challenge.id }, { failedAttempts: challenge.failedAttempts + 1 });
        return new RefusedAfterCommit(request.recoveryCode !== undefined ? new SignInRecoveryCodeRejected() : new SignInCodeRejected());
      }
      await challenges.update({ id: challenge.id }, { usedAt: new Date() });
      return user;
    });
  }

  /**
   * Wrong codes count against the account like wrong passwords (the sign-in limit per e-mail address),
   * whichever challenge and address they come with: the password alone opens as many challenges as asked.
   */
  private async refuseAfterTooManyWrongCodes(user: User): Promise<void> {
    const { loginLimitPerEmail, loginLimitWindowSeconds } = this.config.auth;
    const wrong = await this.scope.repository(TwoFactorChallengeRecord).sum('failedAttempts', {
      practiceId: user.practiceId,
      userId: user.id,
      createdAt: MoreThan(new Date(Date.now() - loginLimitWindowSeconds * 1000)),
    });
    if ((wrong ?? 0) >= loginLimitPerEmail) throw new TooManyWrongCodes(loginLimitWindowSeconds);
  }

  private async useRecoveryCode(user: User, typed: string): Promise<boolean> {
    if (!(await this.recoveryCodes.use(user, typed))) return false;
    await this.recordAbout(user, 'user.recovery-code-use');
    return true;
  }

  private async requireCode(actor: AuthenticatedUser, code: string): Promise<void> {
    const user = await this.lockSelf(actor);
    if (!user.twoFactorEnabledAt) throw new TwoFactorNotOn();
    if (!(await this.acceptCode(user, code))) throw new TwoFactorCodeRejected();
  }

  /**
   * Checks a code against the active secret of a row locked by `lockSelf`, and records its step
   * in this transaction: a code is accepted once, even when two requests bring it together.
   */
  private async acceptCode(user: TwoFactorColumns, code: string): Promise<boolean> {
    if (!user.twoFactorSecret) return false;
    const step = acceptedStep(this.decrypt(user, user.twoFactorSecret), code, user.twoFactorLastStep);
    if (step === null) return false;
    await this.settings.recordAcceptedStep(user.id, step);
    return true;
  }

  private async lockSelf(person: { id: string }): Promise<TwoFactorColumns> {
    const user = await this.settings.lockForCodeCheck(person.id);
    if (!user) throw new TeamMemberNotFound();
    return user;
  }

  private decrypt(user: Pick<TwoFactorColumns, 'id'>, encryptedSecret: string): string {
    try {
      return this.cipher.decryptText(encryptedSecret, secretAssociatedData(user.id));
    } catch (error) {
      if (error instanceof CiphertextUnreadable) throw new TwoFactorSecretUnreadable();
      throw error;
    }
  }

  /** The person's own two-factor changes are audited against their own record. */
  private recordAbout(person: { id: string; practiceId: string }, action: string): Promise<void> {
    return this.audit.record(person.practiceId, { action, recordType: AuditRecordType.User, recordId: person.id });
  }
}
