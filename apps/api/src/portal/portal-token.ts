import type { FastifyRequest } from 'fastify';
import { sha256 } from '../common/crypto/tokens';

/** newSecretToken(): 32 random bytes as unpadded base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token a portal request presents as `Authorization: Bearer <token>`, when it has a
 * token's shape; anything else (a dashboard JWT, a truncated paste) is no token at all.
 */
export function presentedPortalToken(request: FastifyRequest): string | null {
  const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
  return match && TOKEN_SHAPE.test(match[1]) ? match[1] : null;
}

/** The token_sha256 column's 32 bytes. */
export function portalTokenHash(token: string): Buffer {
  return Buffer.from(sha256(token), 'hex');
}
