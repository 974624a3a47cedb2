import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthTokens, CurrentUser } from '@trustwork/contracts';
import { Role } from '@trustwork/contracts';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { newSecretToken, sha256 } from '../common/crypto/tokens';
import { verifyAgainstDecoy, verifyPassword } from '../common/crypto/passwords';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { PracticesService } from '../practices/practices.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AccountDeactivated, InvalidCredentials, InvalidRefreshToken } from './auth.errors';
import type { LoginDto } from './dto/login.dto';
import type { RegisterPracticeDto } from './dto/register-practice.dto';
import type { UpdateMeDto } from './dto/update-me.dto';
import { RefreshToken } from './refresh-token.entity';

/** What the access token carries; the role is re-read from the database on each request. */
export interface AccessTokenClaims {
  sub: string;
  pid: string;
}

/** Claims are signed by us, but a token from before an id format change must not reach a uuid cast. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RefreshOutcome = { tokens: AuthTokens } | { reused: true } | { invalid: true };

@Injectable()
export class AuthService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly users: UsersService,
    private readonly practices: PracticesService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(registration: RegisterPracticeDto): Promise<AuthTokens> {
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
      return this.issueTokens(owner, randomUUID());
    });
  }

  async login(credentials: LoginDto): Promise<AuthTokens> {
    const [{ practice_id: practiceId }] = await this.scope.manager.query('SELECT practice_for_login($1) AS practice_id', [credentials.email]);
    if (!practiceId) {
      await verifyAgainstDecoy(credentials.password);
      throw new InvalidCredentials();
    }
    return this.scope.run(practiceId, async () => {
      const user = await this.users.findWithPasswordByEmail(credentials.email);
      if (!user || !(await verifyPassword(user.passwordHash, credentials.password))) throw new InvalidCredentials();
      if (!user.active) throw new AccountDeactivated();
      return this.issueTokens(user, randomUUID());
    });
  }

  /**
   * Rotates a refresh token. Presenting one that was already rotated means it leaked
   * (or was replayed), so the whole family of that sign-in is revoked.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const tokenHash = sha256(refreshToken);
    const practiceId = await this.practiceForRefreshToken(tokenHash);
    if (!practiceId) throw new InvalidRefreshToken();

    // The revocation must commit even though the request fails, so the outcome is
    // decided inside the transaction and thrown after it.
    const outcome = await this.scope.run<RefreshOutcome>(practiceId, async () => {
      const tokens = this.scope.repository(RefreshToken);
      const stored = await tokens.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return { invalid: true };
      if (stored.usedAt) {
        await tokens.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { reused: true };
      }
      const user = await this.users.findById(stored.userId);
      if (!user?.active) return { invalid: true };
      await tokens.update({ id: stored.id }, { usedAt: new Date() });
      return { tokens: await this.issueTokens(user, stored.familyId) };
    });
    if ('tokens' in outcome) return outcome.tokens;
    throw new InvalidRefreshToken();
  }

  /** Ends the sign-in the token belongs to; unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    const tokenHash = sha256(refreshToken);
    const practiceId = await this.practiceForRefreshToken(tokenHash);
    if (!practiceId) return;
    await this.scope.run(practiceId, async () => {
      const tokens = this.scope.repository(RefreshToken);
      const stored = await tokens.findOne({ select: { familyId: true }, where: { tokenHash } });
      if (stored) await tokens.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
  }

  /** The signed-in user for an access token's claims, or null if they may no longer act. */
  async authenticate(claims: AccessTokenClaims): Promise<AuthenticatedUser | null> {
    if (!UUID.test(claims.sub ?? '') || !UUID.test(claims.pid ?? '')) return null;
    // One statement on every signed-in request, before the request's own transaction begins.
    const [found]: { role: Role | null }[] = await this.scope.manager.query('SELECT authenticated_user_role($1, $2) AS role', [claims.sub, claims.pid]);
    return found?.role ? { id: claims.sub, practiceId: claims.pid, role: found.role } : null;
  }

  async currentUser(actor: AuthenticatedUser): Promise<CurrentUser> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new InvalidCredentials();
    return this.describe(user);
  }

  /** The signed-in person's own settings; anyone may change their own. */
  async updateCurrentUser(actor: AuthenticatedUser, changes: UpdateMeDto): Promise<CurrentUser> {
    if (changes.weeklyDigest !== undefined) {
      await this.users.setWeeklyDigest(actor, changes.weeklyDigest);
    }
    return this.currentUser(actor);
  }

  private async practiceForRefreshToken(tokenHash: string): Promise<string | null> {
    const [{ practice_id: practiceId }] = await this.scope.manager.query('SELECT practice_for_refresh_token($1) AS practice_id', [tokenHash]);
    return practiceId;
  }

  private async describe(user: User): Promise<CurrentUser> {
    const practice = await this.practices.summary(user.practiceId);
    return { id: user.id, name: user.name, email: user.email, role: user.role, practice, weeklyDigest: user.weeklyDigest };
  }

  private async issueTokens(user: User, familyId: string): Promise<AuthTokens> {
    const refreshToken = newSecretToken();
    const ttlMs = this.config.auth.refreshTokenTtlDays * 24 * 60 * 60 * 1000;
    await this.scope.repository(RefreshToken).insert({
      practiceId: user.practiceId,
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    const claims: AccessTokenClaims = { sub: user.id, pid: user.practiceId };
    return {
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      refreshToken,
      user: await this.describe(user),
    };
  }
}
