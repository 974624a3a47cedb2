import { screen, within } from '@testing-library/react';
import { type PortalLinkStatus } from '@trustwork/contracts';
import { assistant, clinician } from '../../../test/fixtures';
import { type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { ALEX, CASE_ID, caseApi, JORDAN, setNow } from '../../case-record/__tests__/case-record-fixtures';

const LINKS = `/api/cases/${CASE_ID}/portal-links`;
const linkPath = (participantId: string) => `/api/cases/${CASE_ID}/participants/${participantId}/portal-link`;
const URL_FOR_JORDAN = 'https://app.trustwork.test/p/#secret-token-for-jordan';

const noLink = (participantId: string): PortalLinkStatus => ({
  participantId,
  live: false,
  createdAt: null,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
});

const liveLink: PortalLinkStatus = {
  participantId: ALEX,
  live: true,
  createdAt: '2026-06-01T10:00:00.000Z',
  expiresAt: '2026-08-30T10:00:00.000Z',
  revokedAt: null,
  lastUsedAt: '2026-06-07T18:00:00.000Z',
};

function linksApi(links: PortalLinkStatus[], routes: Record<string, MockResponse> = {}) {
  return caseApi({
    routes: {
      ...routes,
      [`GET ${LINKS}`]: { body: links },
      [`POST ${linkPath(JORDAN)}`]: { status: 201, body: { url: URL_FOR_JORDAN, expiresAt: '2026-09-08T10:00:00.000Z' } },
      [`POST ${linkPath(ALEX)}`]: { status: 201, body: { url: 'https://app.trustwork.test/p/#new-for-alex', expiresAt: '2026-09-08T10:00:00.000Z' } },
    },
  });
}

describe('Portal links on the case page', () => {
  afterEach(() => vi.useRealTimers());

  it('says where each link stands', async () => {
    setNow('2026-06-10T12:00:00.000Z');
    linksApi([liveLink, noLink(JORDAN)]);
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    const panel = await screen.findByRole('region', { name: 'Portal links' });
    const alex = await within(panel).findByRole('listitem', { name: 'Alex Morgan' });
    expect(within(alex).getByText(/^Active, expires .*2026, last opened 3 days ago$/)).toBeInTheDocument();
    expect(within(panel).getByRole('listitem', { name: 'Jordan Lee' })).toHaveTextContent('No link yet');
  });

  it('shows a new link once, with a copy button and the instruction to send it', async () => {
    const api = linksApi([liveLink, noLink(JORDAN)]);
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    // A double-click mints one link, not two with the first shown dead.
    await user.dblClick(await screen.findByRole('button', { name: 'Create link for Jordan Lee' }));

    const dialog = await screen.findByRole('dialog', { name: 'Portal link for Jordan' });
    expect(api.callsTo('POST', linkPath(JORDAN))).toHaveLength(1);
    expect(within(dialog).getByText(/Send this to Jordan yourself; we won't show it again/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Portal link' })).toHaveValue(URL_FOR_JORDAN);

    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(await within(dialog).findByText('The link is on your clipboard.')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(URL_FOR_JORDAN);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(URL_FOR_JORDAN)).not.toBeInTheDocument();
    // The list is asked again, so the new link's status shows.
    expect(api.callsTo('GET', LINKS).length).toBeGreaterThan(1);
  });

  it('warns that a new link ends the current one before creating it', async () => {
    const api = linksApi([liveLink, noLink(JORDAN)]);
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Create new link for Alex Morgan' }));
    const warning = await screen.findByRole('dialog', { name: 'Create a new link for Alex?' });
    expect(within(warning).getByText(/current link will stop working straight away/)).toBeInTheDocument();

    await user.click(within(warning).getByRole('button', { name: 'Keep the current link' }));
    expect(api.callsTo('POST', linkPath(ALEX))).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Create new link for Alex Morgan' }));
    // A double-click replaces it once.
    await user.dblClick(within(await screen.findByRole('dialog', { name: 'Create a new link for Alex?' })).getByRole('button', { name: 'Create new link' }));
    expect(await screen.findByRole('dialog', { name: 'Portal link for Alex' })).toBeInTheDocument();
    expect(api.callsTo('POST', linkPath(ALEX))).toHaveLength(1);
  });

  it('asks before revoking a link, then ends it', async () => {
    const api = linksApi([liveLink, noLink(JORDAN)], { [`DELETE ${linkPath(ALEX)}`]: { status: 204 } });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    await user.click(await screen.findByRole('button', { name: 'Revoke link for Alex Morgan' }));
    const confirm = await screen.findByRole('dialog', { name: "Revoke Alex's link?" });
    expect(api.callsTo('DELETE', linkPath(ALEX))).toHaveLength(0);

    await user.click(within(confirm).getByRole('button', { name: 'Revoke link' }));
    expect(await screen.findByText("Alex's link no longer works.")).toBeInTheDocument();
    expect(api.callsTo('DELETE', linkPath(ALEX))).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Revoke link for Jordan Lee' })).not.toBeInTheDocument();
  });

  it('shows assistants where links stand without offering to create one', async () => {
    linksApi([liveLink, noLink(JORDAN)]);
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    const panel = await screen.findByRole('region', { name: 'Portal links' });
    expect(await within(panel).findByText('No link yet')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /create/i })).not.toBeInTheDocument();
  });
});
