import { screen, waitFor, within } from '@testing-library/react';
import { type CaseAgreements } from '@trustwork/contracts';
import { formatCalendarDate } from '../../../lib/practice-time';
import { assistant, clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { ALEX, assistantCaseRecord, CASE_ID, caseApi, JORDAN } from '../../case-record/__tests__/case-record-fixtures';
import { caseAgreement, LIMITED_SECRETS, NO_SECRETS, NOTHING_TO_SIGN, signature, signer } from './case-agreements-fixtures';

const alex = { id: ALEX, displayName: 'Alex Morgan' };
const jordan = { id: JORDAN, displayName: 'Jordan Lee' };
const AGREEMENTS_PATH = `/api/cases/${CASE_ID}/agreements`;
const AGREEMENTS_TAB = `/cases/${CASE_ID}/agreements`;

/** Alex signed the consent and an earlier policy; Jordan signed the policy only. */
const halfSigned: CaseAgreements = {
  policy: NO_SECRETS,
  policyHistory: [
    {
      policy: { agreementId: LIMITED_SECRETS.agreementId, name: LIMITED_SECRETS.name },
      previous: null,
      reason: null,
      changedAt: '2026-05-01T09:00:00.000Z',
      changedBy: { id: clinician.id, name: clinician.name },
    },
    {
      policy: { agreementId: NO_SECRETS.agreementId, name: NO_SECRETS.name },
      previous: { agreementId: LIMITED_SECRETS.agreementId, name: LIMITED_SECRETS.name },
      reason: 'Both asked that nothing be kept between sessions.',
      changedAt: '2026-06-10T09:00:00.000Z',
      changedBy: null,
    },
  ],
  agreements: [
    caseAgreement('builtin:informed-consent', [signer(alex, 'signed', signature('sig-alex-consent', 'Alex Morgan', '2026-07-01T09:00:00.000Z')), signer(jordan, 'unsigned')], {
      version: 2,
    }),
    caseAgreement(NO_SECRETS.agreementId, [
      signer(alex, 'outdated', signature('sig-alex-policy', 'Alex Morgan', '2026-05-02T09:00:00.000Z')),
      signer(jordan, 'signed', signature('sig-jordan-policy', 'Jordan Lee', '2026-06-11T09:00:00.000Z')),
    ]),
  ],
  informedConsentComplete: false,
};

/** The table's row for one agreement, read as its cells' text. */
function rowText(title: string): string[] {
  const header = screen.getByRole('rowheader', { name: new RegExp(`^${title}`) });
  const row = header.closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe("A case's agreements", () => {
  /** The file names the browser was asked to save. */
  let downloads: string[];
  beforeEach(() => {
    downloads = [];
    // jsdom has neither object URLs nor downloads.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:copy'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the policy, its history, and where each person stands on each agreement', async () => {
    caseApi({ agreements: halfSigned });
    renderApp({ route: AGREEMENTS_TAB, signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 2, name: 'Agreements' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Agreements' })).toHaveAttribute('aria-selected', 'true');
    const policy = await screen.findByRole('region', { name: 'Confidentiality policy' });
    expect(within(policy).getByText(NO_SECRETS.name)).toBeInTheDocument();
    expect(within(policy).getByText(NO_SECRETS.summary)).toBeInTheDocument();
    expect(within(policy).getByRole('button', { name: 'Change policy' })).toBeInTheDocument();

    const history = within(policy).getByRole('region', { name: 'Policy history' });
    const changes = within(history).getAllByRole('listitem').map((item) => item.textContent);
    expect(changes[0]).toMatch(/^Changed from Limited-secrets policy to No-secrets policy · .*, by a former team member/);
    expect(changes[0]).toMatch(/Reason: Both asked that nothing be kept between sessions\.$/);
    expect(changes[1]).toMatch(/^Chose Limited-secrets policy · .*, by you$/);

    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Agreement', 'Alex Morgan', 'Jordan Lee']);
    expect(rowText('Informed consent for relational therapy')).toEqual([`Signed${formatCalendarDate('2026-07-01')}, typed “Alex Morgan”`, 'Not signed yet']);
    expect(within(table).getByRole('rowheader', { name: /^Informed consent/ })).toHaveTextContent('Version 2');
    expect(rowText('No-secrets policy')).toEqual([
      `Asked to sign againSigned version 1 on ${formatCalendarDate('2026-05-02')}`,
      `Signed${formatCalendarDate('2026-06-11')}, typed “Jordan Lee”`,
    ]);
    expect(within(table).getByRole('rowheader', { name: /^No-secrets policy/ })).toHaveTextContent('The case’s policy');

    // A signed copy to download wherever there is a signature, and only there.
    const downloadButtons = within(table).getAllByRole('button', { name: /signed copy/ }).map((button) => button.getAttribute('aria-label'));
    expect(downloadButtons).toEqual([
      'Download Alex Morgan’s signed copy of Informed consent for relational therapy (PDF)',
      'Download Alex Morgan’s signed copy of No-secrets policy (PDF)',
      'Download Jordan Lee’s signed copy of No-secrets policy (PDF)',
    ]);
  });

  it('downloads a signed copy once on a double click, named after the agreement, the person and the day', async () => {
    const pdfPath = `${AGREEMENTS_PATH}/signatures/sig-alex-consent/pdf`;
    const api = caseApi({
      agreements: halfSigned,
      routes: {
        [`GET ${pdfPath}`]: {
          body: '%PDF-1.7',
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="signed-agreement.pdf"' },
        },
      },
    });
    const { user } = renderApp({ route: AGREEMENTS_TAB, signedInAs: clinician });

    await user.dblClick(await screen.findByRole('button', { name: 'Download Alex Morgan’s signed copy of Informed consent for relational therapy (PDF)' }));
    await waitFor(() => expect(downloads).toEqual(['trustwork-informed-consent-for-relational-therapy-alex-morgan-2026-07-01.pdf']));
    expect(api.callsTo('GET', pdfPath)).toHaveLength(1);
  });

  it('sends a reminder to one person or both, and says who it reached and who it skipped', async () => {
    const remindersPath = `${AGREEMENTS_PATH}/reminders`;
    const api = caseApi({
      agreements: halfSigned,
      routes: {
        [`POST ${remindersPath}`]: (call) =>
          (call.body as { participantId?: string }).participantId
            ? { body: { sentTo: [jordan].map(({ id, displayName }) => ({ participantId: id, displayName })), skipped: [] } }
            : {
                body: {
                  sentTo: [{ participantId: JORDAN, displayName: 'Jordan Lee' }],
                  skipped: [{ participantId: ALEX, displayName: 'Alex Morgan', reason: 'no e-mail address' }],
                },
              },
      },
    });
    const { user } = renderApp({ route: AGREEMENTS_TAB, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Send a reminder' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['To both', 'To Alex Morgan only', 'To Jordan Lee only']);
    await user.click(screen.getByRole('menuitem', { name: 'To Jordan Lee only' }));
    expect(await screen.findByText('Reminder sent to Jordan Lee')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send a reminder' }));
    await user.click(screen.getByRole('menuitem', { name: 'To both' }));
    expect(await screen.findByText('Not sent to Alex Morgan: no e-mail address.')).toBeInTheDocument();
    expect(api.callsTo('POST', remindersPath).map((call) => call.body)).toEqual([{ participantId: JORDAN }, {}]);
  });

  it('offers no reminder once everyone has signed everything', async () => {
    const signedAll: CaseAgreements = {
      ...halfSigned,
      agreements: [caseAgreement('builtin:telehealth', [signer(alex, 'signed', signature('s-1', 'Alex Morgan', '2026-07-01T09:00:00.000Z')), signer(jordan, 'signed', signature('s-2', 'Jordan Lee', '2026-07-01T10:00:00.000Z'))])],
      informedConsentComplete: true,
    };
    caseApi({ agreements: signedAll });
    renderApp({ route: AGREEMENTS_TAB, signedInAs: clinician });

    expect(await screen.findByRole('rowheader', { name: /^Telehealth consent/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send a reminder' })).not.toBeInTheDocument();
    expect(screen.queryByText(/have not both signed the informed consent/)).not.toBeInTheDocument();
  });

  it('lets an assistant see who has signed and send reminders, but change nothing', async () => {
    caseApi({ detail: assistantCaseRecord, agreements: halfSigned });
    renderApp({ route: AGREEMENTS_TAB, signedInAs: assistant });

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a reminder' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change policy' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose agreements' })).not.toBeInTheDocument();
  });

  it('starts from nothing to sign, and saves the agreements chosen', async () => {
    const api = caseApi({ agreements: { ...NOTHING_TO_SIGN, policy: NO_SECRETS } });
    const { user } = renderApp({ route: AGREEMENTS_TAB, signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 3, name: 'No agreements to sign yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Choose agreements' }));
    const dialog = screen.getByRole('dialog', { name: 'Choose agreements' });
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Informed consent for relational therapy/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^Telehealth consent/ }));
    // Policies are chosen as the policy, never as one more agreement.
    expect(within(dialog).queryByRole('checkbox', { name: /policy/ })).not.toBeInTheDocument();
    await user.dblClick(within(dialog).getByRole('button', { name: 'Save agreements' }));

    expect(await screen.findByRole('rowheader', { name: /^Telehealth consent/ })).toBeInTheDocument();
    expect(rowText('Informed consent for relational therapy')).toEqual(['Not signed yet', 'Not signed yet']);
    expect(api.callsTo('PUT', AGREEMENTS_PATH).map((call) => call.body)).toEqual([{ agreementIds: ['builtin:informed-consent', 'builtin:telehealth'] }]);
    expect(screen.queryByRole('dialog', { name: 'Choose agreements' })).not.toBeInTheDocument();
  });

  it('shows loading, then a failure with a way to try again', async () => {
    let answer: { status: number; body: unknown } = {
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side.' },
    };
    caseApi({ routes: { [`GET ${AGREEMENTS_PATH}`]: () => answer } });
    const { user } = renderApp({ route: AGREEMENTS_TAB, signedInAs: clinician });

    expect(await screen.findByRole('status', { name: 'Loading the agreements' })).toBeInTheDocument();
    expect(await screen.findByText("We couldn't load the agreements")).toBeInTheDocument();
    answer = { status: 200, body: halfSigned };
    await user.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
