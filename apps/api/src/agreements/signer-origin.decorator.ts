import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SignerOrigin } from './agreement-signing.service';

/** The address (as the app's proxy setting makes request.ip) and browser a signature came from. */
export const SignedFrom = createParamDecorator((_: unknown, context: ExecutionContext): SignerOrigin => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return { ipAddress: request.ip || null, userAgent: typeof userAgent === 'string' && userAgent !== '' ? userAgent : null };
});
