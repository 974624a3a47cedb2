import type { RequiredAccountAction, Role } from '@trustwork/contracts';
import type { FastifyRequest } from 'fastify';

/** Who is making a dashboard request, as established by the access token and its sign-in session. */
export interface AuthenticatedUser {
  id: string;
  practiceId: string;
  role: Role;
  /** The sign-in session (device) the access token belongs to. */
  sessionId: string;
  /** When this person last proved presence on this device: the sign-in, or a later step-up. */
  verifiedAt: Date;
  /** While set, only the routes that lead to this step are open. */
  requiredAction: RequiredAccountAction | null;
}

export type AuthenticatedRequest = FastifyRequest & { user?: AuthenticatedUser };
