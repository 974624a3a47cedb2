import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignInSessionsModule } from '../auth/sign-in-sessions.module';
import { PracticesModule } from '../practices/practices.module';
import { TwoFactorSettings } from './two-factor-settings.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), PracticesModule, SignInSessionsModule],
  controllers: [UsersController],
  providers: [UsersService, TwoFactorSettings],
  exports: [UsersService, TwoFactorSettings],
})
export class UsersModule {}
