import { PORTAL_LINK_INVALID_MESSAGE } from '@trustwork/contracts';

/** What went wrong, in the terms the screens need to choose what to show. */
export type PortalProblemKind = 'invalid-link' | 'rate-limited' | 'offline' | 'failed';

export class PortalApiError extends Error {
  constructor(
    readonly kind: PortalProblemKind,
    message: string,
    readonly status: number | null = null,
    /** For 'rate-limited': how long the API asked us to wait. */
    readonly retryAfterSeconds = 0,
    /** Every problem the API listed (a 400 names one per field), the first being `message`. */
    readonly messages: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'PortalApiError';
  }
}

interface ErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** Sent as Idempotency-Key so a retried send counts once. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

const OFFLINE_MESSAGE = "We couldn't reach Trustwork. Check your internet connection and try again.";
const FAILED_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';
const DEFAULT_WAIT_SECONDS = 30;

/** Calls the portal API as the participant whose link `token` is. */
export async function portalRequest<T>(path: string, token: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, token, 'application/json', options);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new PortalApiError('failed', FAILED_MESSAGE, response.status);
  }
}

export interface PortalFile {
  blob: Blob;
  /** The name the API gave it (Content-Disposition), if any. */
  fileName: string | null;
}

/** Fetches a file (a signed PDF) with the token in the header, never in an address a link could open. */
export async function portalFile(path: string, token: string, accept: string): Promise<PortalFile> {
  const response = await send(path, token, accept, {});
  try {
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
  } catch {
    throw new PortalApiError('failed', FAILED_MESSAGE, response.status);
  }
}

/** Sends one request; a refusal or failure is thrown as a PortalApiError. */
async function send(path: string, token: string, accept: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, Authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(`/api/portal/${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      // The link token is the only credential: no dashboard cookies, no cached answers.
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new PortalApiError('offline', OFFLINE_MESSAGE);
  }
  if (response.ok) return response;

  const messages = readableMessages(await readErrorBody(response));
  const message = messages[0];
  if (response.status === 401) {
    throw new PortalApiError('invalid-link', message ?? PORTAL_LINK_INVALID_MESSAGE, 401);
  }
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers.get('Retry-After'));
    throw new PortalApiError('rate-limited', message ?? FAILED_MESSAGE, 429, wait);
  }
  // Other 4xx messages are written for people (validation); a 5xx may not be.
  const readable = response.status < 500 ? message : undefined;
  if (!readable) throw new PortalApiError('failed', FAILED_MESSAGE, response.status);
  throw new PortalApiError('failed', readable, response.status, 0, messages);
}

/** `attachment; filename="x.pdf"` or the encoded `filename*=UTF-8''x.pdf`. */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall back to the plain name.
    }
  }
  const plain = /filename=(?:"([^"]*)"|([^;]+))/i.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).trim() || null : null;
}

async function readErrorBody(response: Response): Promise<ErrorBody | null> {
  try {
    return (await response.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page, or nothing at all.
    return null;
  }
}

function readableMessages(body: ErrorBody | null): string[] {
  const raw = Array.isArray(body?.message) ? body.message : [body?.message];
  return raw.filter((message): message is string => typeof message === 'string' && message.trim() !== '');
}

/** A send that may succeed if tried again unchanged: no connection, or a fault on our side. */
export function isRetryable(error: PortalApiError): boolean {
  return error.kind === 'offline' || (error.status !== null && error.status >= 500);
}

/** Retry-After is either whole seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number {
  if (!header) return DEFAULT_WAIT_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const until = Date.parse(header);
  if (Number.isNaN(until)) return DEFAULT_WAIT_SECONDS;
  return Math.max(1, Math.ceil((until - Date.now()) / 1000));
}

/** A period of the person's bills, YYYY-MM-DD to YYYY-MM-DD, both days included. */
export interface BillingPeriod {
  from: string;
  to: string;
}

/** The person's own bills under /api/portal/: what they owe, their invoices and the PDFs made from them. */
export const billingPaths = {
  summary: 'billing',
  invoicePdf: (invoiceId: string) => `billing/invoices/${encodeURIComponent(invoiceId)}/pdf`,
  statementPdf: (period: BillingPeriod) => `billing/statement.pdf?${new URLSearchParams({ ...period })}`,
  superbillPdf: (period: BillingPeriod) => `billing/superbill.pdf?${new URLSearchParams({ ...period })}`,
};
