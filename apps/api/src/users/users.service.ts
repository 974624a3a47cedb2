import { Injectable } from '@nestjs/common';
import type { Role, TeamMember } from '@trustwork/contracts';
import { QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { hashPassword } from '../common/crypto/passwords';
import { assertHardToGuess } from '../common/password-strength';
import { SignInSessionsService } from '../auth/sign-in-sessions.service';
import { PracticeScope } from '../database/practice-scope';
import { PracticesService } from '../practices/practices.service';
import type { AddTeamMemberDto } from './dto/add-team-member.dto';
import type { UpdateTeamMemberDto } from './dto/update-team-member.dto';
import { User } from './user.entity';
import { CannotChangeOwnAccess, EmailAlreadyRegistered, TeamMemberNotFound } from './users.errors';

const TEAM_MEMBER_COLUMNS = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  createdAt: true,
  twoFactorEnabledAt: true,
  mustChoosePassword: true,
} as const;

export interface NewUser {
  practiceId: string;
  /** With the name and e-mail, what the password must not be built from. */
  practiceName: string;
  name: string;
  email: string;
  role: Role;
  password: string;
  /** The request field the password came in, named if it is refused. A temporary one is replaced at first sign-in. */
  passwordField: 'password' | 'temporaryPassword';
}

/** The practice's team. Runs inside the caller's practice transaction. */
@Injectable()
export class UsersService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly practices: PracticesService,
    private readonly sessions: SignInSessionsService,
  ) {}

  private get users() {
    return this.scope.repository(User);
  }

  async list(practiceId: string): Promise<TeamMember[]> {
    const members = await this.users.find({ select: TEAM_MEMBER_COLUMNS, where: { practiceId }, order: { createdAt: 'ASC' } });
    return members.map(toTeamMember);
  }

  /** Every password is set here, so every one is judged here. */
  async create(newUser: NewUser): Promise<User> {
    assertHardToGuess(newUser.passwordField, newUser.password, [newUser.name, newUser.email, newUser.practiceName]);
    const passwordHash = await hashPassword(newUser.password);
    try {
      const user = this.users.create({
        practiceId: newUser.practiceId,
        name: newUser.name,
        email: newUser.email,
        role: newUser.role,
        active: true,
        passwordHash,
        mustChoosePassword: newUser.passwordField === 'temporaryPassword',
      });
      return await this.users.save(user);
    } catch (error) {
      throw emailTakenOr(error);
    }
  }

  /** The person's own new password, judged like every other; it ends any temporary one. */
  async choosePassword(user: User, password: string, field: 'newPassword'): Promise<void> {
    const { name: practiceName } = await this.practices.summary(user.practiceId);
    assertHardToGuess(field, password, [user.name, user.email, practiceName]);
    await this.users.update({ id: user.id, practiceId: user.practiceId }, { passwordHash: await hashPassword(password), mustChoosePassword: false });
  }

  /** An address change waits here until its link is opened (null: none waiting). */
  async setPendingEmail(user: Pick<User, 'id' | 'practiceId'>, pendingEmail: string | null): Promise<void> {
    await this.users.update({ id: user.id, practiceId: user.practiceId }, { pendingEmail });
  }

  /** The confirmed address replaces the old one; another account may have taken it since. */
  async confirmEmail(user: Pick<User, 'id' | 'practiceId'>, email: string): Promise<void> {
    try {
      await this.users.update({ id: user.id, practiceId: user.practiceId }, { email, pendingEmail: null });
    } catch (error) {
      throw emailTakenOr(error);
    }
  }

  async add(actor: AuthenticatedUser, member: AddTeamMemberDto): Promise<TeamMember> {
    const { name: practiceName } = await this.practices.summary(actor.practiceId);
    const user = await this.create({
      practiceId: actor.practiceId,
      practiceName,
      name: member.name,
      email: member.email,
      role: member.role,
      password: member.temporaryPassword,
      passwordField: 'temporaryPassword',
    });
    return toTeamMember(user);
  }

  async update(actor: AuthenticatedUser, id: string, changes: UpdateTeamMemberDto): Promise<TeamMember> {
    const user = await this.users.findOne({ select: TEAM_MEMBER_COLUMNS, where: { id, practiceId: actor.practiceId } });
    if (!user) throw new TeamMemberNotFound();
    const changesOwnAccess = (changes.active === false || (changes.role !== undefined && changes.role !== user.role)) && user.id === actor.id;
    if (changesOwnAccess) throw new CannotChangeOwnAccess();

    if (changes.name !== undefined) user.name = changes.name;
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.active !== undefined && changes.active !== user.active) {
      user.active = changes.active;
      user.deactivatedAt = changes.active ? null : new Date();
      // Signed out everywhere at once, not when the access token runs out.
      if (!changes.active) await this.sessions.endAllFor(user.id, 'deactivated');
    }
    await this.users.save(user);
    return toTeamMember(user);
  }

  /** The practice of the account that signs in with this address, in any practice, or null. */
  async practiceForEmail(email: string): Promise<string | null> {
    const [{ practice_id: practiceId }] = await this.scope.manager.query('SELECT practice_for_login($1) AS practice_id', [email]);
    return practiceId;
  }

  /** The user with their password hash, for checking a sign-in. */
  findWithPasswordByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findWithPasswordById(id: string): Promise<User | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :id', { id }).getOne();
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id } });
  }

  /** One's own name and choice of the Monday digest e-mail. */
  async updateOwnSettings(actor: AuthenticatedUser, changes: { name?: string; weeklyDigest?: boolean }): Promise<void> {
    await this.users.update({ id: actor.id, practiceId: actor.practiceId }, changes);
  }
}

function toTeamMember(user: Pick<User, keyof typeof TEAM_MEMBER_COLUMNS>): TeamMember {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    twoFactorEnabled: Boolean(user.twoFactorEnabledAt),
    mustChoosePassword: user.mustChoosePassword,
  };
}

/** E-mail addresses are unique across every practice: say so without saying whose. */
function emailTakenOr(error: unknown): unknown {
  const taken = error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'users_email_key';
  return taken ? new EmailAlreadyRegistered() : error;
}
