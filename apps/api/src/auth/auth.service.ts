import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  AuditRecordType,
  RequiredAccountAction,
  Role,
  STEP_UP_WINDOW_MINUTES,
  type AuthTokens,
  type CurrentUser,
  type PracticeSummary,
  type StepUpResult,
  type TwoFactorChallenge,
} from '@trustwork/contracts';
import { ClsService } from 'nestjs-cls';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { newSecretToken, sha256 } from '../common/crypto/tokens';
import { RefusedAfterCommit, withSecretTokenRow } from '../common/secret-token-row';
import { verifyAgainstDecoy, verifyPassword } from '../common/crypto/passwords';
import { InvalidRequest } from '../common/errors/domain-error';
import { actAs } from '../common/request-context';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { PracticesService } from '../practices/practices.service';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccountDeactivated, InvalidCredentials, InvalidRefreshToken, StepUpRefused } from './auth.errors';
import type { LoginDto } from './dto/login.dto';
import type { RegisterPracticeDto } from './dto/register-practice.dto';
import type { StepUpDto } from './dto/step-up.dto';
import type { TwoFactorLoginDto } from './dto/two-factor-login.dto';
import type { UpdateMeDto } from './dto/update-me.dto';
import { RefreshToken } from './refresh-token.entity';
import { SignInSessionsService, type SignInClient } from './sign-in-sessions.service';

/** What the access token carries; the role, the session's state and any required step are re-read on each request. */
export interface AccessTokenClaims {
  sub: string;
  pid: string;
  /** The sign-in session: ending it ends the access token too. */
  sid: string;
}

/** A signed-in session: the body, and the refresh token the controller sets as a cookie. */
export interface SignedIn {
  tokens: AuthTokens;
  refreshToken: string;
}

/** Claims are signed by us, but a token from before an id format change must not reach a uuid cast. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The step a person must take before anything else, if any (the SQL of authenticated_session() says the same). */
export function requiredActionOf(user: Pick<User, 'mustChoosePassword' | 'twoFactorEnabledAt'>, practice: PracticeSummary): RequiredAccountAction | null {
  if (user.mustChoosePassword) return RequiredAccountAction.ChoosePassword;
  if (practice.requireTwoFactor && !user.twoFactorEnabledAt) return RequiredAccountAction.EnrolTwoFactor;
  return null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly users: UsersService,
    private readonly practices: PracticesService,
    private readonly sessions: SignInSessionsService,
    private readonly twoFactor: TwoFactorService,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(registration: RegisterPracticeDto, client: SignInClient): Promise<SignedIn> {
    const practiceId = randomUUID();
    return this.scope.run(practiceId, async () => {
      await this.practices.create(practiceId, registration.practiceName, registration.timeZone);
      const owner = await this.users.create({
        practiceId,
        practiceName: registration.practiceName,
        name: registration.name,
        email: registration.email,
        role: Role.Owner,
        password: registration.password,
        passwordField: 'password',
      });
      return this.startSession(owner, client);
    });
  }

  /** The password step: tokens, or a challenge for the code when the account has two-factor. */
  async login(credentials: LoginDto, client: SignInClient): Promise<SignedIn | TwoFactorChallenge> {
    const [{ practice_id: practiceId }] = await this.scope.manager.query('SELECT practice_for_login($1) AS practice_id', [credentials.email]);
    if (!practiceId) {
      await verifyAgainstDecoy(credentials.password);
      throw new InvalidCredentials();
    }
    return this.scope.run(practiceId, async () => {
      const user = await this.users.findWithPasswordByEmail(credentials.email);
      if (!user || !(await verifyPassword(user.passwordHash, credentials.password))) throw new InvalidCredentials();
      if (!user.active) throw new AccountDeactivated();
      if (this.twoFactor.isEnabled(user)) return this.twoFactor.createChallenge(user);
      return this.startSession(user, client);
    });
  }

  /** The code step: the two-factor service checks the code (and counts wrong ones); a session starts. */
  async completeTwoFactorLogin(request: TwoFactorLoginDto, client: SignInClient): Promise<SignedIn> {
    if (request.code !== undefined && request.recoveryCode !== undefined) throw new InvalidRequest('send either code or recoveryCode, not both');
    const user = await this.twoFactor.completeChallenge(request, client);
    return this.scope.run(user.practiceId, () => this.startSession(user, client));
  }

  /**
   * Rotates a refresh token. Presenting one that was already rotated means it leaked (or was
   * replayed), so its session ends. A refresh is no activity: an idle session stays idle.
   */
  refresh(refreshToken: string): Promise<SignedIn> {
    const token = { secret: refreshToken, practiceOf: 'practice_for_refresh_token', entity: RefreshToken, unknown: () => new InvalidRefreshToken() } as const;
    return withSecretTokenRow(this.scope, token, async (stored) => {
      if (stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw new InvalidRefreshToken();
      const tokens = this.scope.repository(RefreshToken);
      if (stored.usedAt) {
        await tokens.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.sessions.end(stored.familyId, 'token-reuse');
        return new RefusedAfterCommit(new InvalidRefreshToken());
      }
      if (!(await this.sessions.isOpen(stored.familyId, stored.practiceId))) throw new InvalidRefreshToken();
      const user = await this.users.findById(stored.userId);
      if (!user?.active) throw new InvalidRefreshToken();
      await tokens.update({ id: stored.id }, { usedAt: new Date() });
      return this.issueTokens(user, stored.familyId);
    });
  }

  /** Ends this device's session: its access and refresh tokens stop working. */
  async logout(actor: AuthenticatedUser): Promise<void> {
    await this.sessions.end(actor.sessionId, 'signed-out');
    await this.audit.record(actor.practiceId, { action: 'sign-in.end', recordType: AuditRecordType.SignIn, recordId: actor.sessionId });
  }

  /** The signed-in user for an access token's claims, or null if they may no longer act. */
  async authenticate(claims: AccessTokenClaims, countsAsActivity: boolean): Promise<AuthenticatedUser | null> {
    if (![claims.sub, claims.pid, claims.sid].every((id) => UUID.test(id ?? ''))) return null;
    // One statement on every signed-in request, before the request's own transaction begins.
    const [found]: { role: Role; verified_at: Date; required_action: RequiredAccountAction | null }[] = await this.scope.manager.query(
      'SELECT role, verified_at, required_action FROM authenticated_session($1, $2, $3, $4)',
      [claims.sub, claims.pid, claims.sid, countsAsActivity],
    );
    if (!found) return null;
    return { id: claims.sub, practiceId: claims.pid, role: found.role, sessionId: claims.sid, verifiedAt: found.verified_at, requiredAction: found.required_action };
  }

  async currentUser(actor: AuthenticatedUser): Promise<CurrentUser> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new InvalidCredentials();
    return this.describe(user);
  }

  /** The signed-in person's own settings; anyone may change their own. */
  async updateCurrentUser(actor: AuthenticatedUser, changes: UpdateMeDto): Promise<CurrentUser> {
    if (changes.name !== undefined || changes.weeklyDigest !== undefined) {
      await this.users.updateOwnSettings(actor, { name: changes.name, weeklyDigest: changes.weeklyDigest });
      await this.audit.record(actor.practiceId, { action: 'user.update', recordType: AuditRecordType.User, recordId: actor.id });
    }
    return this.currentUser(actor);
  }

  /**
   * Proves presence again for the most sensitive actions: a code from the app when the person
   * has two-factor (a password alone would undo it), otherwise the password.
   */
  async stepUp(actor: AuthenticatedUser, proof: StepUpDto): Promise<StepUpResult> {
    const user = await this.users.findWithPasswordById(actor.id);
    if (!user) throw new InvalidCredentials();
    if (this.twoFactor.isEnabled(user)) {
      if (proof.code === undefined) throw new StepUpRefused('code is required: enter the 6-digit code your authenticator app shows');
      if (!(await this.twoFactor.verifyCode(actor, proof.code))) throw new StepUpRefused('code is not right, or was already used: enter the code your authenticator app shows now');
    } else {
      if (proof.password === undefined) throw new StepUpRefused('password is required');
      if (!(await verifyPassword(user.passwordHash, proof.password))) throw new StepUpRefused('password is not right');
    }
    const verifiedAt = await this.sessions.markVerified(actor);
    return { verifiedUntil: new Date(verifiedAt.getTime() + STEP_UP_WINDOW_MINUTES * 60_000).toISOString() };
  }

  private async describe(user: User): Promise<CurrentUser> {
    const practice = await this.practices.summary(user.practiceId);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      practice,
      weeklyDigest: user.weeklyDigest,
      twoFactorEnabled: this.twoFactor.isEnabled(user),
      requiredAction: requiredActionOf(user, practice),
      pendingEmail: user.pendingEmail,
    };
  }

  /** A sign-in that proved presence (password, and code where set up): a new session for this device. */
  private async startSession(user: User, client: SignInClient): Promise<SignedIn> {
    const sessionId = await this.sessions.start(user, client);
    // No bearer token yet: the audit names the person signing in, from this request.
    actAs(this.cls, 'user', user.id, client);
    await this.audit.record(user.practiceId, { action: 'sign-in.start', recordType: AuditRecordType.SignIn, recordId: sessionId });
    return this.issueTokens(user, sessionId);
  }

  private async issueTokens(user: User, sessionId: string): Promise<SignedIn> {
    const refreshToken = newSecretToken();
    const ttlMs = this.config.auth.refreshTokenTtlDays * 24 * 60 * 60 * 1000;
    await this.scope.repository(RefreshToken).insert({
      practiceId: user.practiceId,
      userId: user.id,
      familyId: sessionId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    const claims: AccessTokenClaims = { sub: user.id, pid: user.practiceId, sid: sessionId };
    return {
      refreshToken,
      tokens: { accessToken: await this.jwt.signAsync(claims), expiresIn: this.config.auth.accessTokenTtlSeconds, user: await this.describe(user) },
    };
  }
}
