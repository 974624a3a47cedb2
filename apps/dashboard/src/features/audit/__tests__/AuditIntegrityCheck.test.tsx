import { screen, within } from '@testing-library/react';
import { type AuditChainVerification } from '@trustwork/contracts';
import { formatDateTime } from '../../../lib/practice-time';
import { clinician, memberFrom, owner, practice } from '../../../test/fixtures';
import { mockApi, page, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const VERIFY = 'GET /api/audit-events/verify';
const verifiedAt = '2026-06-17T08:00:00.000Z';
const intact: AuditChainVerification = { intact: true, checkedEvents: 1204, firstBrokenEvent: null, verifiedAt };

function auditPage(verify: MockResponse | (() => Promise<MockResponse>)) {
  return mockApi({
    'GET /api/audit-events': page([]),
    'GET /api/users': { body: [memberFrom(owner), memberFrom(clinician)] },
    [VERIFY]: verify,
  });
}

describe('Checking the audit log’s integrity', () => {
  it('checks once per click and says the log is intact, with how many events', async () => {
    const api = auditPage({ body: intact });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    await user.dblClick(await screen.findByRole('button', { name: 'Check integrity' }));

    const result = await screen.findByRole('alert');
    expect(within(result).getByText('The audit log is intact')).toBeInTheDocument();
    expect(result).toHaveTextContent(`All 1,204 events are as they were recorded (checked ${formatDateTime(verifiedAt, practice.timeZone)}).`);
    expect(api.callsTo('GET', '/api/audit-events/verify')).toHaveLength(1);
  });

  it('names the time and action of the first event that was changed', async () => {
    const occurredAt = '2026-06-16T13:05:00.123Z';
    auditPage({ body: { intact: false, checkedEvents: 41, firstBrokenEvent: { id: 'e-41', occurredAt, action: 'note.read' }, verifiedAt } });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Check integrity' }));

    const result = await screen.findByRole('alert');
    expect(within(result).getByText('The audit log has been changed')).toBeInTheDocument();
    expect(result).toHaveTextContent(`The event recorded ${formatDateTime(occurredAt, practice.timeZone)} (Read note) is not as it was written`);
    expect(result).toHaveTextContent('Events before it are intact (40 events).');
  });

  it('says when the newest events were removed', async () => {
    auditPage({ body: { intact: false, checkedEvents: 12, firstBrokenEvent: null, verifiedAt } });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Check integrity' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The most recent events were removed after they were recorded.');
  });

  it('shows that it is checking, then the result', async () => {
    let answer: (response: MockResponse) => void = () => undefined;
    auditPage(() => new Promise<MockResponse>((resolve) => (answer = resolve)));
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Check integrity' }));

    expect(await screen.findByText('Checking every event in the log…')).toBeInTheDocument();
    answer({ body: intact });
    expect(await screen.findByText('The audit log is intact')).toBeInTheDocument();
    expect(screen.queryByText('Checking every event in the log…')).not.toBeInTheDocument();
  });

  it('says when the check could not be made, and can be tried again', async () => {
    let failing = true;
    auditPage(async () =>
      failing ? { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is not answering.' } } : { body: intact },
    );
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Check integrity' }));
    const failed = await screen.findByRole('alert');
    expect(within(failed).getByText("We couldn't check the audit log")).toBeInTheDocument();
    expect(failed).toHaveTextContent('The database is not answering.');

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Check integrity' }));
    expect(await screen.findByText('The audit log is intact')).toBeInTheDocument();
    expect(screen.queryByText("We couldn't check the audit log")).not.toBeInTheDocument();
  });

  it('is not offered to those who cannot read the log', async () => {
    auditPage({ body: intact });
    renderApp({ route: '/audit', signedInAs: clinician });

    expect(await screen.findByText('Only owners can read the audit log')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check integrity' })).not.toBeInTheDocument();
  });
});
