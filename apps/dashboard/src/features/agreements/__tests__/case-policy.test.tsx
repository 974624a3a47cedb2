import { screen, waitFor, within } from '@testing-library/react';
import { type CaseAgreements } from '@trustwork/contracts';
import { assistant, clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { ALEX, assistantCaseRecord, CASE_ID, caseApi, JORDAN } from '../../case-record/__tests__/case-record-fixtures';
import { caseAgreement, LIMITED_SECRETS, NO_SECRETS, NOTHING_TO_SIGN, signature, signer } from './case-agreements-fixtures';

const alex = { id: ALEX, displayName: 'Alex Morgan' };
const jordan = { id: JORDAN, displayName: 'Jordan Lee' };
const POLICY_PATH = `/api/cases/${CASE_ID}/confidentiality-policy`;

const underNoSecrets: CaseAgreements = {
  policy: NO_SECRETS,
  policyHistory: [],
  agreements: [
    caseAgreement('builtin:informed-consent', [signer(alex, 'signed', signature('s-1', 'Alex Morgan', '2026-07-01T09:00:00.000Z')), signer(jordan, 'unsigned')]),
    caseAgreement(NO_SECRETS.agreementId, [
      signer(alex, 'signed', signature('s-2', 'Alex Morgan', '2026-07-01T09:05:00.000Z')),
      signer(jordan, 'signed', signature('s-3', 'Jordan Lee', '2026-07-02T09:00:00.000Z')),
    ]),
  ],
  informedConsentComplete: false,
};

const conflict = (message: string) => ({ status: 409, body: { statusCode: 409, error: 'Conflict', message } });

describe("The case's confidentiality policy", () => {
  it('shows the policy in the header, with what it means as its description', async () => {
    caseApi({ agreements: underNoSecrets });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    const badge = await screen.findByText(NO_SECRETS.name, { selector: '.mantine-Badge-label' });
    const focusable = badge.closest('[tabindex="0"]') as HTMLElement;
    expect(focusable).toHaveAccessibleDescription(NO_SECRETS.summary);
    expect(screen.queryByText('No confidentiality policy')).not.toBeInTheDocument();
  });

  it('warns when there is none, and lets the clinician choose one from the warning, without a reason', async () => {
    const api = caseApi({ agreements: { ...NOTHING_TO_SIGN, informedConsentComplete: true } });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'No confidentiality policy: choose one' }));
    const dialog = screen.getByRole('dialog', { name: 'Choose a confidentiality policy' });
    expect(within(dialog).queryByRole('textbox', { name: /Why it changes/ })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('note')).toHaveTextContent('Alex Morgan & Jordan Lee will both be asked in their portal to sign the policy you choose.');

    await user.click(await within(dialog).findByRole('radio', { name: NO_SECRETS.name }));
    await user.dblClick(within(dialog).getByRole('button', { name: 'Choose policy' }));

    expect(await screen.findByText(NO_SECRETS.name, { selector: '.mantine-Badge-label' })).toBeInTheDocument();
    expect(api.callsTo('PUT', POLICY_PATH).map((call) => call.body)).toEqual([{ agreementId: NO_SECRETS.agreementId }]);
    expect(screen.queryByRole('button', { name: 'No confidentiality policy: choose one' })).not.toBeInTheDocument();
  });

  it('shows an assistant the warning, with nothing to choose', async () => {
    caseApi({ detail: assistantCaseRecord, agreements: NOTHING_TO_SIGN });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    expect(await screen.findByText('No confidentiality policy')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /No confidentiality policy/ })).not.toBeInTheDocument();
  });

  it('asks why before changing the policy, sends it once, and asks both people to sign again', async () => {
    const api = caseApi({ agreements: underNoSecrets });
    const { user } = renderApp({ route: `/cases/${CASE_ID}/agreements`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Change policy' }));
    const dialog = screen.getByRole('dialog', { name: 'Change the confidentiality policy' });
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'Alex Morgan & Jordan Lee will both be asked in their portal to sign the new policy, even if they signed the old one.',
    );
    await user.click(await within(dialog).findByRole('radio', { name: LIMITED_SECRETS.name }));
    await user.click(within(dialog).getByRole('button', { name: 'Change policy' }));

    const reason = within(dialog).getByRole('textbox', { name: /Why it changes/ });
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Say why the policy changes'));
    await waitFor(() => expect(reason).toHaveFocus());
    expect(api.callsTo('PUT', POLICY_PATH)).toHaveLength(0);

    await user.type(reason, '  Jordan asked for room to speak alone.  ');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Change policy' }));

    const history = await screen.findByRole('region', { name: 'Policy history' });
    expect(history).toHaveTextContent(/Changed from No-secrets policy to Limited-secrets policy.*Reason: Jordan asked for room to speak alone\./);
    expect(api.callsTo('PUT', POLICY_PATH).map((call) => call.body)).toEqual([
      { agreementId: LIMITED_SECRETS.agreementId, reason: 'Jordan asked for room to speak alone.' },
    ]);
    const row = screen.getByRole('rowheader', { name: /^Limited-secrets policy/ }).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      expect.stringMatching(/^Asked to sign again/),
      expect.stringMatching(/^Asked to sign again/),
    ]);
    expect(await screen.findByText(LIMITED_SECRETS.name, { selector: '.mantine-Badge-label' })).toBeInTheDocument();
  });

  it('refuses the policy the case already has, and shows what the API says', async () => {
    const api = caseApi({
      agreements: underNoSecrets,
      routes: { [`PUT ${POLICY_PATH}`]: conflict('The case works under this policy already.') },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}/agreements`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Change policy' }));
    const dialog = screen.getByRole('dialog', { name: 'Change the confidentiality policy' });
    await user.type(within(dialog).getByRole('textbox', { name: /Why it changes/ }), 'Checking.');
    await user.click(within(dialog).getByRole('button', { name: 'Change policy' }));
    expect(await within(dialog).findByText('This is the policy the case works under now: choose another.')).toBeInTheDocument();
    expect(api.callsTo('PUT', POLICY_PATH)).toHaveLength(0);

    // Another tab changed it meanwhile: the API's word is shown above the form.
    await user.click(await within(dialog).findByRole('radio', { name: LIMITED_SECRETS.name }));
    await user.click(within(dialog).getByRole('button', { name: 'Change policy' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The case works under this policy already.');
    expect(api.callsTo('PUT', POLICY_PATH)).toHaveLength(1);
  });
});

describe('The informed-consent notice', () => {
  it('says plainly on the case page that the two have not both signed, and where to see who has', async () => {
    caseApi({ agreements: underNoSecrets });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    const notice = await screen.findByText('Alex Morgan and Jordan Lee have not both signed the informed consent yet.', { exact: false });
    expect(within(notice).getByRole('link', { name: 'See who has signed' })).toHaveAttribute('href', `/cases/${CASE_ID}/agreements`);
    // Nothing is blocked meanwhile.
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  });

  it('is gone once both have signed', async () => {
    caseApi({ agreements: { ...underNoSecrets, informedConsentComplete: true } });
    renderApp({ route: `/cases/${CASE_ID}/agreements`, signedInAs: clinician });

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText(/have not both signed/)).not.toBeInTheDocument();
  });
});
