import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GiveBackOnSuccess, LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { SignInSessionsModule } from '../auth/sign-in-sessions.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { AccountToken } from './account-token.entity';
import { AccountTokensService } from './account-tokens.service';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

/** Account basics: one's own password and address, and a forgotten password. The throttler's counts are shared with sign-in (ThrottlerModule is global). */
@Module({
  imports: [TypeOrmModule.forFeature([AccountToken]), UsersModule, SignInSessionsModule, AuditModule, MailModule],
  controllers: [AccountController],
  providers: [AccountService, AccountTokensService, LoginThrottlerGuard, GiveBackOnSuccess],
})
export class AccountModule {}
