import type { PortalAgreementSummary } from '@trustwork/contracts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';
import { TOKEN, consent, json, openPortalAt, stubApi, welcome } from '../test/portal';

const { text: _text, documentHash: _hash, statement: _statement, ...toSign } = consent;
const telehealth: PortalAgreementSummary = {
  ...toSign,
  agreementId: '3f1c9a52-6d0e-4b7a-9c11-2e5f8d4a7b60',
  kind: 'telehealth',
  title: 'Telehealth consent',
  version: 1,
  state: 'signed',
  signedAt: '2026-11-20T15:30:00.000Z',
};

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

// Whole-app renders: jsdom's role queries are slow on a busy machine.
describe('your agreements', { timeout: 20_000 }, () => {
  it('leads from a card near the top of home to the list when something is left to sign', async () => {
    stubApi({ 'GET me': () => json({ ...welcome, agreementsToSign: 1 }), 'GET agreements': () => json([toSign, telehealth]) });
    await openPortalAt();

    const card = screen.getByRole('region', { name: '1 agreement to read and sign' });
    expect(card).toHaveTextContent('You and Sam each sign your own copy.');
    // Before the homework: it is the first thing asked of the person.
    expect(screen.getAllByRole('button')[0]).toHaveTextContent('Read and sign');
    fireEvent.click(within(card).getByRole('button', { name: 'Read and sign' }));

    expect(await heading('Your agreements')).toHaveFocus();
    expect(window.location.pathname).toBe('/p/agreements');
  });

  it('counts several, and offers the signed copies quietly once nothing is left', async () => {
    stubApi({ 'GET me': [() => json({ ...welcome, agreementsToSign: 2 }), () => json(welcome)] });
    const view = await openPortalAt();
    expect(screen.getByRole('region', { name: '2 agreements to read and sign' })).toBeInTheDocument();

    view.unmount();
    render(<App initialToken={TOKEN} />);
    await heading('Hi Alex');
    expect(screen.queryByRole('region', { name: /to read and sign/ })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Your agreements' })).toHaveTextContent('download your own copy');
    expect(screen.getByRole('button', { name: 'See your agreements' })).toBeInTheDocument();
  });

  it('lists each agreement with where this person stands, and that each signs their own copy', async () => {
    stubApi({ 'GET agreements': () => json([toSign, telehealth]) });
    await openPortalAt('See your agreements');
    await heading('Your agreements');

    const [first, second] = await screen.findAllByRole('listitem');
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent('Informed consent for relational therapy');
    expect(first).toHaveTextContent('To sign');
    expect(first).toHaveTextContent('For you and Sam. Each of you signs your own copy.');
    expect(within(second).getByRole('heading', { level: 2 })).toHaveTextContent('Telehealth consent');
    expect(second).toHaveTextContent('Signed on Nov 20, 2026');
    expect(within(second).queryByText('To sign')).not.toBeInTheDocument();

    // The spoken name of each button says which agreement it opens.
    fireEvent.click(screen.getByRole('button', { name: 'Read again: Telehealth consent' }));
    expect(window.location.pathname).toBe(`/p/agreements/${telehealth.agreementId}`);
  });

  it('says when there is nothing to sign', async () => {
    stubApi({ 'GET agreements': () => json([]) });
    await openPortalAt('See your agreements');
    expect(await screen.findByText(/Nothing to sign just now/)).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('offers a retry when the list cannot be loaded', async () => {
    stubApi({ 'GET agreements': [() => json({ statusCode: 500, message: 'boom' }, 500), () => json([toSign])] });
    await openPortalAt('See your agreements');
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Read and sign: Informed consent for relational therapy' })).toBeInTheDocument();
  });
});
