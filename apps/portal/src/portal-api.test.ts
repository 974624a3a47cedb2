import { PortalApiError, portalFile, portalRequest } from './portal-api';

function answer(body: BodyInit | null, init: ResponseInit) {
  const fetchSpy = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, init));
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

async function failure(request: Promise<unknown>): Promise<PortalApiError> {
  const error = await request.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof PortalApiError)) throw new Error(`Expected a PortalApiError, got ${String(error)}`);
  return error;
}

describe('portalRequest', () => {
  it('sends JSON with the Bearer token and an Idempotency-Key when given one', async () => {
    const fetchSpy = answer(JSON.stringify({ id: 'c1' }), { status: 201 });

    const created = await portalRequest<{ id: string }>('check-ins', 'tok', {
      method: 'POST',
      body: { trust: 6 },
      idempotencyKey: 'attempt-1',
    });

    expect(created).toEqual({ id: 'c1' });
    const [url, init] = fetchSpy.mock.calls[0];
    const headers = new Headers(init?.headers);
    expect(url).toBe('/api/portal/check-ins');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"trust":6}');
    expect(headers.get('Authorization')).toBe('Bearer tok');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Idempotency-Key')).toBe('attempt-1');
  });

  it('passes on a 400 message list, which is written for people, first one as the message', async () => {
    answer(JSON.stringify({ statusCode: 400, error: 'Bad Request', message: ['note is too long', 'x'] }), {
      status: 400,
    });

    const error = await failure(portalRequest('check-ins', 'tok', { method: 'POST', body: {} }));

    expect(error).toMatchObject({ kind: 'failed', status: 400, message: 'note is too long', messages: ['note is too long', 'x'] });
  });

  it('hides a server error page behind a friendly message', async () => {
    answer('<html>Bad gateway</html>', { status: 502 });

    const error = await failure(portalRequest('me', 'tok'));

    expect(error).toMatchObject({ kind: 'failed', status: 502 });
    expect(error.message).toBe('Something went wrong on our side. Please try again in a moment.');
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    answer(null, { status: 429, headers: { 'Retry-After': inOneMinute } });

    const error = await failure(portalRequest('me', 'tok'));

    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBeGreaterThan(55);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});

describe('portalFile', () => {
  it('fetches a file with the token in the header, named as the API names it', async () => {
    const fetchSpy = answer('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="consent.pdf"' } });

    const file = await portalFile('agreements/builtin%3Ainformed-consent/pdf', 'tok', 'application/pdf');

    expect(await file.blob.text()).toBe('%PDF-1.7');
    expect(file.fileName).toBe('consent.pdf');
    const [url, init] = fetchSpy.mock.calls[0];
    expect(url).toBe('/api/portal/agreements/builtin%3Ainformed-consent/pdf');
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok');
    expect(new Headers(init?.headers).get('Accept')).toBe('application/pdf');
  });

  it("reads a name encoded for any language, and does without one", async () => {
    answer('%PDF', { status: 200, headers: { 'Content-Disposition': "attachment; filename=\"consent.pdf\"; filename*=UTF-8''Einverst%C3%A4ndnis.pdf" } });
    expect((await portalFile('x/pdf', 'tok', 'application/pdf')).fileName).toBe('Einverständnis.pdf');

    answer('%PDF', { status: 200 });
    expect((await portalFile('x/pdf', 'tok', 'application/pdf')).fileName).toBeNull();
  });

  it('refuses as a request does: the API\'s message, with its status', async () => {
    answer(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Agreement not found' }), { status: 404 });

    const error = await failure(portalFile('x/pdf', 'tok', 'application/pdf'));

    expect(error).toMatchObject({ kind: 'failed', status: 404, message: 'Agreement not found' });
  });
});
