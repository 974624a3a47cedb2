import type { PortalSignature } from '@trustwork/contracts';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';
import { CONSENT_PATH, TOKEN, consent, json, offline, sent, stubApi, stubIntersectionObserver } from '../test/portal';

const signature: PortalSignature = {
  agreementId: consent.agreementId,
  version: consent.version,
  typedName: 'Alex Rivera',
  signedAt: '2026-12-04T10:00:00.000Z',
  documentHash: consent.documentHash,
};
const signedConsent = { ...consent, state: 'signed' as const, signedAt: signature.signedAt };
const PDF = () =>
  new Response('%PDF-1.7 signed copy', {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="informed-consent-signed.pdf"' },
  });

const nameField = () => screen.getByRole('textbox', { name: 'Your full name' });
const statement = () => screen.getByRole('checkbox', { name: consent.statement });
const signButton = () => screen.getByRole('button', { name: 'Sign' });

/** Opens the consent by its own address, as a link or a reload would. */
async function openConsent() {
  window.history.replaceState(null, '', `/p/${CONSENT_PATH}`);
  render(<App initialToken={TOKEN} />);
  await screen.findByRole('heading', { level: 1, name: consent.title });
}

/** Both taps land before React draws the button disabled, as a quick double tap on a slow phone can. */
function doubleTap(button: HTMLElement) {
  act(() => {
    fireEvent.click(button);
    fireEvent.click(button);
  });
}

/** What a saved file went through: the blob handed to the browser and the link it clicked. */
function catchSavedFiles() {
  const saved: { blob: Blob; fileName: string }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:portal/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, fileName: this.download });
  });
  return saved;
}

afterEach(() => {
  vi.restoreAllMocks();
  // jsdom has neither; each test that saves a file puts its own in place.
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

// Whole-app renders with form controls: jsdom's role queries are slow on a busy machine.
describe('signing an agreement', { timeout: 20_000 }, () => {
  it('shows the text with its headings, and signs once the end is reached, with one request on a double tap', async () => {
    const { reachEnd } = stubIntersectionObserver();
    const fetchSpy = stubApi({ [`GET ${CONSENT_PATH}`]: () => json(consent), [`POST ${CONSENT_PATH}/signature`]: () => json(signature, 201) });
    await openConsent();

    const text = screen.getByRole('article', { name: 'The agreement' });
    expect(within(text).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['How we work', 'Ending']);
    expect(within(text).getByText(/Sessions are for both of you/)).toHaveTextContent('Sessions are for both of you. Each of you is heard.');
    expect(signButton()).toHaveAccessibleDescription('Read to the end to sign.');

    await reachEnd();
    expect(screen.queryByText('Read to the end to sign.')).not.toBeInTheDocument();
    fireEvent.change(nameField(), { target: { value: '  Alex Rivera ' } });
    fireEvent.click(statement());
    doubleTap(signButton());

    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you for signing' })).toHaveFocus();
    expect(screen.getByText(/^You signed/)).toHaveTextContent(`You signed “${consent.title}” on December 4, 2026, as Alex Rivera.`);
    expect(screen.getByRole('button', { name: 'Download your signed copy (PDF)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to your agreements' })).toBeInTheDocument();
    expect(sent(fetchSpy, `POST ${CONSENT_PATH}/signature`).map((request) => request.body)).toEqual([
      { version: 2, documentHash: consent.documentHash, typedName: 'Alex Rivera', intendToSign: true },
    ]);
    // Home's count of what is left to sign is read again.
    expect(sent(fetchSpy, 'GET me')).toHaveLength(2);
  });

  it('sends nothing until the end is read, a name typed and the statement ticked, saying which is missing', async () => {
    const { reachEnd } = stubIntersectionObserver();
    const fetchSpy = stubApi({ [`GET ${CONSENT_PATH}`]: () => json(consent) });
    await openConsent();

    fireEvent.click(signButton());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Please read the agreement to the end before you sign');
    expect(alert).toHaveTextContent('Please type your full name');
    expect(alert).toHaveTextContent('Please tick the box to confirm that you mean to sign');
    expect(nameField()).toHaveAccessibleDescription(/Please type your full name/);
    expect(statement()).toHaveAccessibleDescription('Please tick the box to confirm that you mean to sign');

    await reachEnd();
    fireEvent.change(nameField(), { target: { value: '   ' } });
    fireEvent.click(signButton());
    expect(screen.getByRole('alert')).not.toHaveTextContent('to the end');
    expect(screen.getByRole('alert')).toHaveTextContent('Please type your full name');

    fireEvent.change(nameField(), { target: { value: 'Alex Rivera' } });
    fireEvent.click(signButton());
    expect(screen.getByRole('alert')).toHaveTextContent(/^Please check this before sending:Please tick the box to confirm that you mean to sign$/);
    expect(sent(fetchSpy, `POST ${CONSENT_PATH}/signature`)).toEqual([]);
  });

  it('counts the text as read where the browser cannot tell what is on screen', async () => {
    stubApi({ [`GET ${CONSENT_PATH}`]: () => json(consent) });
    await openConsent();
    expect(screen.queryByText('Read to the end to sign.')).not.toBeInTheDocument();
    expect(signButton()).not.toHaveAccessibleDescription();
  });

  it('reloads a document that changed since it was opened, and asks for it to be read again', async () => {
    const { reachEnd } = stubIntersectionObserver();
    const changed = { ...consent, version: 3, text: '# How we work\nA new paragraph.', documentHash: 'b'.repeat(64) };
    const fetchSpy = stubApi({
      [`GET ${CONSENT_PATH}`]: [() => json(consent), () => json(changed)],
      [`POST ${CONSENT_PATH}/signature`]: [
        () => json({ statusCode: 409, error: 'Conflict', message: 'This agreement has changed. Read it again.' }, 409),
        () => json({ ...signature, version: 3, documentHash: changed.documentHash }, 201),
      ],
    });
    await openConsent();
    await reachEnd();
    fireEvent.change(nameField(), { target: { value: 'Alex Rivera' } });
    fireEvent.click(statement());
    fireEvent.click(signButton());

    expect(await screen.findByText('A new paragraph.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This agreement was changed after you opened it. Please read the new version to the end before you sign.');
    // The name stays; the reading and the confirmation start again.
    expect(nameField()).toHaveValue('Alex Rivera');
    expect(statement()).not.toBeChecked();
    expect(screen.getByText('Read to the end to sign.')).toBeInTheDocument();

    await reachEnd();
    fireEvent.click(statement());
    fireEvent.click(signButton());
    await screen.findByRole('heading', { level: 1, name: 'Thank you for signing' });
    expect(sent(fetchSpy, `POST ${CONSENT_PATH}/signature`).map((request) => [request.body.version, request.body.documentHash])).toEqual([
      [2, consent.documentHash],
      [3, changed.documentHash],
    ]);
  });

  it("places the API's 400 messages by their field, and keeps what was typed after a failed send", async () => {
    stubApi({
      [`GET ${CONSENT_PATH}`]: () => json(consent),
      [`POST ${CONSENT_PATH}/signature`]: [
        offline,
        () => json({ statusCode: 400, error: 'Bad Request', message: ['typedName must be shorter than or equal to 120 characters'] }, 400),
      ],
    });
    await openConsent();
    fireEvent.change(nameField(), { target: { value: 'Alex Rivera' } });
    fireEvent.click(statement());
    fireEvent.click(signButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(/couldn't reach Trustwork.*What you typed is still here/);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('typedName must be shorter than or equal to 120 characters', { selector: '.field-error' })).toBeInTheDocument();
    expect(nameField()).toHaveValue('Alex Rivera');
  });

  it('shows a signed agreement with the date and the download, and no form', async () => {
    stubApi({ [`GET ${CONSENT_PATH}`]: () => json(signedConsent) });
    await openConsent();
    expect(screen.getByText('You signed this on December 4, 2026.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download your signed copy (PDF)' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'The agreement' })).toHaveTextContent('Either of you may stop at any time.');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign' })).not.toBeInTheDocument();
  });

  it('downloads the signed copy with the link in the header, once on a double tap', async () => {
    const saved = catchSavedFiles();
    const fetchSpy = stubApi({ [`GET ${CONSENT_PATH}`]: () => json(signedConsent), [`GET ${CONSENT_PATH}/pdf`]: PDF });
    await openConsent();

    doubleTap(screen.getByRole('button', { name: 'Download your signed copy (PDF)' }));
    expect(await screen.findByText('Your signed copy was downloaded.')).toBeInTheDocument();

    const requests = fetchSpy.mock.calls.filter(([url]) => url === `/api/portal/${CONSENT_PATH}/pdf`);
    expect(requests).toHaveLength(1);
    const headers = new Headers(requests[0][1]?.headers);
    expect(headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(headers.get('Accept')).toBe('application/pdf');
    expect(saved).toHaveLength(1);
    expect(saved[0].fileName).toBe('informed-consent-signed.pdf');
    expect(await saved[0].blob.text()).toBe('%PDF-1.7 signed copy');
    expect(window.location.href).not.toContain(TOKEN);
  });

  it('says so when the copy cannot be downloaded', async () => {
    const saved = catchSavedFiles();
    stubApi({ [`GET ${CONSENT_PATH}`]: () => json(signedConsent), [`GET ${CONSENT_PATH}/pdf`]: offline });
    await openConsent();
    fireEvent.click(screen.getByRole('button', { name: 'Download your signed copy (PDF)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/couldn't reach Trustwork.*Your copy was not downloaded\./);
    expect(screen.getByRole('button', { name: 'Download your signed copy (PDF)' })).toBeEnabled();
    expect(saved).toEqual([]);
  });

  it('says so when the agreement is no longer in the list, and leads back to it', async () => {
    stubApi({
      [`GET ${CONSENT_PATH}`]: () => json({ statusCode: 404, error: 'Not Found', message: 'Agreement not found' }, 404),
      'GET agreements': () => json([]),
    });
    window.history.replaceState(null, '', `/p/${CONSENT_PATH}`);
    render(<App initialToken={TOKEN} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This agreement is not in your list' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your agreements' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your agreements' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/agreements');
  });

  it('keeps its address across a reload, and Back returns to the list', async () => {
    stubApi({ [`GET ${CONSENT_PATH}`]: () => json(consent), 'GET agreements': () => json([consent]) });
    window.history.replaceState(null, '', '/p/agreements');
    render(<App initialToken={TOKEN} />);
    fireEvent.click(await screen.findByRole('button', { name: `Read and sign: ${consent.title}` }));
    expect(await screen.findByRole('heading', { level: 1, name: consent.title })).toHaveFocus();
    expect(window.location.pathname).toBe(`/p/${CONSENT_PATH}`);

    cleanup();
    render(<App initialToken={TOKEN} />);
    expect(await screen.findByRole('heading', { level: 1, name: consent.title })).toBeInTheDocument();
    window.history.back();
    expect(await screen.findByRole('heading', { level: 1, name: 'Your agreements' })).toBeInTheDocument();
  });
});
