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
    stream: logDestination(config),
    transport:
      config.environment === 'development' && !config.logFile ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}

const LOG_FLUSH_MS = 1000;

/** Lines are appended whole (O_APPEND), so several apps and test workers can share one file. */
function logDestination(config: AppConfig): pino.DestinationStream | undefined {
  if (config.environment === 'production') {
    // In 4 kB batches written off the request path: a write per request cost a tenth of a light
    // route's CPU. A quiet server would hold its last lines back for as long as it stays quiet, so
    // what is waiting goes out every second too; pino writes the rest when the process exits.
    const destination = pino.destination({ dest: config.logFile ?? 1, sync: false, minLength: 4096, mkdir: true });
    const flushing = setInterval(() => destination.flush(), LOG_FLUSH_MS).unref();
    destination.on('close', () => clearInterval(flushing));
    return destination;
  }
  // Elsewhere each line at once, so a developer (or a test reading the file) sees it straight away.
  return config.logFile ? pino.destination({ dest: config.logFile, sync: true, mkdir: true }) : undefined;
}
