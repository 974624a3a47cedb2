import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { ApiError } from '@trustwork/contracts';
import type { FastifyReply } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError, InvalidRequest } from '../errors/domain-error';

const DATABASE_UNAVAILABLE = 'The database is unavailable right now. Please try again in a moment.';
// Connection-level failures from pg and PostgreSQL's "server going away" codes.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003']);

/**
 * What PostgreSQL refuses in the data a request sent, should a check before it miss it: a value
 * it cannot read or hold (class 22, data exceptions), a rule of the table (23502, 23514), a value
 * too large or too deep to store or index (class 54, program limits).
 */
function databaseInputProblem(code: string): string | undefined {
  if (code.startsWith('22')) return 'A value in the request is not one that can be stored, such as a date that does not exist, a number out of range or text too long. Check the fields and try again.';
  if (code === '23502' || code === '23514') return 'A value in the request breaks a rule of the record it belongs to. Check the fields and try again.';
  if (code.startsWith('54')) return 'The request is too large or too complex to store. Send less at once.';
  return undefined;
}

function body(statusCode: number, message: string | string[]): ApiError {
  // A 400 always lists its problems, so clients can show each one.
  const messages = statusCode === 400 && !Array.isArray(message) ? [message] : message;
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: messages };
}

function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM releases a request's connection the moment the server drops it; the request's next query then fails this way.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const candidate = error as { code?: string; message?: string; driverError?: { code?: string } };
  const code = candidate?.code ?? candidate?.driverError?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = candidate?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly/i.test(message);
}

/** Turns any failure into the one error shape, without stack traces or SQL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof DomainError) {
    const shape = body(error.status, error instanceof InvalidRequest ? error.problems : error.message);
    if (error.code) shape.code = error.code;
    // Details add fields (a 409's currentVersion); they never replace the shape's own three.
    const extra = Object.entries(error.details ?? {}).filter(([field]) => !(field in shape));
    return extra.length > 0 ? { ...shape, ...Object.fromEntries(extra) } : shape;
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: string | string[] }).message
        : error.message;
    return body(error.getStatus(), message);
  }
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string }).code;
    if (code === '23505') return body(409, 'That record already exists.');
    if (code === '23503') return body(409, 'A record this request refers to no longer exists. Reload and try again.');
    if (code === '57014') return body(503, 'The request took too long. Please try again.');
    const inputProblem = code && databaseInputProblem(code);
    if (inputProblem) return body(400, inputProblem);
  }
  if (isDatabaseUnavailable(error)) return body(503, DATABASE_UNAVAILABLE);

  // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx.
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return body(fastifyError.statusCode, describeFastifyError(fastifyError.code, fastifyError.message));
  }
  return body(500, 'Something went wrong on our side. Please try again.');
}

function describeFastifyError(code: string | undefined, message: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json.';
    default:
      if (message && /JSON/.test(message)) return 'The request body is not valid JSON.';
      return message ?? 'The request could not be read.';
  }
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(ApiExceptionFilter.name) private readonly logger: PinoLogger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const apiError = toApiError(error);
    // The client gets a plain sentence; the log gets the cause.
    if (apiError.statusCode >= 500) this.logger.error({ err: error }, 'Unexpected error');
    // A check before the database should have caught it: logged, so the check gets written.
    else if (error instanceof QueryFailedError) this.logger.warn({ err: error }, 'The database refused input the request checks let through');
    reply.status(apiError.statusCode).send(apiError);
  }
}
