import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule, seconds } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG } from '../config/config.module';
import { PracticesModule } from '../practices/practices.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { GiveBackOnSuccess, LoginThrottlerGuard } from './login-throttler.guard';
import { RefreshToken } from './refresh-token.entity';
import { SignInSessionsController } from './sign-in-sessions.controller';
import { SignInSessionsModule } from './sign-in-sessions.module';
import { MemoryThrottlerStorage, RedisThrottlerStorage } from './throttler-storage';

type ThrottledRequest = Record<string, unknown> & { body?: { email?: unknown }; user?: { id: string } };
const clientAddress = (request: ThrottledRequest) => String(request.ip);

@Module({
  imports: [
    TypeOrmModule.forFeature([RefreshToken]),
    PassportModule,
    UsersModule,
    PracticesModule,
    SignInSessionsModule,
    TwoFactorModule,
    AuditModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { expiresIn: config.auth.accessTokenTtlSeconds, algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Several API instances share one count through Redis; one instance counts in memory.
        // The storage disconnects from Redis when the app closes (its onModuleDestroy).
        storage: config.redis.url
          ? new RedisThrottlerStorage(config.redis.url, { keyPrefix: config.redis.keyPrefix, maxRetriesPerRequest: 3 })
          : new MemoryThrottlerStorage(),
        throttlers: [
          {
            name: 'address',
            ttl: seconds(config.auth.loginLimitWindowSeconds),
            limit: config.auth.loginLimitPerAddress,
            getTracker: clientAddress,
          },
          {
            name: 'email',
            ttl: seconds(config.auth.loginLimitWindowSeconds),
            limit: config.auth.loginLimitPerEmail,
            // The account the attempt is about: the signed-in person (a step-up, a password change), else the address named.
            getTracker: (request: ThrottledRequest) =>
              request.user?.id ?? (typeof request.body?.email === 'string' ? request.body.email.trim().toLowerCase() : clientAddress(request)),
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, SignInSessionsController],
  providers: [AuthService, JwtStrategy, LoginThrottlerGuard, GiveBackOnSuccess],
  // Account settings end sessions too (a password change or reset).
  exports: [SignInSessionsModule],
})
export class AuthModule {}
