import { screen, waitFor, within } from '@testing-library/react';
import { type CreateAgreementRequest } from '@trustwork/contracts';
import { clinician, owner } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { agreementDetail, agreementsApi, informedConsent, LIBRARY, PRACTICE_POLICY_ID, practicePolicy } from './agreement-fixtures';

const policyPath = `/api/agreements/${PRACTICE_POLICY_ID}`;

describe('Agreements page', () => {
  it('lists the agreements under their kind, built-in ones first', async () => {
    agreementsApi();
    renderApp({ route: '/agreements', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Agreements' })).toBeInTheDocument();
    const headings = (await screen.findAllByRole('heading', { level: 2 })).map((heading) => heading.textContent);
    expect(headings).toEqual(['Informed consent', 'Confidentiality policy', 'Telehealth consent']);

    const policies = screen.getByRole('region', { name: 'Confidentiality policy' });
    expect(within(policies).getAllByRole('article').map((card) => card.getAttribute('aria-label'))).toEqual([
      'No-secrets policy',
      'Limited-secrets policy',
      'Kept-private policy',
      'Harbour confidentiality policy',
    ]);
    const own = within(policies).getByRole('article', { name: 'Harbour confidentiality policy' });
    expect(within(own).getByText('Your practice · version 3')).toBeInTheDocument();
    const noSecrets = within(policies).getByRole('article', { name: 'No-secrets policy' });
    expect(within(noSecrets).getByText('Built in · version 1')).toBeInTheDocument();
    expect(noSecrets).toHaveTextContent('may be brought into a joint session');
  });

  it('says so when the list cannot load, and tries again', async () => {
    let failing = true;
    agreementsApi(LIBRARY, {
      'GET /api/agreements': () =>
        failing ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'The database is resting.' } } : { body: [informedConsent] },
    });
    const { user } = renderApp({ route: '/agreements', signedInAs: clinician });

    expect(await screen.findByText("We couldn't load the agreements")).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: informedConsent.title })).toBeInTheDocument();
  });

  it('shows an agreement with its headings and fields in words, and opens an older version', async () => {
    const api = agreementsApi(LIBRARY, {
      [`GET ${policyPath}`]: ({ query }) =>
        query.get('version') === '2'
          ? { body: agreementDetail(practicePolicy, { version: 2, currentVersion: 3, body: '# Before\nThe older words for {{practice}}.' }) }
          : { body: agreementDetail(practicePolicy) },
    });
    const { user } = renderApp({ route: '/agreements', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Harbour confidentiality policy' }));
    const drawer = await screen.findByRole('dialog', { name: 'Harbour confidentiality policy' });
    const text = await within(drawer).findByRole('region', { name: 'Text of the agreement' });
    expect(within(text).getByRole('heading', { name: 'About this agreement' })).toBeInTheDocument();
    expect(text).toHaveTextContent('This agreement is between «The two people’s names» and «The practice\'s name».');
    expect(text).not.toHaveTextContent('{{');

    const versions = within(drawer).getByRole('region', { name: 'Versions' });
    expect(within(versions).getByText(/^Version 3 \(current\)/)).toHaveAttribute('aria-current', 'true');
    await user.click(within(versions).getByRole('button', { name: /^Version 2 · .*Dana Whitfield$/ }));

    expect(await within(drawer).findByText('You are reading version 2')).toBeInTheDocument();
    expect(within(drawer).getByRole('region', { name: 'Text of the agreement' })).toHaveTextContent('The older words for «The practice\'s name».');
    expect(api.queriesTo('GET', policyPath).at(-1)?.get('version')).toBe('2');

    await user.click(within(drawer).getByRole('button', { name: 'Read the current version' }));
    expect(await within(drawer).findByText(/This agreement is between/)).toBeInTheDocument();
    expect(within(drawer).queryByText('You are reading version 2')).not.toBeInTheDocument();
  });

  it('lets clinicians read without changing anything', async () => {
    agreementsApi();
    renderApp({ route: `/agreements?agreement=${PRACTICE_POLICY_ID}`, signedInAs: clinician });

    const drawer = await screen.findByRole('dialog', { name: 'Harbour confidentiality policy' });
    expect(await within(drawer).findByRole('region', { name: 'Text of the agreement' })).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New agreement' })).not.toBeInTheDocument();
  });

  it('writes a new agreement, inserting fields where the cursor is', async () => {
    const saved = agreementDetail({ ...practicePolicy, kind: 'telehealth', policyKind: null, title: 'Video sessions', version: 1 });
    const api = agreementsApi(LIBRARY, {
      'POST /api/agreements': { status: 201, body: saved },
      [`GET ${policyPath}`]: { body: saved },
    });
    const { user } = renderApp({ route: '/agreements', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'New agreement' }));
    const editor = await screen.findByRole('dialog', { name: 'New agreement' });
    // Nothing is sent until the title and text are given.
    await user.click(within(editor).getByRole('button', { name: 'Save agreement' }));
    expect(within(editor).getByText('Enter a title.')).toBeInTheDocument();
    expect(within(editor).getByText('Enter the text of the agreement.')).toBeInTheDocument();

    await user.click(within(editor).getByRole('textbox', { name: /^Title/ }));
    await user.paste('Video sessions');
    await user.click(within(editor).getByRole('combobox', { name: /^Kind/ }));
    await user.click(await screen.findByRole('option', { name: 'Telehealth consent' }));
    const body = within(editor).getByRole('textbox', { name: /^Text/ });
    await user.click(body);
    await user.paste('Hello , welcome.');
    (body as HTMLTextAreaElement).setSelectionRange(6, 6);
    await user.click(within(editor).getByRole('button', { name: 'Insert The two people’s names' }));

    expect(body).toHaveValue('Hello {{people}}, welcome.');
    await waitFor(() => expect(body).toHaveFocus());
    expect((body as HTMLTextAreaElement).selectionStart).toBe(16);

    await user.dblClick(within(editor).getByRole('button', { name: 'Save agreement' }));
    expect(await screen.findByText('"Video sessions" added to your practice\'s agreements.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/agreements')).toHaveLength(1);
    expect(api.callsTo('POST', '/api/agreements')[0]?.body).toEqual<CreateAgreementRequest>({
      kind: 'telehealth',
      title: 'Video sessions',
      body: 'Hello {{people}}, welcome.',
    });
    expect(await screen.findByRole('dialog', { name: 'Video sessions' })).toBeInTheDocument();
  });

  it('starts a practice agreement from a built-in one', async () => {
    const api = agreementsApi(LIBRARY, {
      'POST /api/agreements': { status: 201, body: agreementDetail({ ...practicePolicy, kind: 'informed-consent', policyKind: null, version: 1 }) },
    });
    const { user } = renderApp({ route: `/agreements?agreement=${encodeURIComponent(informedConsent.id)}`, signedInAs: owner });

    const drawer = await screen.findByRole('dialog', { name: informedConsent.title });
    expect(within(drawer).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await user.click(await within(drawer).findByRole('button', { name: 'Use as a starting point' }));
    const editor = await screen.findByRole('dialog', { name: 'New agreement' });
    expect(within(editor).getByRole('textbox', { name: /^Title/ })).toHaveValue(informedConsent.title);
    expect(within(editor).getByRole('textbox', { name: /^Text/ })).toHaveValue(agreementDetail(informedConsent).body);

    await user.click(within(editor).getByRole('button', { name: 'Save agreement' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/agreements')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/agreements')[0]?.body).toMatchObject({ kind: 'informed-consent', title: informedConsent.title });
  });

  it('saves an edit as a new version, warning about signing again, and explains a conflict', async () => {
    const api = agreementsApi(LIBRARY, {
      [`PATCH ${policyPath}`]: { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'This agreement changed since you opened it.' } },
    });
    const { user } = renderApp({ route: `/agreements?agreement=${PRACTICE_POLICY_ID}`, signedInAs: owner });

    const drawer = await screen.findByRole('dialog', { name: 'Harbour confidentiality policy' });
    await user.click(await within(drawer).findByRole('button', { name: 'Edit' }));
    const editor = await screen.findByRole('dialog', { name: 'Edit "Harbour confidentiality policy"' });
    expect(within(editor).getByText('Saving writes version 4')).toBeInTheDocument();
    expect(within(editor).getByText(/Everyone who has signed this agreement will be asked to sign it again/)).toBeInTheDocument();
    expect(within(editor).getByRole('combobox', { name: /^Kind/ })).toBeDisabled();

    const title = within(editor).getByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.paste('Harbour privacy policy');
    await user.click(within(editor).getByRole('button', { name: 'Save new version' }));

    expect(await within(editor).findByText(/Someone else saved a newer version of this agreement/)).toBeInTheDocument();
    expect(api.callsTo('PATCH', policyPath)[0]?.body).toEqual({ title: 'Harbour privacy policy', body: agreementDetail(practicePolicy).body, version: 3 });
  });

  it('asks before archiving, and archives once on a double click', async () => {
    const api = agreementsApi(LIBRARY, {
      [`PATCH ${policyPath}`]: { body: agreementDetail({ ...practicePolicy, archived: true }) },
    });
    const { user } = renderApp({ route: `/agreements?agreement=${PRACTICE_POLICY_ID}`, signedInAs: owner });

    const drawer = await screen.findByRole('dialog', { name: 'Harbour confidentiality policy' });
    await user.click(await within(drawer).findByRole('button', { name: 'Archive' }));
    const confirm = await screen.findByRole('dialog', { name: 'Archive "Harbour confidentiality policy"?' });
    expect(confirm).toHaveTextContent('New cases can no longer choose it.');
    expect(api.callsTo('PATCH', policyPath)).toHaveLength(0);

    await user.dblClick(within(confirm).getByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('"Harbour confidentiality policy" is archived.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', policyPath)).toHaveLength(1);
    expect(api.callsTo('PATCH', policyPath)[0]?.body).toEqual({ archived: true });
  });

  it('shows archived agreements only when asked', async () => {
    const api = agreementsApi();
    const { user } = renderApp({ route: '/agreements', signedInAs: clinician });

    await screen.findByRole('region', { name: 'Informed consent' });
    expect(api.queriesTo('GET', '/api/agreements')[0]?.toString()).toBe('');
    await user.click(screen.getByRole('switch', { name: 'Show archived agreements' }));
    await waitFor(() => expect(api.queriesTo('GET', '/api/agreements').at(-1)?.get('includeArchived')).toBe('true'));
  });

  it('says what to do when there are no agreements', async () => {
    agreementsApi([]);
    renderApp({ route: '/agreements', signedInAs: owner });
    expect(await screen.findByRole('heading', { name: 'No agreements yet' })).toBeInTheDocument();
  });
});
