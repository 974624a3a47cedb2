import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { postgresOptions } from './database-options';
import { PracticeScope } from './practice-scope';
import { PracticeTransactionInterceptor } from './practice-transaction.interceptor';

/** The API's own (unprivileged) connection and the per-request practice transaction. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(appUrl: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...postgresOptions(appUrl, poolSize), autoLoadEntities: true, migrations: [] }),
        ClsModule.forRoot({
          global: true,
          // Entered by a plain Fastify hook instead (app-factory.ts): this middleware, behind Nest's path
          // matching, cost about 6 % of a light request's CPU.
          middleware: { mount: false },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      providers: [PracticeScope, { provide: APP_INTERCEPTOR, useClass: PracticeTransactionInterceptor }],
      exports: [PracticeScope],
    };
  }
}
