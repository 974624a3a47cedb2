import { type ApiError, type AuthTokens } from '@trustwork/contracts';
import { session } from './session';

const API_BASE = '/api';

const UNREACHABLE_MESSAGE = "We couldn't reach Trustwork. Check your connection and try again.";
const FALLBACK_MESSAGE = 'Something went wrong on our side. Please try again.';

/** A failed API call, carrying the API's own wording. Status 0 means the request never got an answer. */
export class ApiRequestError extends Error {
  readonly status: number;
  /** One entry for most errors; one per invalid field for a 400. */
  readonly messages: string[];
  /** From Retry-After, when the API asks us to slow down. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, messages: string[], retryAfterSeconds: number | null = null) {
    super(messages.join(' '));
    this.name = 'ApiRequestError';
    this.status = status;
    this.messages = messages;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiRequestError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.status === status);
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /**
   * 'session' (default): send the bearer token and, on a 401, refresh once and retry.
   * 'token-only': send the bearer token if there is one, but take a 401 as final (signing out).
   * 'none': sign-in endpoints, where a 401 is an answer rather than a cue to refresh.
   */
  auth?: 'session' | 'token-only' | 'none';
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isApiErrorBody(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'message' in value;
}

async function toApiRequestError(response: Response): Promise<ApiRequestError> {
  const body: unknown = await response.json().catch(() => null);
  let messages = [FALLBACK_MESSAGE];
  if (isApiErrorBody(body)) {
    messages = Array.isArray(body.message) ? body.message : [body.message];
  }
  return new ApiRequestError(response.status, messages, parseRetryAfter(response.headers.get('Retry-After')));
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiRequestError(0, [UNREACHABLE_MESSAGE]);
  }
}

async function readBody<T>(response: Response): Promise<T> {
  if (!response.ok) throw await toApiRequestError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const REFRESH_REFUSED_STATUSES = [400, 401, 403];

let refreshInFlight: Promise<AuthTokens> | null = null;

/** Ends a live session as expired; a late answer after signing out must not claim the session expired. */
function expireSession(): void {
  if (session.getState().status !== 'signed-out') session.end('expired');
}

async function exchangeRefreshToken(): Promise<AuthTokens> {
  const refreshToken = session.getRefreshToken();
  if (!refreshToken) {
    expireSession();
    throw new ApiRequestError(401, ['Your session has expired. Please sign in again.']);
  }
  try {
    const tokens = await request<AuthTokens>('POST', '/auth/refresh', { body: { refreshToken }, auth: 'none' });
    session.start(tokens);
    return tokens;
  } catch (error) {
    // A refused refresh token ends the session; a network blip, throttling or a server error does not.
    if (isApiRequestError(error) && REFRESH_REFUSED_STATUSES.includes(error.status)) expireSession();
    throw error;
  }
}

/**
 * Trades the stored refresh token for a fresh pair. Single-flight: refresh tokens are
 * single-use, so concurrent callers must share one exchange rather than race each other.
 */
export function refreshSession(): Promise<AuthTokens> {
  refreshInFlight ??= exchangeRefreshToken().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function renewAccessToken(rejectedToken: string | null): Promise<string> {
  // Another request may have refreshed while this one was in flight; reuse its token.
  const current = session.getAccessToken();
  if (current && current !== rejectedToken) return current;
  return (await refreshSession()).accessToken;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? 'session';
  const token = auth === 'none' ? null : session.getAccessToken();
  let response = await send(method, path, options, token);
  if (response.status === 401 && auth === 'session') {
    response = await send(method, path, options, await renewAccessToken(token));
    // A brand-new token refused as well: the account was signed out on the server (e.g. deactivated).
    if (response.status === 401) expireSession();
  }
  return readBody<T>(response);
}

export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
};
