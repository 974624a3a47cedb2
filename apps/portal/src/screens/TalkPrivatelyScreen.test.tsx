import { SAFETY_REPORT_RECEIVED_MESSAGE } from '@trustwork/contracts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../App';
import { TOKEN, json, offline, openPortalAt, sent, stubApi, welcome } from '../test/portal';

const received = { received: true, receivedAt: '2026-11-23T10:00:00Z', message: SAFETY_REPORT_RECEIVED_MESSAGE };

function write(message: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'What would you like your therapist to know?' }), {
    target: { value: message },
  });
}

// Whole-app renders with many form controls: jsdom's role queries are slow on a busy machine.
describe('Talk to your therapist privately', { timeout: 20_000 }, () => {
  it('sends the message with its urgency and confirms, saying the other person never sees it', async () => {
    const fetchSpy = stubApi({ 'POST safety-reports': () => json(received, 201) });
    await openPortalAt('Talk to your therapist privately');

    const readers = 'Only your therapist, Dr Mira Okafor, and the owner of Harbour Counselling, Olive Owner, can read it.';
    expect(screen.getByText(/^What you send from here goes to your therapist/)).toHaveTextContent(
      `${readers} Sam will never see your message itself.`,
    );
    expect(document.body.textContent).not.toMatch(/Okafor only|Only your therapist can/);
    expect(screen.getByText(/call your local emergency number/)).toBeInTheDocument();
    write('I feel unsafe at home this week.');
    fireEvent.click(screen.getByRole('radio', { name: /contact me as soon as possible/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send privately' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your message was sent' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Your message has gone to your therapist.');
    expect(screen.getByText(readers, { exact: false })).toHaveTextContent(`${readers} Sam will never see your message itself.`);
    // The API's short confirmation names no readers, so the portal says who reads it in full instead.
    expect(document.body.textContent).not.toContain(SAFETY_REPORT_RECEIVED_MESSAGE);
    expect(sent(fetchSpy, 'POST safety-reports')[0].body).toEqual({ message: 'I feel unsafe at home this week.', urgency: 'urgent' });
    expect(Object.keys(window.localStorage).filter((key) => key.includes('draft'))).toEqual([]);
  });

  it('keeps the message on screen after a failed send, but never stores it on the phone', async () => {
    const fetchSpy = stubApi({ 'POST safety-reports': [offline, () => json(received, 201)] });
    await openPortalAt('Talk to your therapist privately');
    write('Something happened.');
    fireEvent.click(screen.getByRole('radio', { name: /I am worried/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send privately' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/never stored on the phone/);
    // Another person picking up the phone finds no trace of it in storage.
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('Something happened');
    expect(screen.getByRole('textbox', { name: 'What would you like your therapist to know?' })).toHaveValue('Something happened.');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Your message was sent' })).toBeInTheDocument();
    // The retry carries the first attempt's key, so the therapist gets the message once.
    const attempts = sent(fetchSpy, 'POST safety-reports');
    expect(attempts).toHaveLength(2);
    expect(attempts[1].headers.get('Idempotency-Key')).toBe(attempts[0].headers.get('Idempotency-Key'));
    expect(attempts[0].headers.get('Idempotency-Key')).toBeTruthy();

    cleanup();
    // A reload opens the same screen, empty.
    render(<App initialToken={TOKEN} />);
    await screen.findByRole('heading', { level: 1, name: 'Talk to your therapist privately' });
    expect(screen.getByRole('textbox', { name: 'What would you like your therapist to know?' })).toHaveValue('');
  });

  it("asks for a choice of urgency, and shows the API's 400 message by its field", async () => {
    stubApi({
      'POST safety-reports': () =>
        json({ statusCode: 400, error: 'Bad Request', message: ['message must be at most 4000 characters'] }, 400),
    });
    await openPortalAt('Talk to your therapist privately');
    write('Hello');
    fireEvent.click(screen.getByRole('button', { name: 'Send privately' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Please choose how soon you need your therapist');

    fireEvent.click(screen.getByRole('radio', { name: /I am worried/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send privately' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('message must be at most 4000 characters');
    expect(screen.getByRole('textbox', { name: 'What would you like your therapist to know?' })).toHaveAccessibleDescription(
      /must be at most 4000 characters/,
    );
  });

  it("states the case's policy on what may be brought into a joint session before the person writes", async () => {
    const privateLineSentence = "Under this case's limited-secrets policy, your therapist decides whether what you write here is brought into a joint session.";
    stubApi({ 'GET me': () => json({ ...welcome, confidentialityPolicy: { name: 'Limited-secrets policy', privateLineSentence } }) });
    await openPortalAt('Talk to your therapist privately');

    const policy = screen.getByRole('region', { name: 'Can it come up in a joint session?' });
    expect(policy).toHaveTextContent(privateLineSentence);
    // Stated before the form, not behind a toggle.
    expect(policy.compareDocumentPosition(screen.getByRole('form')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // No promise the policy may not keep.
    expect(document.body.textContent).not.toMatch(/nobody will tell/);
  });

  it('says plainly when the therapist has not yet set out a policy, and to ask first', async () => {
    stubApi({});
    await openPortalAt('Talk to your therapist privately');
    expect(screen.getByRole('region', { name: 'Can it come up in a joint session?' })).toHaveTextContent(
      'Your therapist has not yet said whether what you tell them alone may be brought into a session with Sam. If that matters to you, ask them before you write.',
    );
  });
});
