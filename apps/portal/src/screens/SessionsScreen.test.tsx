import type { PortalSession } from '@trustwork/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';
import { appointmentTime } from '../lib/sessions';
import { TOKEN, appointmentIn, inHours, json, openPortalAt, stubApi } from '../test/portal';

const together = appointmentIn(26);
const alone: PortalSession = {
  ...together,
  id: 's-2',
  startsAt: inHours(170),
  kind: 'individual',
  modality: 'video',
  address: null,
  videoLinkFrom: inHours(169.75),
  response: 'confirmed',
};
const cancelledEarlier: PortalSession = { ...together, id: 's-0', startsAt: inHours(2), status: 'cancelled' };

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

// Whole-app renders: jsdom's role queries are slow on a busy machine.
describe('your appointments', { timeout: 20_000 }, () => {
  it('shows the next one on home, with the answer, and leads to the list', async () => {
    stubApi({ 'GET sessions': () => json([cancelledEarlier, together, alone]) });
    await openPortalAt();

    const card = await screen.findByRole('region', { name: 'Your next appointment' });
    expect(card).toHaveTextContent(appointmentTime(together.startsAt));
    expect(card).toHaveTextContent('Together. 12 Harbour Street, Leeds');
    expect(card).toHaveTextContent('Not answered yet');
    fireEvent.click(within(card).getByRole('button', { name: 'See all appointments' }));

    expect(await heading('Your appointments')).toHaveFocus();
    expect(window.location.pathname).toBe('/p/sessions');
    const [first, second, third] = await screen.findAllByRole('listitem');
    expect(first).toHaveTextContent('Cancelled');
    expect(second).toHaveTextContent('Together, 50 minutes. 12 Harbour Street, Leeds');
    expect(second).toHaveTextContent('Not answered yet');
    expect(third).toHaveTextContent('Just you, 50 minutes. Video');
    expect(third).toHaveTextContent("You said you'll be there");
  });

  it('opens each appointment at its own address, kept across a reload', async () => {
    stubApi({ 'GET sessions': () => json([together, alone]) });
    window.history.replaceState(null, '', '/p/sessions');
    render(<App initialToken={TOKEN} />);
    fireEvent.click(await screen.findByRole('button', { name: `Open the appointment on ${appointmentTime(alone.startsAt)}` }));
    expect(await heading('Your appointment')).toHaveFocus();
    expect(window.location.pathname).toBe('/p/sessions/s-2');

    cleanup();
    render(<App initialToken={TOKEN} />);
    expect(await heading('Your appointment')).toBeInTheDocument();
    expect(await screen.findByText("You said you'll be there")).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to your appointments' }));
    expect(await heading('Your appointments')).toBeInTheDocument();
  });

  it("moves between the list and an appointment with the phone's Back and Forward, and the screen's Back adds no entry", async () => {
    stubApi({ 'GET sessions': () => json([together, alone]) });
    window.history.replaceState(null, '', '/p/sessions');
    render(<App initialToken={TOKEN} />);
    fireEvent.click(await screen.findByRole('button', { name: `Open the appointment on ${appointmentTime(alone.startsAt)}` }));
    expect(await heading('Your appointment')).toBeInTheDocument();

    window.history.back();
    expect(await heading('Your appointments')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/sessions');
    window.history.forward();
    expect(await heading('Your appointment')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/sessions/s-2');

    fireEvent.click(await screen.findByRole('button', { name: 'Back to your appointments' }));
    expect(await heading('Your appointments')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/sessions');
    // The screen's Back went back in history rather than adding the list again: Forward still leads to the appointment.
    window.history.forward();
    expect(await heading('Your appointment')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/sessions/s-2');
  });

  it('shows no card on home when nothing is coming, or when the list cannot be read', async () => {
    stubApi({ 'GET sessions': () => json([cancelledEarlier]) });
    const view = await openPortalAt();
    expect(screen.queryByRole('region', { name: 'Your next appointment' })).not.toBeInTheDocument();

    view.unmount();
    stubApi({ 'GET sessions': () => json({ statusCode: 500, message: 'boom' }, 500) });
    render(<App initialToken={TOKEN} />);
    await heading('Hi Alex');
    expect(screen.queryByRole('region', { name: 'Your next appointment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when there are none, and offers a retry when the list cannot be loaded', async () => {
    stubApi({ 'GET sessions': [() => json({ statusCode: 500, message: 'boom' }, 500), () => json([])] });
    window.history.replaceState(null, '', '/p/sessions');
    render(<App initialToken={TOKEN} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No appointments coming up/)).toBeInTheDocument();
  });
});
