import { screen, within } from '@testing-library/react';
import { json, openPortalAt, sheet, stubApi } from '../test/portal';

// Whole-app renders: jsdom's role queries are slow on a busy machine.
describe('the home screen', { timeout: 20_000 }, () => {
  it('says how many things there are to do and when the next is due', async () => {
    stubApi({
      'GET assignments': () =>
        json([sheet('letter', [{ on: '2026-03-05', status: 'upcoming' }]), sheet('walk', [{ on: '2026-03-07', status: 'upcoming' }])]),
    });
    await openPortalAt();

    const homework = screen.getByRole('region', { name: 'Your homework' });
    // The dots are for the eye; a screen reader hears commas.
    expect(await within(homework).findByText(/2 things to do/)).toHaveTextContent('2 things to do, · next due Thursday, March 5');
  });

  it('offers a retry when the homework cannot be checked', async () => {
    stubApi({ 'GET assignments': [() => json({ statusCode: 500, message: 'boom' }, 500), () => json([])] });
    await openPortalAt();

    const homework = screen.getByRole('region', { name: 'Your homework' });
    expect(await within(homework).findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    within(homework).getByRole('button', { name: 'Try again' }).click();
    expect(await within(homework).findByText('Nothing to do just now')).toBeInTheDocument();
  });

  it('puts the private line to the therapist right after the homework, in calm words', async () => {
    stubApi({});
    await openPortalAt();

    const actions = screen.getAllByRole('button').map((button) => button.textContent);
    expect(actions.slice(0, 4)).toEqual(['See your homework', 'Talk to your therapist privately', 'Do your check-in', 'Read what Sam shared']);
    const privately = screen.getByRole('region', { name: 'Just between you and your therapist' });
    expect(privately).toHaveTextContent('For anything you would rather tell your therapist alone. Sam never sees it.');
  });
});
