/** The one error shape every API failure answers with. */
export interface ApiError {
  statusCode: number;
  error: string;
  /** A sentence for most errors; one message per invalid field for a 400. */
  message: string | string[];
  /** Set where the dashboard must act on the kind of refusal, not only show it. */
  code?: ApiErrorCode;
}

export const ApiErrorCode = {
  /** Ask for a code (or the password) with POST /api/me/step-up, then repeat the request. */
  StepUpRequired: 'step-up-required',
  /** Only the action named in the user's `requiredAction` is open. */
  AccountActionRequired: 'account-action-required',
  /** The password step's challenge is over (expired, used, or too many wrong codes): start from the password again. */
  SignInExpired: 'sign-in-expired',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}
