import { Injectable } from '@nestjs/common';
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
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CiphertextUnreadable, NoteCipher } from '../common/crypto/note-cipher';
import { newSecretToken, sha256 } from '../common/crypto/tokens';
import { actAs, type RequestContext } from '../common/request-context';
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
} from './two-factor.errors';

/** Wrong codes a sign-in challenge takes before it is void and the password is asked again. */
const CHALLENGE_WRONG_CODES = 5;

/** Run after an owner resets a member's two-factor, in the same transaction. */
export type TwoFactorResetListener = (member: { id: string; practiceId: string }) => Promise<void>;

/** Where the sign-in request came from. */
export type SignInOrigin = Pick<RequestContext, 'ipAddress' | 'requestId'>;

type ChallengeOutcome = { user: User } | { refusal: SignInChallengeExpired | SignInCodeRejected | SignInRecoveryCodeRejected };

/** A secret is bound to its person: copied onto another row, it does not decrypt. */
const secretAssociatedData = (userId: string) => `users.two_factor_secret:${userId}`;

/** Two-factor sign-in (TOTP, RFC 6238) for team members: enrolment, the sign-in challenge, step-up codes, the owner's reset. */
@Injectable()
export class TwoFactorService {
  private readonly resetListeners: TwoFactorResetListener[] = [];

  constructor(
    private readonly scope: PracticeScope,
    private readonly settings: TwoFactorSettings,
    private readonly users: UsersService,
    private readonly practices: PracticesService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly cipher: NoteCipher,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /** Registered by sign-in sessions (they depend on two-factor, not the reverse) to end the member's sessions. */
  onReset(listener: TwoFactorResetListener): void {
    this.resetListeners.push(listener);
  }

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
    for (const listener of this.resetListeners) await listener(member);
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
  async completeChallenge(request: TwoFactorLoginRequest, client: SignInOrigin): Promise<User> {
    const tokenHash = sha256(request.challengeToken);
    const [{ practice_id: practiceId }]: { practice_id: string | null }[] = await this.scope.manager.query(
      'SELECT practice_for_two_factor_challenge($1) AS practice_id',
      [tokenHash],
    );
    if (!practiceId) throw new SignInChallengeExpired();
    // A wrong code must still count against the challenge, so the refusal is thrown after the commit.
    const outcome = await this.scope.run<ChallengeOutcome>(practiceId, async () => {
      const challenge = await this.scope.repository(TwoFactorChallengeRecord).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
      const open = challenge && !challenge.usedAt && challenge.expiresAt.getTime() > Date.now() && challenge.failedAttempts < CHALLENGE_WRONG_CODES;
      const user = open ? await this.users.findById(challenge.userId) : null;
      if (!challenge || !user?.active || !this.isEnabled(user)) return { refusal: new SignInChallengeExpired() };

      // The code step has no bearer token: the audit names the person signing in.
      actAs(this.cls, 'user', user.id, client);
      const passed =
        request.recoveryCode !== undefined
          ? await this.useRecoveryCode(user, request.recoveryCode)
          : await this.acceptCode(await this.lockSelf(user), request.code ?? '');
      if (!passed) {
        await this.scope.repository(TwoFactorChallengeRecord).update({ id: challenge.id }, { failedAttempts: challenge.failedAttempts + 1 });
        return { refusal: request.recoveryCode !== undefined ? new SignInRecoveryCodeRejected() : new SignInCodeRejected() };
      }
      await this.scope.repository(TwoFactorChallengeRecord).update({ id: challenge.id }, { usedAt: new Date() });
      return { user };
    });
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.user;
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
