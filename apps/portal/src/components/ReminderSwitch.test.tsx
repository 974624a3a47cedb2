import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, offline, openPortalAt, sent, stubApi, welcome } from '../test/portal';

const HOMEWORK = 'E-mail me on days homework is due';
const SESSIONS = 'E-mail me before my sessions';

describe('the reminders switches', { timeout: 20_000 }, () => {
  it('turns homework e-mails off and on for this participant', async () => {
    const fetchSpy = stubApi({
      'PUT reminders': [() => json({ email: true, homework: false, sessions: true }), () => json({ email: true, homework: true, sessions: true })],
    });
    await openPortalAt();
    const toggle = screen.getByRole('switch', { name: HOMEWORK });
    expect(toggle).toBeChecked();

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(sent(fetchSpy, 'PUT reminders').map((request) => request.body)).toEqual([{ homework: false }, { homework: true }]);
  });

  it('turns session reminders off on their own, leaving homework e-mails as they were', async () => {
    const fetchSpy = stubApi({ 'PUT reminders': () => json({ email: true, homework: true, sessions: false }) });
    await openPortalAt();
    const sessions = screen.getByRole('switch', { name: SESSIONS });
    expect(sessions).toBeChecked();

    fireEvent.click(sessions);
    await waitFor(() => expect(sessions).not.toBeChecked());
    expect(screen.getByRole('switch', { name: HOMEWORK })).toBeChecked();
    expect(sent(fetchSpy, 'PUT reminders').map((request) => request.body)).toEqual([{ sessions: false }]);
  });

  it('shows what the participant chose before', async () => {
    stubApi({ 'GET me': () => json({ ...welcome, reminders: { email: true, homework: true, sessions: false } }) });
    await openPortalAt();
    expect(screen.getByRole('switch', { name: SESSIONS })).not.toBeChecked();
    expect(screen.getByRole('switch', { name: HOMEWORK })).toBeChecked();
  });

  it('is off and explained when there is no e-mail address on file', async () => {
    stubApi({ 'GET me': () => json({ ...welcome, reminders: { email: false, homework: true, sessions: true } }) });
    await openPortalAt();
    for (const name of [HOMEWORK, SESSIONS]) {
      const toggle = screen.getByRole('switch', { name });
      expect(toggle).toBeDisabled();
      expect(toggle).not.toBeChecked();
      expect(toggle).toHaveAccessibleDescription(/no e-mail address for you/);
    }
  });

  it('says so and keeps the old choice when the change cannot be saved', async () => {
    stubApi({ 'PUT reminders': offline });
    await openPortalAt();
    fireEvent.click(screen.getByRole('switch', { name: SESSIONS }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Your reminders were not changed/);
    expect(screen.getByRole('switch', { name: SESSIONS })).toBeChecked();
  });
});
