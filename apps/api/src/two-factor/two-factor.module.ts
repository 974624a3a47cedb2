import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { SignInSessionsModule } from '../auth/sign-in-sessions.module';
import { noteCipherProvider } from '../common/crypto/note-cipher.provider';
import { PracticesModule } from '../practices/practices.module';
import { UsersModule } from '../users/users.module';
import { RecoveryCodesService } from './recovery-codes.service';
import { RecoveryCode } from './recovery-code.entity';
import { TwoFactorChallengeRecord } from './two-factor-challenge.entity';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';

@Module({
  imports: [TypeOrmModule.forFeature([RecoveryCode, TwoFactorChallengeRecord]), UsersModule, PracticesModule, SignInSessionsModule, AuditModule],
  controllers: [TwoFactorController],
  providers: [TwoFactorService, RecoveryCodesService, noteCipherProvider],
  exports: [TwoFactorService],
})
export class TwoFactorModule {}
