import { screen, waitFor, within } from '@testing-library/react';
import { type Attention, type AttentionSession } from '@trustwork/contracts';
import { assistant, clinician, owner } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const rivera = {
  id: 'case-rivera',
  participants: [
    { id: 'p-alex', displayName: 'Alex Rivera' },
    { id: 'p-sam', displayName: 'Sam Rivera' },
  ],
};
const chen = {
  id: 'case-chen',
  participants: [
    { id: 'p-maya', displayName: 'Maya Chen' },
    { id: 'p-leo', displayName: 'Leo Chen' },
  ],
};

function attentionSession(id: string, overrides: Partial<AttentionSession> = {}): AttentionSession {
  return { id, startsAt: '2026-06-16T09:00:00.000Z', durationMinutes: 50, noteState: 'none', case: rivera, ...overrides };
}

const needsAttention: Attention = {
  alerts: [
    { id: 'a-urgent', kind: 'safety-report', urgent: true, summary: 'Sent a safety report marked urgent', raisedAt: '2026-06-16T07:00:00.000Z', case: chen },
    { id: 'a-drop', kind: 'rating-drop', urgent: false, summary: 'Trust 2, down from an average of 7', raisedAt: '2026-06-16T08:00:00.000Z', case: rivera },
  ],
  unsignedNotes: [attentionSession('s-draft', { noteState: 'draft', case: chen }), attentionSession('s-no-note')],
  sessionsToClose: [attentionSession('s-over', { startsAt: '2026-06-17T06:00:00.000Z' })],
  count: 5,
};
const nothing: Attention = { alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 };

const panel = () => screen.findByRole('region', { name: /Needs your attention/ });

describe('Home: what needs attention', () => {
  it('lists alerts with an urgent safety report first, notes to sign and sessions to close, each linking to where it is resolved', async () => {
    mockApi({ 'GET /api/attention': { body: needsAttention }, 'GET /api/sessions': { body: [] } });
    renderApp({ route: '/', signedInAs: clinician });

    const attention = await panel();
    // The panel shows while its list is still loading.
    const alerts = within(await within(attention).findByRole('region', { name: 'Alerts' })).getAllByRole('listitem');
    expect(alerts.map((item) => item.textContent)).toEqual([expect.stringMatching(/^Urgent\s*Safety report/), expect.stringMatching(/^Sharp drop in a check-in/)]);
    expect(within(alerts[0]).getByRole('link', { name: 'Maya Chen & Leo Chen' })).toHaveAttribute('href', '/cases/case-chen');

    const notes = within(attention).getByRole('region', { name: 'Notes to sign' });
    expect(within(notes).getByRole('link', { name: /^Finish and sign/ })).toHaveAttribute('href', '/cases/case-chen/sessions/s-draft/note');
    expect(within(notes).getByRole('link', { name: /^Write note/ })).toHaveAttribute('href', '/cases/case-rivera/sessions/s-no-note/note');

    const toClose = within(attention).getByRole('region', { name: 'Sessions to close' });
    expect(within(toClose).getByRole('link', { name: 'Alex Rivera & Sam Rivera' })).toHaveAttribute('href', '/cases/case-rivera');
  });

  it('marks a session over but still scheduled completed right there, and asks again', async () => {
    let closed = false;
    const api = mockApi({
      'GET /api/attention': () => ({ body: closed ? { ...needsAttention, sessionsToClose: [], count: 4 } : needsAttention }),
      'GET /api/sessions': { body: [] },
      'PATCH /api/sessions/s-over': ({ body }) => {
        closed = true;
        return { body: { ...attentionSession('s-over'), caseId: 'case-rivera', modality: 'video', status: (body as { status: string }).status, attendeeIds: [], clinician: null, noteAboutParticipantId: null } };
      },
    });
    const { user } = renderApp({ route: '/', signedInAs: clinician });

    const toClose = await within(await panel()).findByRole('region', { name: 'Sessions to close' });
    await user.click(within(toClose).getByRole('button', { name: /^Mark completed/ }));

    expect(await screen.findByText('Marked completed')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/sessions/s-over')[0].body).toEqual({ status: 'completed' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Sessions to close' })).not.toBeInTheDocument());
  });

  it('closes a session once when its button is double-clicked', async () => {
    const api = mockApi({
      'GET /api/attention': { body: needsAttention },
      'GET /api/sessions': { body: [] },
      'PATCH /api/sessions/s-over': ({ body }) => ({
        body: { ...attentionSession('s-over'), caseId: 'case-rivera', modality: 'video', status: (body as { status: string }).status, attendeeIds: [], clinician: null, noteAboutParticipantId: null },
      }),
    });
    const { user } = renderApp({ route: '/', signedInAs: clinician });

    const toClose = await within(await panel()).findByRole('region', { name: 'Sessions to close' });
    await user.dblClick(within(toClose).getByRole('button', { name: /^Mark no-show/ }));

    expect(await screen.findByText('Marked as a no-show')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/sessions/s-over')).toHaveLength(1);
  });

  it('says when nothing needs attention', async () => {
    mockApi({ 'GET /api/attention': { body: nothing }, 'GET /api/sessions': { body: [] } });
    renderApp({ route: '/', signedInAs: clinician });

    expect(await within(await panel()).findByText('Nothing needs your attention.')).toBeInTheDocument();
  });

  it('explains a failure and tries again', async () => {
    let attempts = 0;
    mockApi({
      'GET /api/attention': () =>
        ++attempts === 1 ? { status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Not for you today.' } } : { body: nothing },
      'GET /api/sessions': { body: [] },
    });
    const { user } = renderApp({ route: '/', signedInAs: clinician });

    const attention = await panel();
    expect(await within(attention).findByText("We couldn't load what needs your attention")).toBeInTheDocument();
    await user.click(within(attention).getByRole('button', { name: 'Try again' }));
    expect(await within(attention).findByText('Nothing needs your attention.')).toBeInTheDocument();
  });

  it("follows an owner's \"Only my cases\"", async () => {
    const api = mockApi({ 'GET /api/attention': { body: nothing }, 'GET /api/sessions': { body: [] } });
    renderApp({ route: '/?mine=1', signedInAs: owner });

    await within(await panel()).findByText('Nothing needs your attention.');
    expect(api.queriesTo('GET', '/api/attention').map((query) => query.get('clinicianId'))).toContain(owner.id);
  });

  it('lets an assistant close sessions, with no clinical items asked for or shown', async () => {
    mockApi({ 'GET /api/attention': { body: { ...nothing, sessionsToClose: needsAttention.sessionsToClose, count: 1 } }, 'GET /api/sessions': { body: [] } });
    renderApp({ route: '/', signedInAs: assistant });

    const attention = await panel();
    expect(await within(attention).findByRole('button', { name: /^Mark no-show/ })).toBeInTheDocument();
    expect(within(attention).queryByRole('region', { name: 'Alerts' })).not.toBeInTheDocument();
    expect(within(attention).queryByRole('region', { name: 'Notes to sign' })).not.toBeInTheDocument();
  });
});
