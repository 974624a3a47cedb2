import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccountModule } from './account/account.module';
import { AgreementsModule } from './agreements/agreements.module';
import { AlertsModule } from './alerts/alerts.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AttentionModule } from './attention/attention.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BillingModule } from './billing/billing.module';
import { BriefsModule } from './briefs/briefs.module';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module';
import { CheckInsModule } from './check-ins/check-ins.module';
import { CasesModule } from './cases/cases.module';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { PermissionsGuard } from './common/guards/permissions.guard';
import { RequiredActionGuard } from './common/guards/required-action.guard';
import { pinoOptions } from './common/logging';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ExercisesModule } from './exercises/exercises.module';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { NotesModule } from './notes/notes.module';
import { PortalModule } from './portal/portal.module';
import { PracticesModule } from './practices/practices.module';
import { ProgressModule } from './progress/progress.module';
import { RemindersModule } from './reminders/reminders.module';
import { SafetyReportsModule } from './safety-reports/safety-reports.module';
import { SessionsModule } from './sessions/sessions.module';
import { TwoFactorModule } from './two-factor/two-factor.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        // Fastify 5's wildcard syntax; nestjs-pino's default '*' makes Nest warn at start-up.
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config), forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] }),
        DatabaseModule.forRoot(databaseUrl, config.database.poolSize),
        HealthModule,
        PracticesModule,
        UsersModule,
        AuthModule,
        AccountModule,
        TwoFactorModule,
        AuditModule,
        CasesModule,
        SessionsModule,
        BillingModule,
        AttentionModule,
        NotesModule,
        ExercisesModule,
        PortalModule,
        AssignmentsModule,
        CheckInsModule,
        SafetyReportsModule,
        AlertsModule,
        RemindersModule,
        ProgressModule,
        BriefsModule,
        IntakeModule,
        AgreementsModule,
        CalendarFeedsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Order matters: who you are, whether a required step comes first, then what your role may do.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RequiredActionGuard },
        { provide: APP_GUARD, useClass: PermissionsGuard },
      ],
    };
  }
}
