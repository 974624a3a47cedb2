import type { Role } from './roles';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export interface RegisterPracticeRequest {
  practiceName: string;
  name: string;
  email: string;
  password: string;
  /** IANA time zone for the practice's calendar (the browser's, usually); defaults to UTC. */
  timeZone?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface LogoutRequest {
  refreshToken: string;
}

export interface PracticeSummary {
  id: string;
  name: string;
  /** IANA time zone: the dashboard shows every date and time in it. */
  timeZone: string;
}

export interface UpdatePracticeRequest {
  name?: string;
  timeZone?: string;
}

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  practice: PracticeSummary;
  /** Whether this person gets the Monday digest e-mail (off until they turn it on). */
  weeklyDigest: boolean;
}

/** PATCH /api/me: the signed-in person's own settings. */
export interface UpdateMeRequest {
  weeklyDigest?: boolean;
}

export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: CurrentUser;
}
