import type { Role } from '@trustwork/contracts';
import type { FastifyRequest } from 'fastify';

/** Who is making a dashboard request, as established by the access token. */
export interface AuthenticatedUser {
  id: string;
  practiceId: string;
  role: Role;
}

export type AuthenticatedRequest = FastifyRequest & { user?: AuthenticatedUser };
