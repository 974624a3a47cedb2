import type { SharedAnswer } from '@trustwork/contracts';
import { screen, within } from '@testing-library/react';
import { json, openPortalAt, stubApi, welcome } from '../test/portal';

const shared: SharedAnswer = {
  id: 'sub-9',
  from: { firstName: 'Sam' },
  title: 'What I am grateful for',
  occurrenceOn: '2026-11-20',
  submittedAt: '2026-11-20T18:00:00Z',
  prompts: [
    { key: 'thanks', type: 'text', label: 'One thing you appreciated', required: true, maxLength: 300, multiline: true },
    { key: 'calm', type: 'scale', label: 'How calm was the week?', required: true, min: 0, max: 10, minLabel: 'Not calm', maxLabel: 'Very calm' },
    { key: 'again', type: 'yes-no', label: 'Would you do it again?', required: true },
    { key: 'when', type: 'choice', label: 'When', required: false, options: [{ key: 'eve', label: 'In the evening' }] },
  ],
  answers: { thanks: 'You made tea.', calm: 6, again: true, when: 'eve' },
};

// Whole-app renders with many form controls: jsdom's role queries are slow on a busy machine.
describe('Shared with you', { timeout: 20_000 }, () => {
  it("shows the other participant's shared answers, read-only, with the exercise and date", async () => {
    stubApi({ 'GET shared': () => json([shared]) });
    await openPortalAt('Read what Sam shared');

    const article = await screen.findByRole('article', { name: 'What I am grateful for' });
    expect(within(article).getByText(/From Sam, for November 20, 2026/)).toBeInTheDocument();
    expect(within(article).getByText('You made tea.')).toBeInTheDocument();
    expect(within(article).getByText(/^6 out of 10/)).toBeInTheDocument();
    expect(within(article).getByText('Yes')).toBeInTheDocument();
    expect(within(article).getByText('In the evening')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('says when nothing has been shared yet', async () => {
    stubApi({ 'GET shared': () => json([]) });
    await openPortalAt('Read what Sam shared');

    expect(await screen.findByText(/Sam has not shared any answers with you yet/)).toBeInTheDocument();
  });

  it('refers to the other person by the pronouns recorded for them, else by name', async () => {
    for (const [pronouns, sentence] of [
      ['she/her', 'When she does, you can read them here.'],
      ['they/them', 'When they do, you can read them here.'],
      [null, 'When Sam does, you can read them here.'],
    ] as const) {
      stubApi({ 'GET me': () => json({ ...welcome, otherParticipant: { firstName: 'Sam', pronouns } }), 'GET shared': () => json([]) });
      const view = await openPortalAt('Read what Sam shared');
      expect(await screen.findByText(/has not shared any answers/)).toHaveTextContent(sentence);
      view.unmount();
      window.history.replaceState(null, '', '/p/');
    }
  });

  it('offers a retry when the list cannot load', async () => {
    stubApi({ 'GET shared': [() => json({ statusCode: 500, message: 'boom' }, 500), () => json([shared])] });
    await openPortalAt('Read what Sam shared');

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(await screen.findByRole('article', { name: 'What I am grateful for' })).toBeInTheDocument();
  });
});
