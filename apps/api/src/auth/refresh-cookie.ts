import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, REFRESH_REQUEST_HEADER } from '@trustwork/contracts';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { InvalidRefreshToken, RefreshNotFromDashboard } from './auth.errors';

/**
 * The refresh token lives only in this cookie: out of reach of page scripts (HttpOnly), sent
 * only to the refresh route of this site (Path, SameSite=Strict), only over HTTPS outside
 * plain-HTTP development.
 */
function cookieOptions(config: AppConfig, maxAgeSeconds: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure: config.environment !== 'development',
    maxAge: maxAgeSeconds,
  };
}

export function setRefreshCookie(reply: FastifyReply, config: AppConfig, refreshToken: string): void {
  reply.setCookie(REFRESH_COOKIE_NAME, refreshToken, cookieOptions(config, config.auth.refreshTokenTtlDays * 24 * 60 * 60));
}

export function clearRefreshCookie(reply: FastifyReply, config: AppConfig): void {
  reply.setCookie(REFRESH_COOKIE_NAME, '', cookieOptions(config, 0));
}

/**
 * The refresh token of a refresh request. The cookie alone is not enough: the dashboard also
 * sends REFRESH_REQUEST_HEADER, which a cross-site form or image cannot.
 */
export function refreshTokenOf(request: FastifyRequest): string {
  if (request.headers[REFRESH_REQUEST_HEADER] !== '1') throw new RefreshNotFromDashboard();
  const token = request.cookies[REFRESH_COOKIE_NAME];
  if (!token) throw new InvalidRefreshToken();
  return token;
}
