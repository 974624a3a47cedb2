import type { CheckIn } from '@trustwork/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, offline, openPortalAt, sent, stubApi } from '../test/portal';

const earlier: CheckIn = {
  id: 'c-1',
  participantId: 'p-1',
  trust: 3,
  safety: 6,
  heard: 4,
  closeness: 2,
  note: null,
  submittedAt: '2026-11-16T09:00:00Z',
};

function rate(question: RegExp, value: string) {
  fireEvent.click(within(screen.getByRole('group', { name: question })).getByLabelText(value));
}

/** Opens the check-in and waits for its form, shown once the last check-in is known. */
async function openCheckIn() {
  await openPortalAt('Do your check-in');
  await screen.findByRole('form', { name: "This week's check-in" });
}

function rateAll() {
  rate(/trust Sam/, '5');
  rate(/How safe/, '7');
  rate(/felt heard/, '6');
  rate(/How close/, '4');
}

/** A moment on this phone's clock, as the API would send it. */
const at = (day: number, hour = 9) => new Date(2026, 10, day, hour).toISOString();

// Whole-app renders with many form controls: jsdom's role queries are slow on a busy machine.
describe('Weekly check-in', { timeout: 20_000 }, () => {
  beforeEach(() => {
    // Thursday 26 November 2026: only Date is faked, so promises and timers run as usual.
    vi.useFakeTimers({ now: new Date(2026, 10, 26, 12), toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('sends the four ratings and the note with an Idempotency-Key, then lists it', async () => {
    const fetchSpy = stubApi({
      'GET check-ins': [() => json([earlier]), () => json([{ ...earlier, id: 'c-2', trust: 5 }, earlier])],
      'POST check-ins': () => json({ ...earlier, id: 'c-2', submittedAt: at(26, 12) }, 201),
    });
    await openPortalAt('Do your check-in');

    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    rateAll();
    fireEvent.change(screen.getByRole('textbox', { name: /Anything you would like your therapist to know/ }), {
      target: { value: '  A better week.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send check-in' }));

    expect(await screen.findByText('Thank you. Your check-in has gone to your therapist.')).toBeInTheDocument();
    const [request] = sent(fetchSpy, 'POST check-ins');
    expect(request.body).toEqual({ trust: 5, safety: 7, heard: 6, closeness: 4, note: 'A better week.' });
    expect(request.headers.get('Idempotency-Key')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
  });

  it('puts the thanks where the form was, with focus, and says when the next check-in is', async () => {
    stubApi({
      'GET check-ins': [() => json([earlier]), () => json([{ ...earlier, id: 'c-2', submittedAt: at(26, 12) }, earlier])],
      'POST check-ins': () => json({ ...earlier, id: 'c-2', submittedAt: at(26, 12) }, 201),
    });
    await openCheckIn();
    rateAll();
    fireEvent.click(screen.getByRole('button', { name: 'Send check-in' }));

    await waitFor(() => expect(screen.getByText('Thank you. Your check-in has gone to your therapist.')).toHaveFocus());
    expect(screen.queryByRole('form', { name: "This week's check-in" })).not.toBeInTheDocument();
    expect(screen.getByText('Next check-in from Thursday, December 3.')).toBeInTheDocument();
  });

  it('says when this week’s check-in is done instead of offering a blank form, and still allows another', async () => {
    const fetchSpy = stubApi({ 'GET check-ins': () => json([{ ...earlier, submittedAt: at(23) }, earlier]) });
    await openPortalAt('Do your check-in');

    expect(await screen.findByText('You checked in on Monday. Next check-in from Monday, November 30.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send check-in' })).not.toBeInTheDocument();

    // The API takes a second check-in in a week: offered, not invited.
    fireEvent.click(screen.getByRole('button', { name: 'Send another check-in' }));
    expect(screen.getByRole('form', { name: "This week's check-in" })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Send check-in' })).toBeInTheDocument();
    expect(sent(fetchSpy, 'POST check-ins')).toHaveLength(0);
  });

  it('says "today" for a check-in sent today, and offers the form again a week later', async () => {
    stubApi({ 'GET check-ins': () => json([{ ...earlier, submittedAt: at(26, 8) }]) });
    const view = await openPortalAt('Do your check-in');
    expect(await screen.findByText('You checked in today. Next check-in from Thursday, December 3.')).toBeInTheDocument();
    view.unmount();
    window.history.replaceState(null, '', '/p/');

    stubApi({ 'GET check-ins': () => json([{ ...earlier, submittedAt: at(19, 20) }]) });
    await openPortalAt('Do your check-in');
    expect(await screen.findByRole('button', { name: 'Send check-in' })).toBeInTheDocument();
  });

  it('keeps the ratings after a failed send and retries with the same key', async () => {
    const fetchSpy = stubApi({ 'GET check-ins': () => json([]), 'POST check-ins': [offline, () => json(earlier, 201)] });
    await openPortalAt('Do your check-in');
    expect(await screen.findByText(/Your first check-in will show here/)).toBeInTheDocument();
    rateAll();
    fireEvent.click(screen.getByRole('button', { name: 'Send check-in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/saved on this phone/);
    expect(within(screen.getByRole('group', { name: /How close/ })).getByLabelText('4')).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Thank you. Your check-in has gone to your therapist.')).toBeInTheDocument();
    const [first, retry] = sent(fetchSpy, 'POST check-ins');
    expect(retry.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    expect(retry.body).toEqual({ trust: 5, safety: 7, heard: 6, closeness: 4, note: null });
  });

  it('asks for every rating before sending', async () => {
    const fetchSpy = stubApi({ 'GET check-ins': () => json([]) });
    await openCheckIn();
    rate(/trust Sam/, '5');
    fireEvent.click(screen.getByRole('button', { name: 'Send check-in' }));

    expect(screen.getByRole('alert')).toHaveTextContent(/Please choose a number for: How safe/);
    expect(screen.getByRole('group', { name: /How close/ })).toHaveAccessibleDescription(/Please choose a number/);
    expect(sent(fetchSpy, 'POST check-ins')).toHaveLength(0);
  });
});
