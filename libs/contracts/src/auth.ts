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

/**
 * The refresh token travels only in an HttpOnly cookie scoped to `POST /api/auth/refresh`,
 * never in a body. That route also asks for this header, which a cross-site form cannot send.
 */
export const REFRESH_COOKIE_NAME = 'trustwork_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth/refresh';
export const REFRESH_REQUEST_HEADER = 'x-trustwork-refresh';

/**
 * Sent by the dashboard on requests nobody asked for (polling a count): they do not count as
 * activity, so a screen left open with a poll running still signs itself out.
 */
export const BACKGROUND_REQUEST_HEADER = 'x-trustwork-background';

/** The practice's automatic sign-out after inactivity, in minutes. */
export const IDLE_TIMEOUT_DEFAULT_MINUTES = 15;
export const IDLE_TIMEOUT_MIN_MINUTES = 5;
export const IDLE_TIMEOUT_MAX_MINUTES = 60;
/** A sign-in ends after this long however active it is. */
export const SESSION_MAX_HOURS = 12;
/** How long a code or password proves presence for the most sensitive actions (export, two-factor changes). */
export const STEP_UP_WINDOW_MINUTES = 5;
/** The portal returns to its first screen after this long untouched (phones are shared). */
export const PORTAL_IDLE_MINUTES = 10;

export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
/** How long the password step's challenge stays open for the code. */
export const TWO_FACTOR_CHALLENGE_MINUTES = 5;
export const PASSWORD_RESET_LINK_MINUTES = 30;

export interface PracticeSummary {
  id: string;
  name: string;
  /** IANA time zone: the dashboard shows every date and time in it. */
  timeZone: string;
  /** Minutes without activity before a sign-in ends (IDLE_TIMEOUT_MIN_MINUTES to IDLE_TIMEOUT_MAX_MINUTES). */
  idleTimeoutMinutes: number;
  /** Whether every member must sign in with two-factor. */
  requireTwoFactor: boolean;
  /** Hours before a session that clients' reminders go out (REMINDER_LEAD_MIN_HOURS to REMINDER_LEAD_MAX_HOURS). */
  reminderLeadHours: number;
  /** A client's cancellation this many hours or fewer before the start is late (0 to CANCELLATION_NOTICE_MAX_HOURS). */
  cancellationNoticeHours: number;
  /** The office address in-person sessions take by default; null when none is set. */
  officeAddress: string | null;
}

/** PATCH /api/practice (owner). Requiring two-factor needs the owner's own two-factor first. */
export interface UpdatePracticeRequest {
  name?: string;
  timeZone?: string;
  idleTimeoutMinutes?: number;
  requireTwoFactor?: boolean;
  reminderLeadHours?: number;
  cancellationNoticeHours?: number;
  officeAddress?: string | null;
}

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  practice: PracticeSummary;
  /** Whether this person gets the Monday digest e-mail (off until they turn it on). */
  weeklyDigest: boolean;
  twoFactorEnabled: boolean;
  /**
   * Set while the person may do nothing but this: choose their own password (after a temporary
   * one) or set up two-factor (their practice requires it). Every other route answers 403.
   */
  requiredAction: RequiredAccountAction | null;
  /** An address change waiting for its confirmation link, if any. */
  pendingEmail: string | null;
}

export const RequiredAccountAction = {
  ChoosePassword: 'choose-password',
  EnrolTwoFactor: 'enrol-two-factor',
} as const;
export type RequiredAccountAction = (typeof RequiredAccountAction)[keyof typeof RequiredAccountAction];

/** PATCH /api/me: the signed-in person's own settings. */
export interface UpdateMeRequest {
  name?: string;
  weeklyDigest?: boolean;
}

/** A signed-in session. The refresh token is set as a cookie beside it, never in the body. */
export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: CurrentUser;
}

/** The password step's answer when the account has two-factor: no tokens yet. */
export interface TwoFactorChallenge {
  twoFactorRequired: true;
  /** Single-use, short-lived, good only for POST /api/auth/login/two-factor. */
  challengeToken: string;
  expiresIn: number;
}

/** POST /api/auth/login answers one or the other. */
export type LoginResponse = AuthTokens | TwoFactorChallenge;

export function isTwoFactorChallenge(response: LoginResponse): response is TwoFactorChallenge {
  return 'twoFactorRequired' in response && response.twoFactorRequired === true;
}

/** POST /api/auth/login/two-factor: exactly one of code and recoveryCode. */
export interface TwoFactorLoginRequest {
  challengeToken: string;
  code?: string;
  recoveryCode?: string;
}

/** POST /api/me/step-up: a code when the person has two-factor, otherwise their password. */
export interface StepUpRequest {
  code?: string;
  password?: string;
}

export interface StepUpResult {
  /** ISO time until which the most sensitive actions are open without asking again. */
  verifiedUntil: string;
}

/** GET /api/me/two-factor */
export interface TwoFactorStatus {
  enabled: boolean;
  /** Unused recovery codes left; 0 when two-factor is off. */
  recoveryCodesLeft: number;
  /** Whether the practice requires it (then it cannot be turned off). */
  requiredByPractice: boolean;
}

/** POST /api/me/two-factor/enrolment (needs a recent step-up): a new secret, not active until confirmed. */
export interface TwoFactorEnrolment {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** otpauth:// URI, shown as a QR code. */
  otpauthUrl: string;
}

/** POST /api/me/two-factor: the first code from the app turns two-factor on. */
export interface ConfirmTwoFactorRequest {
  code: string;
}

/** Shown once; only hashes are kept. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** POST /api/me/two-factor/disable and POST /api/me/two-factor/recovery-codes */
export interface TwoFactorCodeRequest {
  code: string;
}

/** POST /api/me/password: other sessions end; this one stays. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/me/email: a confirmation link goes to the new address; the old one stays until it is opened. */
export interface ChangeEmailRequest {
  email: string;
  currentPassword: string;
}

/** POST /api/auth/email-confirmation (public: the link may be opened on another device). */
export interface ConfirmEmailRequest {
  token: string;
}

/** POST /api/auth/password-reset: always 202, whether or not the address exists. */
export interface PasswordResetRequest {
  email: string;
}

/** POST /api/auth/password-reset/complete: the link works once, for 30 minutes; every session ends. */
export interface CompletePasswordResetRequest {
  token: string;
  newPassword: string;
}

/** GET /api/me/sessions: the person's signed-in devices, most recently active first. */
export interface SignInSession {
  id: string;
  /** "Chrome on macOS", from the user agent; "Unknown browser" when it says nothing useful. */
  browser: string;
  ipAddress: string | null;
  signedInAt: string;
  lastActiveAt: string;
  /** The session this request came from. */
  current: boolean;
}
