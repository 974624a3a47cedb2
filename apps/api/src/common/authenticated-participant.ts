import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Whose portal a request is for, as established by its link token alone. */
export interface AuthenticatedParticipant {
  participantId: string;
  caseId: string;
  practiceId: string;
  linkId: string;
  linkExpiresAt: Date;
}

export type PortalRequest = FastifyRequest & {
  /** Set by PortalAuthGuard: the live link the token names, before its practice is open. */
  portalLink?: { practiceId: string; linkId: string };
  /** Set by PortalTransactionInterceptor inside the practice's transaction. */
  portalParticipant?: AuthenticatedParticipant;
};

/** The participant always comes from the link token, never from the path or body. */
export const PortalParticipant = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedParticipant => {
  const participant = context.switchToHttp().getRequest<PortalRequest>().portalParticipant;
  if (!participant) throw new Error('PortalParticipant used on a route without @PortalAuthenticated()');
  return participant;
});
