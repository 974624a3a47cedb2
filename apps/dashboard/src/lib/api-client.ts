import {
  ApiErrorCode,
  BACKGROUND_REQUEST_HEADER,
  REFRESH_REQUEST_HEADER,
  type ApiError,
  type AuthTokens,
  type CurrentUser,
} from '@trustwork/contracts';
import { activity } from './activity';
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
  /** The whole error body, for fields beyond the message (a 409's `currentVersion`). */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, messages: string[], retryAfterSeconds: number | null = null, body: Record<string, unknown> = {}) {
    super(messages.join(' '));
    this.name = 'ApiRequestError';
    this.status = status;
    this.messages = messages;
    this.retryAfterSeconds = retryAfterSeconds;
    this.body = body;
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
   * 'none': sign-in endpoints, where a 401 is an answer rather than a cue to refresh.
   */
  auth?: 'session' | 'none';
  /** Extra request headers, e.g. If-Match. */
  headers?: Record<string, string>;
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
  if (!isApiErrorBody(body)) return new ApiRequestError(response.status, [FALLBACK_MESSAGE], parseRetryAfter(response.headers.get('Retry-After')));
  const messages = Array.isArray(body.message) ? body.message : [body.message];
  return new ApiRequestError(response.status, messages, parseRetryAfter(response.headers.get('Retry-After')), { ...body });
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) {
    headers.Authorization = `Bearer ${token}`;
    // Sent long after the person last did anything (a refetch of a page left open): the server
    // must not take it as activity, or an unattended screen would never sign itself out.
    if (activity.isRecent()) activity.reported();
    else headers[BACKGROUND_REQUEST_HEADER] = '1';
  }
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      // The refresh token is a cookie of this origin; it is sent only to the refresh route.
      credentials: 'same-origin',
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

/** A file the API sends (a PDF), with the name its Content-Disposition gives, if any. */
export interface ApiFile {
  blob: Blob;
  fileName: string | null;
}

/** `attachment; filename="a.pdf"` (or the RFC 6266 `filename*=UTF-8''a.pdf`) → "a.pdf". */
function fileNameOf(disposition: string | null): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (encoded) return decodeURIComponent(encoded[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? null;
}

async function readFile(response: Response): Promise<ApiFile> {
  if (!response.ok) throw await toApiRequestError(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
}

const REFRESH_REFUSED_STATUSES = [400, 401, 403];
const REFRESH_LOCK_NAME = 'trustwork.refresh';
const SIGNED_OUT_MESSAGE = 'You have been signed out. Please sign in again.';

let refreshInFlight: Promise<AuthTokens> | null = null;

/** Ends a live session as expired; a late answer after signing out must not claim the session expired. */
function expireSession(): void {
  const { status } = session.getState();
  // On load, a refused cookie only means nobody is signed in here: no notice.
  if (status === 'restoring') session.end();
  else if (status === 'signed-in') session.end('expired');
}

/**
 * Runs a refresh while holding a lock shared by every tab of this browser. The API rotates
 * refresh tokens and takes a second use of one as theft, signing everyone out; the tabs share
 * the cookie, so two of them must never present it at the same time.
 */
async function withRefreshLock<T>(exchange: () => Promise<T>): Promise<T> {
  // The Web Locks API needs a secure context (HTTPS or localhost). Without it, tabs refresh
  // independently and only the single flight within this tab protects the token.
  const locks = 'locks' in navigator ? navigator.locks : undefined;
  if (!locks) return exchange();
  // The browser resolves request() with the callback's own result, once it has settled.
  return await locks.request(REFRESH_LOCK_NAME, exchange);
}

/** The cookie goes with it; the header is what a cross-site form or image cannot send. */
function sendRefresh(): Promise<Response> {
  return send('POST', '/auth/refresh', { headers: { [REFRESH_REQUEST_HEADER]: '1' } }, null);
}

async function exchangeRefreshToken(): Promise<AuthTokens> {
  const endingsBefore = session.endings();
  let tokens: AuthTokens;
  try {
    // Sent inside the lock: a tab that waited presents the cookie the previous holder was given.
    tokens = await readBody<AuthTokens>(await sendRefresh());
  } catch (error) {
    // A refused refresh token ends the session; a network blip, throttling or a server error does not.
    const refused = isApiRequestError(error) && REFRESH_REFUSED_STATUSES.includes(error.status);
    if (refused && session.endings() === endingsBefore) expireSession();
    throw error;
  }
  // Signed out meanwhile, here or in another tab: starting the session again would undo that.
  if (session.endings() !== endingsBefore) throw new ApiRequestError(401, [SIGNED_OUT_MESSAGE]);
  session.start(tokens);
  return tokens;
}

/**
 * Trades the refresh cookie for a fresh access token. Refresh tokens are single-use, so
 * concurrent callers in this tab share one exchange, and tabs take turns (see withRefreshLock).
 */
export function refreshSession(): Promise<AuthTokens> {
  refreshInFlight ??= withRefreshLock(exchangeRefreshToken).finally(() => {
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

async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
  read: (response: Response) => Promise<T> = readBody,
): Promise<T> {
  const auth = options.auth ?? 'session';
  const token = auth === 'none' ? null : session.getAccessToken();
  let response = await send(method, path, options, token);
  if (response.status === 401 && auth === 'session') {
    response = await send(method, path, options, await renewAccessToken(token));
    // A brand-new token refused as well: the account was signed out on the server (e.g. deactivated).
    if (response.status === 401) expireSession();
  }
  try {
    return await read(response);
  } catch (error) {
    // Something became required meanwhile (the owner now requires two-factor): learn what, to show it.
    if (isApiRequestError(error, 403) && error.body.code === ApiErrorCode.AccountActionRequired) void reloadCurrentUser().catch(() => undefined);
    throw error;
  }
}

/** The signed-in person as the server has them now (their required action, their practice's settings). */
export async function reloadCurrentUser(): Promise<CurrentUser> {
  const user = await request<CurrentUser>('GET', '/me');
  session.updateUser(user);
  return user;
}

/**
 * Ends this sign-in on the server, which forgets the cookie. Best effort, after the tab has
 * signed out: with the access token gone stale, one more refresh proves the cookie first.
 */
export async function endSignInOnServer(accessToken: string | null): Promise<void> {
  const logout = (token: string) => send('POST', '/auth/logout', {}, token);
  try {
    if (accessToken && (await logout(accessToken)).status !== 401) return;
    const refreshed = await withRefreshLock(sendRefresh);
    // Refused: the session had already ended, so there is nothing left to end.
    if (!refreshed.ok) return;
    const tokens = (await refreshed.json()) as AuthTokens;
    await logout(tokens.accessToken);
  } catch {
    // Unreachable: the session ends on its own at the practice's idle limit.
  }
}

export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  /** A file to save rather than JSON to read; a refusal still arrives as the API's JSON error. */
  getFile: (path: string, options?: Omit<RequestOptions, 'body'>) => request('GET', path, options, readFile),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};
