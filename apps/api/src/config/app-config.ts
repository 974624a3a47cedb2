import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import path from 'node:path';
import { NoteKeyFormatError, parseNoteKeyring, type NoteKeyring } from '../common/crypto/note-cipher';
import { readOrCreateDevelopmentSecrets } from './development-secrets';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());
/** Optional whole number in a range; "must be an integer" is reported before the range. */
const IntegerVariable = (min: number, max: number) => applyDecorators(IsOptional(), Transform(toInt), IsInt(), Min(min), Max(max));
const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
// A base address: links are appended to it, so no query or fragment.
const WEB_ADDRESS = /^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/;
const SECRET_VARIABLE = /SECRET|PASSWORD|_KEY$|_URL$/;

/** The environment as the operator writes it; validated once at start-up. */
class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IntegerVariable(1, 65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(POSTGRES_URL, { message: 'DATABASE_APP_URL must be a postgres:// connection URL' })
  DATABASE_APP_URL?: string;

  @IsOptional() @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_APP_USER must be a plain PostgreSQL role name (lower-case letters, digits, _)' })
  DATABASE_APP_USER?: string;

  @IsOptional() @IsString() @MinLength(16, { message: 'DATABASE_APP_PASSWORD must be at least 16 characters' })
  DATABASE_APP_PASSWORD?: string;

  @IntegerVariable(1, 65535)
  EMBEDDED_POSTGRES_PORT?: number;

  @IntegerVariable(1, 200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IntegerVariable(60, 86400)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IntegerVariable(1, 365)
  REFRESH_TOKEN_TTL_DAYS?: number;

  @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  @IntegerVariable(1024, 50 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Appends the log to this file instead of standard output (the tests scan it for secrets). */
  @IsOptional() @IsString()
  LOG_FILE?: string;

  /** Whole-request deadline: a client that trickles its request slower than this gets 408. */
  @IntegerVariable(500, 600_000)
  REQUEST_TIMEOUT_MS?: number;

  /** Shared rate-limit counts for several API instances; unset → counted in memory. */
  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Matches(/^[\w:.-]{1,100}$/, { message: 'REDIS_KEY_PREFIX may hold only letters, digits and _ : . -' })
  REDIS_KEY_PREFIX?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  TRUST_PROXY?: boolean;

  @IntegerVariable(1, 10000)
  LOGIN_LIMIT_PER_EMAIL?: number;

  @IntegerVariable(1, 100000)
  LOGIN_LIMIT_PER_ADDRESS?: number;

  @IntegerVariable(1, 86400)
  LOGIN_LIMIT_WINDOW_SECONDS?: number;

  @IntegerVariable(1, 365)
  PORTAL_LINK_TTL_DAYS?: number;

  @IntegerVariable(1, 10000)
  PORTAL_LIMIT_PER_LINK?: number;

  @IntegerVariable(1, 100000)
  PORTAL_LIMIT_PER_ADDRESS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  SEED_DEMO_PRACTICE?: boolean;

  /** `keyId:base64` entries, comma-separated; the first encrypts new writes (see note-cipher.ts). */
  @IsOptional() @IsString()
  NOTES_ENCRYPTION_KEY?: string;

  @IsOptional() @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3)
  MAIL_FROM?: string;

  /** Where people open Trustwork (the built server serves both apps): links start here. */
  @IsOptional() @Matches(WEB_ADDRESS, { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  /** Where the dashboard is served, when not at PUBLIC_URL (`npm run dev`: its Vite server). */
  @IsOptional() @Matches(WEB_ADDRESS, { message: 'DASHBOARD_URL must be an http:// or https:// URL' })
  DASHBOARD_URL?: string;

  /** Where the client portal is served, when not at PUBLIC_URL/p (`npm run dev`: its Vite server). */
  @IsOptional() @Matches(WEB_ADDRESS, { message: 'PORTAL_URL must be an http:// or https:// URL' })
  PORTAL_URL?: string;

  @IsOptional() @IsIn(['on', 'off'])
  JOBS?: 'on' | 'off';
}

export type Environment = 'development' | 'production' | 'test';

export interface AppConfig {
  environment: Environment;
  port: number;
  host: string;
  /** Repository root: built web apps and the development data directory are found from here. */
  rootDir: string;
  dataDir: string;
  database: {
    /** The owner connection: migrations and role set-up. Unset → embedded PostgreSQL. */
    ownerUrl?: string;
    /** The API's own, unprivileged connection, when the operator supplies it whole. */
    appUrl?: string;
    appUser: string;
    appPassword: string;
    embeddedPort: number;
    poolSize: number;
  };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    loginLimitPerEmail: number;
    loginLimitPerAddress: number;
    loginLimitWindowSeconds: number;
  };
  portal: {
    linkTtlDays: number;
    /** Portal requests per minute, per link and per client address. */
    limitPerLink: number;
    limitPerAddress: number;
  };
  http: {
    corsOrigins: string[];
    bodyLimitBytes: number;
    trustProxy: boolean;
    requestTimeoutMs: number;
  };
  /** Where rate-limit counts live when several instances share them. */
  redis: { url?: string; keyPrefix: string };
  notes: {
    /** Encrypts note sections and addenda at rest; the first key is used for writes. */
    keyring: NoteKeyring;
  };
  logLevel: string;
  logFile?: string;
  seedDemoPractice: boolean;
  mail: {
    /** Unset → messages are written as .eml files to `<dataDir>/mail/`. */
    smtpUrl?: string;
    from: string;
  };
  /**
   * Where each app is served, without a trailing slash: every link the product gives (portal
   * links, e-mails) starts here, never at a request's Host header.
   */
  links: { dashboardUrl: string; portalUrl: string };
  /** Background workers and schedules (reminders, sweeps); sending jobs works either way. */
  jobs: boolean;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const REPOSITORY_ROOT = path.resolve(__dirname, '../../../..');

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, env, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { forbidUnknownValues: false, stopAtFirstError: true });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      // Secrets and connection URLs (which carry passwords) are never echoed.
      SECRET_VARIABLE.test(error.property) ? message : `${message} (got "${String(env[error.property])}")`,
    ),
  );

  const environment = vars.NODE_ENV ?? 'development';
  const configuredNoteKeys = vars.NOTES_ENCRYPTION_KEY ? readNoteKeyring(vars.NOTES_ENCRYPTION_KEY, problems) : undefined;
  if (environment === 'production') {
    // Production never invents secrets or starts a private database.
    for (const name of ['DATABASE_URL', 'JWT_SECRET', 'NOTES_ENCRYPTION_KEY'] as const) {
      if (!vars[name]) problems.push(`${name} is required when NODE_ENV=production`);
    }
    if (!vars.DATABASE_APP_URL && !vars.DATABASE_APP_PASSWORD) {
      problems.push('DATABASE_APP_PASSWORD (or DATABASE_APP_URL) is required when NODE_ENV=production');
    }
    // Links are sent to people's phones and inboxes: a guessed address would send them nowhere.
    if (!vars.PUBLIC_URL && !(vars.DASHBOARD_URL && vars.PORTAL_URL)) {
      problems.push('PUBLIC_URL (or DASHBOARD_URL and PORTAL_URL) is required when NODE_ENV=production: the address people open Trustwork at');
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  const dataDir = path.resolve(REPOSITORY_ROOT, vars.DATA_DIR ?? '.data');
  const generated = environment === 'production' ? undefined : readOrCreateDevelopmentSecrets(dataDir, {
    needJwtSecret: !vars.JWT_SECRET,
    needDatabasePassword: !vars.DATABASE_APP_PASSWORD && !vars.DATABASE_APP_URL,
    needNotesEncryptionKey: !configuredNoteKeys,
  });
  const noteKeyring = configuredNoteKeys ?? readGeneratedNoteKeyring(generated?.notesEncryptionKey, dataDir);

  return {
    environment,
    port: vars.PORT ?? 3000,
    // Outside production only this machine may reach the API (and its demo sign-ins).
    host: vars.HOST ?? (environment === 'production' ? '0.0.0.0' : 'localhost'),
    rootDir: REPOSITORY_ROOT,
    dataDir,
    database: {
      ownerUrl: vars.DATABASE_URL,
      appUrl: vars.DATABASE_APP_URL,
      appUser: vars.DATABASE_APP_USER ?? 'trustwork_app',
      appPassword: vars.DATABASE_APP_PASSWORD ?? generated?.databaseAppPassword ?? '',
      embeddedPort: vars.EMBEDDED_POSTGRES_PORT ?? 5488,
      poolSize: vars.DATABASE_POOL_SIZE ?? 10,
    },
    auth: {
      jwtSecret: vars.JWT_SECRET ?? generated?.jwtSecret ?? '',
      accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS ?? 900,
      refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS ?? 30,
      loginLimitPerEmail: vars.LOGIN_LIMIT_PER_EMAIL ?? 10,
      loginLimitPerAddress: vars.LOGIN_LIMIT_PER_ADDRESS ?? 50,
      loginLimitWindowSeconds: vars.LOGIN_LIMIT_WINDOW_SECONDS ?? 900,
    },
    portal: {
      linkTtlDays: vars.PORTAL_LINK_TTL_DAYS ?? 90,
      limitPerLink: vars.PORTAL_LIMIT_PER_LINK ?? 120,
      limitPerAddress: vars.PORTAL_LIMIT_PER_ADDRESS ?? 600,
    },
    http: {
      corsOrigins: (vars.CORS_ORIGINS ?? (environment === 'production' ? '' : 'http://localhost:4200,http://localhost:4300'))
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      bodyLimitBytes: vars.BODY_LIMIT_BYTES ?? 1024 * 1024,
      trustProxy: vars.TRUST_PROXY ?? false,
      requestTimeoutMs: vars.REQUEST_TIMEOUT_MS ?? 30_000,
    },
    redis: { url: vars.REDIS_URL, keyPrefix: vars.REDIS_KEY_PREFIX ?? 'trustwork:' },
    notes: { keyring: noteKeyring },
    logLevel: vars.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    logFile: vars.LOG_FILE,
    seedDemoPractice: vars.SEED_DEMO_PRACTICE ?? environment === 'development',
    mail: { smtpUrl: vars.SMTP_URL, from: vars.MAIL_FROM ?? 'Trustwork <no-reply@localhost>' },
    links: appLinks(vars),
    jobs: (vars.JOBS ?? (environment === 'test' ? 'off' : 'on')) === 'on',
  };
}

/** The built server serves the dashboard at its root and the portal at /p/. */
function appLinks(vars: EnvironmentVariables): AppConfig['links'] {
  const withoutSlash = (url: string) => url.replace(/\/+$/, '');
  const publicUrl = withoutSlash(vars.PUBLIC_URL ?? `http://localhost:${vars.PORT ?? 3000}`);
  return {
    dashboardUrl: withoutSlash(vars.DASHBOARD_URL ?? publicUrl),
    portalUrl: withoutSlash(vars.PORTAL_URL ?? `${publicUrl}/p`),
  };
}

function readNoteKeyring(value: string, problems: string[]): NoteKeyring | undefined {
  try {
    return parseNoteKeyring(value);
  } catch (error) {
    if (!(error instanceof NoteKeyFormatError)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

function readGeneratedNoteKeyring(value: string | undefined, dataDir: string): NoteKeyring {
  const problems: string[] = [];
  const keyring = value ? readNoteKeyring(value, problems) : undefined;
  if (!keyring) {
    const file = path.join(dataDir, 'secrets.json');
    throw new ConfigurationError([`notesEncryptionKey in ${file} is not valid (${problems[0] ?? 'missing'}); fix it or set NOTES_ENCRYPTION_KEY`]);
  }
  return keyring;
}
