import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';
import { TOKEN, appointmentIn, inHours, json, sent, stubApi } from '../test/portal';

const appointment = appointmentIn(48);

/** Opens the portal straight at an address, as a reminder's link or a reload does. */
async function openAt(address: string) {
  window.history.replaceState(null, '', address);
  render(<App initialToken={TOKEN} />);
  return screen.findByRole('heading', { level: 1, name: 'Your appointment' });
}

const details = async () => screen.findByText('12 Harbour Street, Leeds');

// Whole-app renders: jsdom's role queries are slow on a busy machine.
describe('one appointment', { timeout: 20_000 }, () => {
  it('says when, how long, with whom and where, and confirms with one tap however many arrive', async () => {
    let answer: (response: Response) => void = () => {};
    const fetchSpy = stubApi({
      'GET sessions': () => json([appointment]),
      'POST sessions/s-1/confirm': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    await openAt('/p/sessions/s-1');
    await details();
    expect(screen.getByText('50 minutes')).toBeInTheDocument();
    expect(screen.getByText('Together, with Dr Mira Okafor')).toBeInTheDocument();

    const confirm = screen.getByRole('button', { name: "I'll be there" });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    answer(json({ ...appointment, response: 'confirmed' }));

    expect(await screen.findByText("You said you'll be there")).toBeInTheDocument();
    expect(sent(fetchSpy, 'POST sessions/s-1/confirm')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: "I'll be there" })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: "I can't come" })).toBeInTheDocument();
  });

  it('cancels with the reason, warning first when it is inside the notice period', async () => {
    const fetchSpy = stubApi({
      'GET sessions': () => json([{ ...appointment, cancellingIsLate: true }]),
      'POST sessions/s-1/cancel': () => json({ ...appointment, status: 'cancelled', response: 'cancelled' }),
    });
    await openAt('/p/sessions/s-1');
    fireEvent.click(await screen.findByRole('button', { name: "I can't come" }));

    expect(screen.getByText(/inside the practice's notice period/)).toHaveTextContent('may be counted as a late cancellation');
    fireEvent.change(screen.getByRole('textbox', { name: 'Tell your therapist why (optional)' }), { target: { value: '  Our child is ill.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel this session' }));

    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    expect(sent(fetchSpy, 'POST sessions/s-1/cancel').map((request) => request.body)).toEqual([{ reason: 'Our child is ill.' }]);
    expect(screen.queryByRole('button', { name: "I'll be there" })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "I can't come" })).not.toBeInTheDocument();
  });

  it('cancels without a reason and without a warning outside the notice period', async () => {
    const fetchSpy = stubApi({
      'GET sessions': () => json([appointment]),
      'POST sessions/s-1/cancel': () => json({ ...appointment, status: 'cancelled', response: 'cancelled' }),
    });
    await openAt('/p/sessions/s-1');
    fireEvent.click(await screen.findByRole('button', { name: "I can't come" }));
    expect(screen.queryByText(/notice period/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel this session' }));
    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    expect(sent(fetchSpy, 'POST sessions/s-1/cancel').map((request) => request.body)).toEqual([{}]);
  });

  it('keeps a reason that is too long here, saying so, and sends nothing', async () => {
    const fetchSpy = stubApi({ 'GET sessions': () => json([appointment]) });
    await openAt('/p/sessions/s-1');
    fireEvent.click(await screen.findByRole('button', { name: "I can't come" }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Tell your therapist why (optional)' }), { target: { value: 'x'.repeat(1001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel this session' }));
    expect(await screen.findAllByText('Please keep it to 1000 characters or fewer')).not.toHaveLength(0);
    expect(sent(fetchSpy, 'POST sessions/s-1/cancel')).toHaveLength(0);
  });

  it("readies the reminder's choice without sending anything", async () => {
    const fetchSpy = stubApi({ 'GET sessions': () => json([appointment]) });
    await openAt('/p/sessions/s-1?reply=confirm');
    await waitFor(() => expect(screen.getByRole('button', { name: "I'll be there" })).toHaveFocus());
    expect(fetchSpy.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it('opens the cancelling form from a reminder, ready to write in, without sending', async () => {
    const fetchSpy = stubApi({ 'GET sessions': () => json([{ ...appointment, cancellingIsLate: true }]) });
    await openAt('/p/sessions/s-1?reply=cancel');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Tell your therapist why (optional)' })).toHaveFocus());
    expect(screen.getByText(/may be counted as a late cancellation/)).toBeInTheDocument();
    expect(fetchSpy.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it('says when the video link will appear, and shows it when the time comes without a reload', async () => {
    const link = 'https://video.example.test/room/4821';
    const video = { ...appointment, modality: 'video' as const, address: null, startsAt: inHours(0.25), videoLinkFrom: new Date(Date.now() + 500).toISOString() };
    stubApi({ 'GET sessions': [() => json([video]), () => json([{ ...video, videoUrl: link }])] });
    await openAt('/p/sessions/s-1');
    expect(await screen.findByText('Video: the link appears here 15 minutes before the start')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Join video' })).not.toBeInTheDocument();

    expect(await screen.findByRole('link', { name: 'Join video' })).toHaveAttribute('href', link);
  });

  it('offers the video link once the API gives it', async () => {
    const link = 'https://video.example.test/room/4821';
    stubApi({ 'GET sessions': () => json([{ ...appointment, modality: 'video', address: null, startsAt: inHours(0.1), videoLinkFrom: inHours(-0.15), videoUrl: link }]) });
    await openAt('/p/sessions/s-1');
    expect(await screen.findByRole('link', { name: 'Join video' })).toHaveAttribute('href', link);
    expect(screen.queryByText(/the link appears here/)).not.toBeInTheDocument();
  });

  it('shows a cancelled appointment as cancelled, with nothing to answer', async () => {
    stubApi({ 'GET sessions': () => json([{ ...appointment, status: 'cancelled' }]) });
    await openAt('/p/sessions/s-1');
    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
    expect(screen.getByText(/To meet after all, contact your therapist/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "I'll be there" })).not.toBeInTheDocument();
  });

  it('shows what changed when the appointment was cancelled meanwhile', async () => {
    stubApi({
      'GET sessions': [() => json([appointment]), () => json([{ ...appointment, status: 'cancelled' }])],
      'POST sessions/s-1/confirm': () => json({ statusCode: 409, error: 'Conflict', message: 'This appointment has been cancelled.' }, 409),
    });
    await openAt('/p/sessions/s-1');
    fireEvent.click(await screen.findByRole('button', { name: "I'll be there" }));
    expect(await screen.findByText('Cancelled')).toBeInTheDocument();
  });

  it('says so when the appointment is not in the list', async () => {
    stubApi({ 'GET sessions': () => json([]) });
    await openAt('/p/sessions/s-9');
    expect(await screen.findByText(/This appointment is not in your list/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your appointments' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your appointments' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/sessions');
  });
});
