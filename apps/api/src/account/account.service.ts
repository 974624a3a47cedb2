import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRecordType, PASSWORD_RESET_LINK_MINUTES } from '@trustwork/contracts';
import { ClsService } from 'nestjs-cls';
import { AuditService } from '../audit/audit.service';
import { SignInSessionsService, type SignInClient } from '../auth/sign-in-sessions.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { verifyPassword } from '../common/crypto/passwords';
import { actAs } from '../common/request-context';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PracticeScope } from '../database/practice-scope';
import { emailChangeNoticeMail, emailConfirmationMail, passwordResetMail, type MailContent } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import type { User } from '../users/user.entity';
import { EmailAlreadyRegistered } from '../users/users.errors';
import { UsersService } from '../users/users.service';
import { AccountTokensService, newEmailedLink } from './account-tokens.service';
import { LinkExpiredOrUsed, SameEmail, SamePassword, WrongCurrentPassword } from './account.errors';
import type { ChangeEmailDto } from './dto/change-email.dto';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { CompletePasswordResetDto } from './dto/emailed-link.dto';

const EMAIL_CONFIRMATION_LINK_HOURS = 24;

/** One's own password and e-mail address, and a forgotten password: each changed through a check of the password or an e-mailed link. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly scope: PracticeScope,
    private readonly cls: ClsService,
    private readonly users: UsersService,
    private readonly tokens: AccountTokensService,
    private readonly sessions: SignInSessionsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new password of one's own; every other device signs in again, this one stays. */
  async changePassword(actor: AuthenticatedUser, change: ChangePasswordDto): Promise<void> {
    const user = await this.withCheckedPassword(actor, change.currentPassword);
    // A temporary password kept is still one someone else chose.
    if (change.newPassword === change.currentPassword) throw new SamePassword();
    await this.users.choosePassword(user, change.newPassword, 'newPassword');
    // A reset link asked for meanwhile, perhaps by someone reading the mailbox, must not undo this.
    await this.tokens.voidUnused(user, 'password-reset');
    await this.sessions.endAllFor(user.id, 'password-changed', actor.sessionId);
    await this.audit.record(actor.practiceId, { action: 'user.password-change', recordType: AuditRecordType.User, recordId: user.id });
  }

  /** The new address is used only once its owner opens the link sent to it; the old one is told. */
  async requestEmailChange(actor: AuthenticatedUser, change: ChangeEmailDto): Promise<void> {
    const user = await this.withCheckedPassword(actor, change.currentPassword);
    if (change.email === user.email) throw new SameEmail();
    if (await this.users.practiceForEmail(change.email)) throw new EmailAlreadyRegistered();
    const link = newEmailedLink();
    await this.users.setPendingEmail(user, change.email);
    await this.tokens.issue(user, 'email-confirmation', link, EMAIL_CONFIRMATION_LINK_HOURS * 60, change.email);
    await this.audit.record(actor.practiceId, { action: 'user.email-change-request', recordType: AuditRecordType.User, recordId: user.id });
    const { dashboardUrl } = this.config.links;
    await this.mail.send(change.email, emailConfirmationMail({ name: user.name, token: link.token, hours: EMAIL_CONFIRMATION_LINK_HOURS, dashboardUrl }));
    await this.mail.send(user.email, emailChangeNoticeMail({ name: user.name, dashboardUrl }));
  }

  /** Opened from the e-mail, perhaps on another device: the link alone says whose address changes. */
  async confirmEmail(token: string, client: SignInClient): Promise<void> {
    await this.tokens.useLink(token, 'email-confirmation', async (link) => {
      const user = await this.users.findById(link.userId);
      // A later request replaced this one, or the account was closed since.
      if (!user?.active || !link.email || user.pendingEmail !== link.email) throw new LinkExpiredOrUsed();
      actAs(this.cls, 'user', user.id, client);
      await this.users.confirmEmail(user, link.email);
      // The old mailbox may be why the person moved: a reset link sent there no longer opens the account.
      await this.tokens.voidUnused(user, 'password-reset');
      await this.audit.record(user.practiceId, { action: 'user.email-change', recordType: AuditRecordType.User, recordId: user.id });
    });
  }

  /** "Forgot password?": the same answer, and the same work, whether or not the address has an account. */
  async requestPasswordReset(email: string, client: SignInClient): Promise<void> {
    // Made whether or not the account exists, so the time taken is the same.
    const link = newEmailedLink();
    const practiceId = await this.users.practiceForEmail(email);
    if (!practiceId) return;
    const mail = await this.scope.run(practiceId, async (): Promise<{ to: string; content: MailContent } | null> => {
      const user = await this.users.findWithPasswordByEmail(email);
      if (!user?.active) return null;
      actAs(this.cls, 'system', null, client);
      await this.tokens.issue(user, 'password-reset', link, PASSWORD_RESET_LINK_MINUTES);
      await this.audit.record(practiceId, { action: 'user.password-reset-request', recordType: AuditRecordType.User, recordId: user.id });
      const content = passwordResetMail({ name: user.name, token: link.token, minutes: PASSWORD_RESET_LINK_MINUTES, dashboardUrl: this.config.links.dashboardUrl });
      return { to: user.email, content };
    });
    // Not waited for, once the link is stored: the time the mail server takes would tell who has an account.
    if (!mail) return;
    void this.mail.send(mail.to, mail.content).catch((error: unknown) => {
      this.logger.error(`Could not send a password reset e-mail: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** The link works once; the new password is judged like any other, and every device signs in again. */
  async completePasswordReset(reset: CompletePasswordResetDto, client: SignInClient): Promise<void> {
    await this.tokens.useLink(reset.token, 'password-reset', async (link) => {
      const user = await this.users.findById(link.userId);
      if (!user?.active) throw new LinkExpiredOrUsed();
      actAs(this.cls, 'user', user.id, client);
      await this.users.choosePassword(user, reset.newPassword, 'newPassword');
      await this.sessions.endAllFor(user.id, 'password-changed');
      await this.audit.record(user.practiceId, { action: 'user.password-reset', recordType: AuditRecordType.User, recordId: user.id });
    });
  }

  private async withCheckedPassword(actor: AuthenticatedUser, currentPassword: string): Promise<User> {
    const user = await this.users.findWithPasswordById(actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw new WrongCurrentPassword();
    return user;
  }
}
