import { screen, waitFor, within } from '@testing-library/react';
import { type CalendarFeed, type UpdateCalendarFeedRequest } from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { refusal, settingsRoutes } from './account-fixtures';

const FEED_URL = 'https://trustwork.example/api/calendar-feeds/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics';
const NEW_FEED_URL = 'https://trustwork.example/api/calendar-feeds/ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut.ics';
const on: CalendarFeed = { active: true, includeVideoLinks: false, createdAt: '2026-07-01T09:00:00.000Z' };

const feedSection = () => screen.findByRole('region', { name: 'Calendar feed' });

describe('Your settings: calendar feed', () => {
  it('explains the feed, makes an address and shows it once with a way to copy it', async () => {
    const api = mockApi(settingsRoutes(clinician, { 'PUT /api/me/calendar-feed': { body: { ...on, url: FEED_URL } } }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await feedSection();
    expect(within(section).getByText(/Google, Apple or Outlook/)).toBeInTheDocument();
    expect(within(section).getByText(/initials instead of their names/)).toBeInTheDocument();
    await user.dblClick(await within(section).findByRole('button', { name: 'Create feed address' }));

    expect(await within(section).findByRole('textbox', { name: 'Your calendar feed address' })).toHaveValue(FEED_URL);
    expect(within(section).getByRole('textbox', { name: 'Your calendar feed address' })).toHaveAttribute('readonly');
    expect(within(section).getByRole('button', { name: 'Copy address' })).toBeInTheDocument();
    expect(within(section).getByText(/it will not be shown again/)).toBeInTheDocument();
    expect(within(section).getByRole('switch', { name: /^Include video links/ })).not.toBeChecked();
    expect(api.callsTo('PUT', '/api/me/calendar-feed').map((call) => call.body)).toEqual([{}]);
  });

  it('replaces the address after asking, saying the old one stops working', async () => {
    const api = mockApi(settingsRoutes(clinician, { 'GET /api/me/calendar-feed': { body: on }, 'PUT /api/me/calendar-feed': { body: { ...on, url: NEW_FEED_URL } } }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await feedSection();
    expect(await within(section).findByText(/Your feed is on since/)).toBeInTheDocument();
    expect(within(section).queryByRole('textbox', { name: 'Your calendar feed address' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Replace address' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace your calendar feed address?' });
    expect(within(dialog).getByText(/The old address stops working/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Replace address' }));

    expect(await within(section).findByRole('textbox', { name: 'Your calendar feed address' })).toHaveValue(NEW_FEED_URL);
    expect(api.callsTo('PUT', '/api/me/calendar-feed').map((call) => call.body)).toEqual([{ newAddress: true }]);
  });

  it('includes video links when switched on', async () => {
    const api = mockApi(
      settingsRoutes(clinician, {
        'GET /api/me/calendar-feed': { body: on },
        'PUT /api/me/calendar-feed': (call) => ({ body: { ...on, ...(call.body as UpdateCalendarFeedRequest) } }),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await feedSection();
    await user.click(await within(section).findByRole('switch', { name: /^Include video links/ }));

    expect(await screen.findByText('Video links now show in your calendar.')).toBeInTheDocument();
    expect(within(section).getByRole('switch', { name: /^Include video links/ })).toBeChecked();
    expect(api.callsTo('PUT', '/api/me/calendar-feed').map((call) => call.body)).toEqual([{ includeVideoLinks: true }]);
  });

  it('sends one change when the switch is double clicked', async () => {
    const api = mockApi(
      settingsRoutes(clinician, {
        'GET /api/me/calendar-feed': { body: on },
        'PUT /api/me/calendar-feed': (call) => ({ body: { ...on, ...(call.body as UpdateCalendarFeedRequest) } }),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await feedSection();
    await user.dblClick(await within(section).findByRole('switch', { name: /^Include video links/ }));

    expect(await screen.findByText('Video links now show in your calendar.')).toBeInTheDocument();
    expect(within(section).getByRole('switch', { name: /^Include video links/ })).toBeChecked();
    expect(api.callsTo('PUT', '/api/me/calendar-feed').map((call) => call.body)).toEqual([{ includeVideoLinks: true }]);
  });

  it('turns the feed off after asking', async () => {
    const api = mockApi(settingsRoutes(clinician, { 'GET /api/me/calendar-feed': { body: on }, 'DELETE /api/me/calendar-feed': { status: 204 } }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await feedSection();
    await user.click(await within(section).findByRole('button', { name: 'Turn off feed' }));
    const dialog = await screen.findByRole('dialog', { name: 'Turn off your calendar feed?' });
    await user.click(within(dialog).getByRole('button', { name: 'Turn off feed' }));

    expect(await within(section).findByRole('button', { name: 'Create feed address' })).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/me/calendar-feed')).toHaveLength(1);
  });

  it('says so when the feed cannot be loaded or made', async () => {
    mockApi(settingsRoutes(clinician, { 'GET /api/me/calendar-feed': refusal(500, 'Something went wrong on our side.') }));
    renderApp({ route: '/settings', signedInAs: clinician });
    expect(await within(await feedSection()).findByText(/We couldn't load your calendar feed/)).toBeInTheDocument();
  });

  it('shows a refusal to make an address', async () => {
    mockApi(settingsRoutes(clinician, { 'PUT /api/me/calendar-feed': refusal(429, 'Too many requests. Please wait 30 seconds and try again.') }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });
    const section = await feedSection();
    await user.click(await within(section).findByRole('button', { name: 'Create feed address' }));
    await waitFor(() => expect(within(section).getByRole('alert')).toHaveTextContent('Too many requests'));
  });
});
