import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, offline, openPortalAt, sent, stubApi, welcome } from '../test/portal';

const NAME = 'E-mail me on days homework is due';

describe('the reminders switch', { timeout: 20_000 }, () => {
  it('turns homework e-mails off and on for this participant', async () => {
    const fetchSpy = stubApi({
      'PUT reminders': [() => json({ email: true, homework: false }), () => json({ email: true, homework: true })],
    });
    await openPortalAt();
    const toggle = screen.getByRole('switch', { name: NAME });
    expect(toggle).toBeChecked();

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(sent(fetchSpy, 'PUT reminders').map((request) => request.body)).toEqual([{ homework: false }, { homework: true }]);
  });

  it('is off and explained when there is no e-mail address on file', async () => {
    stubApi({ 'GET me': () => json({ ...welcome, reminders: { email: false, homework: true } }) });
    await openPortalAt();
    const toggle = screen.getByRole('switch', { name: NAME });
    expect(toggle).toBeDisabled();
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/no e-mail address for you/);
  });

  it('says so and keeps the old choice when the change cannot be saved', async () => {
    stubApi({ 'PUT reminders': offline });
    await openPortalAt();
    fireEvent.click(screen.getByRole('switch', { name: NAME }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Your reminders were not changed/);
    expect(screen.getByRole('switch', { name: NAME })).toBeChecked();
  });
});
