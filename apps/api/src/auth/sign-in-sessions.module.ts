import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { SignInSessionRecord } from './sign-in-session.entity';
import { SignInSessionsService } from './sign-in-sessions.service';

/**
 * Sign-in sessions on their own, so the team (deactivation) and account settings (a password
 * change) can end them without depending on sign-in itself, which depends on the team.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SignInSessionRecord]), AuditModule],
  providers: [SignInSessionsService],
  exports: [SignInSessionsService],
})
export class SignInSessionsModule {}
