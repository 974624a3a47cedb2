import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { answerFrameworkError, readRequestTextStrictly } from './common/request-text';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { serveWebApps } from './web/web-apps';

const SECURITY_HEADERS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine and Swagger UI set inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      // Self-hosted installs may run on plain HTTP inside a clinic's network.
      upgradeInsecureRequests: null,
    },
  },
  // Portal links carry a secret: never leak a URL to another site.
  referrerPolicy: { policy: 'no-referrer' },
};

/** Builds the whole HTTP application; shared by `main.ts` and the integration tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    // A client must send its whole request within this time (slow-body attacks get 408).
    // Node enforces it only while headersTimeout is no longer (its default is 60 s), and
    // checks only every connectionsCheckingInterval, so both follow the deadline.
    requestTimeout: config.http.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(60_000, config.http.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(config.http.requestTimeoutMs / 4)),
    },
    // Audit events record the request id: unique across instances and restarts, not "req-1".
    genReqId: () => randomUUID(),
    // An address Fastify cannot decode is answered in the one error shape, naming the part at fault.
    frameworkErrors: answerFrameworkError,
  });
  // Built once: @fastify/helmet builds helmet's middleware (parsing the CSP) again on every request.
  const securityHeaders = helmet(SECURITY_HEADERS);
  adapter.getInstance().addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined)),
  );
  // Lets a support request or a test find the audit events one request wrote.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Each request's context (its practice transaction lives there), open before guards query for the signed-in user.
  // Fastify carries it across body parsing; a plain hook costs less than nestjs-cls's middleware.
  const cls = app.get(ClsService);
  adapter.getInstance().addHook('onRequest', (request, reply, done) => cls.runWith({}, () => done()));
  // The refresh token travels only in an HttpOnly cookie (auth/refresh-cookie.ts).
  await app.register(fastifyCookie);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  readRequestTextStrictly(app);
  app.enableCors({ origin: config.http.corsOrigins, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], maxAge: 600 });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Trustwork API')
      .setDescription('Practice software for therapists who help two people rebuild trust.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await serveWebApps(app, config.rootDir);
  await app.init();
  return app;
}
