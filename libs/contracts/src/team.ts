import type { Role } from './roles';

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
  twoFactorEnabled: boolean;
  /** Still on the temporary password they were given. */
  mustChoosePassword: boolean;
}

export interface AddTeamMemberRequest {
  name: string;
  email: string;
  role: Role;
  /** Given to the colleague out of band; at least 10 characters. They choose their own at first sign-in. */
  temporaryPassword: string;
}

export interface UpdateTeamMemberRequest {
  name?: string;
  role?: Role;
  active?: boolean;
}
