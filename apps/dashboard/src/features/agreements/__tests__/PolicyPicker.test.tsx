import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { POLICY_WORDING } from '@trustwork/trust-program';
import { AppProviders } from '../../../app/AppProviders';
import { createQueryClient } from '../../../lib/query-client';
import { session } from '../../../lib/session';
import { owner, tokensFor } from '../../../test/fixtures';
import { AgreementChecklist } from '../components/AgreementChecklist';
import { PolicyPicker } from '../components/PolicyPicker';
import { agreementsApi, LIBRARY, PRACTICE_POLICY_ID } from './agreement-fixtures';

/** The two fields as a form holds them, showing what they hold. */
function Fields({ error }: { error?: string }) {
  const [policy, setPolicy] = useState<string | null>(null);
  const [agreements, setAgreements] = useState<string[]>(['builtin:informed-consent']);
  return (
    <>
      <PolicyPicker value={policy} onChange={setPolicy} error={error} />
      <AgreementChecklist value={agreements} onChange={setAgreements} />
      <output aria-label="Chosen">{JSON.stringify({ policy, agreements })}</output>
    </>
  );
}

function renderFields(error?: string) {
  session.start(tokensFor(owner));
  render(
    <AppProviders queryClient={createQueryClient({ queries: { retry: false } })} env="test">
      <Fields error={error} />
    </AppProviders>,
  );
  return userEvent.setup({ delay: null });
}

const chosen = () => JSON.parse(screen.getByRole('status', { name: 'Chosen' }).textContent ?? '') as unknown;

describe('Policy picker and agreement checklist', () => {
  it('offers the built-in policies, then the practice’s own, each with what it means', async () => {
    agreementsApi();
    const user = renderFields();

    const group = await screen.findByRole('radiogroup', { name: /^Confidentiality policy/ });
    const radios = await within(group).findAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['builtin:no-secrets', 'builtin:limited-secrets', 'builtin:kept-private', PRACTICE_POLICY_ID]);
    expect(within(group).getByRole('radio', { name: 'No-secrets policy' })).toHaveAccessibleDescription(POLICY_WORDING['no-secrets'].summary);
    expect(within(group).getByRole('radio', { name: 'Harbour confidentiality policy' })).toHaveAccessibleDescription(POLICY_WORDING.practice.summary);

    await user.click(within(group).getByRole('radio', { name: 'Limited-secrets policy' }));
    // Arrow keys move the choice, as in any group of radio buttons.
    await user.keyboard('{ArrowDown}');
    expect(chosen()).toMatchObject({ policy: 'builtin:kept-private' });
  });

  it('lists the other agreements to sign, with informed consent as the form starts it', async () => {
    agreementsApi();
    const user = renderFields();

    const checklist = await screen.findByRole('group', { name: /^Agreements to sign/ });
    const boxes = await within(checklist).findAllByRole('checkbox');
    expect(boxes.map((box) => box.getAttribute('value'))).toEqual(['builtin:informed-consent', 'builtin:telehealth']);
    expect(within(checklist).getByRole('checkbox', { name: 'Consent to telehealth' })).toHaveAccessibleDescription('Telehealth consent · Built in');

    await user.click(within(checklist).getByRole('checkbox', { name: 'Informed consent for couples therapy' }));
    await user.click(within(checklist).getByRole('checkbox', { name: 'Consent to telehealth' }));
    expect(chosen()).toMatchObject({ agreements: ['builtin:telehealth'] });
  });

  it('shows the form’s error on the policy', async () => {
    agreementsApi();
    renderFields('Choose a confidentiality policy.');
    const group = await screen.findByRole('radiogroup', { name: /^Confidentiality policy/ });
    expect(group).toHaveAccessibleDescription('Choose a confidentiality policy.');
  });

  it('says when the policies cannot load, and tries again', async () => {
    let failing = true;
    agreementsApi(LIBRARY, {
      'GET /api/agreements': () => (failing ? { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'Back in a minute.' } } : { body: LIBRARY }),
    });
    const user = renderFields();

    expect(await screen.findByText("We couldn't load the confidentiality policies")).toBeInTheDocument();
    failing = false;
    await user.click(screen.getAllByRole('button', { name: 'Try again' })[0] as HTMLElement);
    expect(await screen.findByRole('radio', { name: 'No-secrets policy' })).toBeInTheDocument();
  });
});
