import pino from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';

/**
 * Paths never written to the log: credentials, tokens, and clinical free text
 * (note bodies, answers, check-in notes, safety reports) wherever they appear.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-portal-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.temporaryPassword',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.body',
  '*.note',
  '*.notes',
  '*.answers',
  '*.details',
  '*.sections',
  // A failed query's bound values can be clinical text.
  'err.parameters',
];

export function pinoOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Portal links carry their token after '#', which browsers never send; query strings
    // are dropped from logged URLs anyway in case a client puts one there. A calendar feed's
    // token is its path (calendar apps send no headers), so it is blanked.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0].replace(/(\/calendar-feeds\/)[^/]+/, '$1[redacted]'),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // Synchronous appends: several apps (and test workers) can share one file, and nothing
    // is lost when an app closes.
    stream: config.logFile ? pino.destination({ dest: config.logFile, sync: true, mkdir: true }) : undefined,
    transport:
      config.environment === 'development' && !config.logFile ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}
