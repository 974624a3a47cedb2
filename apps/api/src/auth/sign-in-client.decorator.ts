import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { SignInClient as SignInClientInfo } from './sign-in-sessions.service';

/** Where a sign-in comes from: the device's browser and address, shown in "Your signed-in devices". */
export const SignInClient = createParamDecorator((_: unknown, context: ExecutionContext): SignInClientInfo => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return {
    // Kept short: it is only ever shown as "Chrome on macOS".
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
    ipAddress: request.ip ?? null,
    requestId: typeof request.id === 'string' ? request.id : null,
  };
});
