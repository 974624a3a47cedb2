import type { ExercisePrompt, PortalAssignment, PortalSubmission } from '@trustwork/contracts';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';
import { TOKEN, json, offline, openPortalAt, sent, stubApi } from '../test/portal';

const prompts: ExercisePrompt[] = [
  { key: 'noticed', type: 'text', label: 'What did you notice?', required: true, maxLength: 500, multiline: true },
  { key: 'calm', type: 'scale', label: 'How calm did you feel?', required: true, min: 0, max: 10, minLabel: 'Not calm', maxLabel: 'Very calm' },
  { key: 'talked', type: 'yes-no', label: 'Did you talk about it?', required: true },
  {
    key: 'when',
    type: 'choice',
    label: 'When was it?',
    required: true,
    options: [
      { key: 'morning', label: 'In the morning' },
      { key: 'evening', label: 'In the evening' },
    ],
  },
  {
    key: 'where',
    type: 'choice',
    label: 'Where were you?',
    required: true,
    multiple: true,
    options: [
      { key: 'home', label: 'At home' },
      { key: 'walk', label: 'On a walk' },
      { key: 'car', label: 'In the car' },
    ],
  },
  { key: 'next', type: 'date', label: 'When will you try again?', required: false },
];

function assignment(id: string, title: string, occurrences: PortalAssignment['occurrences'], note: string | null = null): PortalAssignment {
  return { id, title, instructions: `Instructions for ${title}.`, note, prompts, together: false, dueOn: null, recurrence: null, occurrences };
}

const reflection = assignment(
  'a-1',
  'Daily reflection',
  [
    { on: '2026-11-25', status: 'done' },
    { on: '2026-11-26', status: 'due' },
  ],
  'Take five quiet minutes for this.',
);
const assignments = [
  reflection,
  assignment('a-2', 'A letter', [{ on: '2026-11-24', status: 'overdue' }]),
  assignment('a-3', 'A walk together', [{ on: '2026-11-28', status: 'upcoming' }]),
  assignment('a-4', 'Your story', [{ on: '2026-11-20', status: 'done' }]),
  { ...assignment('a-5', 'Later on', []), dueOn: '2027-01-15' },
];

const READERS = 'Only your therapist, Dr Mira Okafor, and the owner of Harbour Counselling, Olive Owner, can read it.';

const submission: PortalSubmission = { id: 's-1', assignmentId: 'a-1', occurrenceOn: '2026-11-26', shared: true, submittedAt: '2026-11-26T12:00:00Z' };

async function openReflection() {
  fireEvent.click(await screen.findByRole('button', { name: 'Open Daily reflection' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Daily reflection' })).toHaveFocus();
}

function answerEverything() {
  fireEvent.change(screen.getByRole('textbox', { name: 'What did you notice?' }), { target: { value: 'We listened.' } });
  fireEvent.click(within(screen.getByRole('group', { name: 'How calm did you feel?' })).getByLabelText('7'));
  fireEvent.click(within(screen.getByRole('group', { name: 'Did you talk about it?' })).getByLabelText('Yes'));
  fireEvent.click(screen.getByRole('radio', { name: 'In the evening' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'At home' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'On a walk' }));
  fireEvent.change(screen.getByLabelText(/When will you try again/), { target: { value: '2026-12-01' } });
}

// Whole-app renders with many form controls: jsdom's role queries are slow on a busy machine.
describe('Homework', { timeout: 20_000 }, () => {
  beforeEach(() => {
    // Thursday 26 November 2026: only Date is faked, so promises and timers run as usual.
    vi.useFakeTimers({ now: new Date(2026, 10, 26, 12), toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('lists each exercise with where it stands, in words, and the therapist note', async () => {
    stubApi({ 'GET assignments': () => json(assignments) });
    await openPortalAt('See your homework');

    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(within(items[0]).getByText('Due today')).toBeInTheDocument();
    expect(within(items[0]).getByText('Take five quiet minutes for this.')).toBeInTheDocument();
    expect(within(items[1]).getByText('Overdue since Tue')).toBeInTheDocument();
    expect(within(items[2]).getByText(/^Upcoming: Sat/)).toBeInTheDocument();
    expect(within(items[3]).getByText('Done')).toBeInTheDocument();
    expect(within(items[4]).getByText(/^Starts Jan 15/)).toBeInTheDocument();
  });

  it('says so when there is no homework yet', async () => {
    stubApi({ 'GET assignments': () => json([]) });
    await openPortalAt('See your homework');

    expect(await screen.findByText(/Nothing to do just now/)).toBeInTheDocument();
  });

  it('sends an answer to every kind of question, shared when chosen, with an Idempotency-Key', async () => {
    const fetchSpy = stubApi({ 'GET assignments': () => json(assignments), 'POST assignments/a-1/submissions': () => json(submission, 201) });
    await openPortalAt('See your homework');
    await openReflection();

    expect(screen.getByText('Instructions for Daily reflection.')).toBeInTheDocument();
    const privately = screen.getByRole('radio', { name: /^Keep this private \(Sam will not see it\)/ });
    expect(privately).toBeChecked();
    // Who reads a private answer, as the API's access rules have it: not the therapist "only".
    expect(privately).toHaveAccessibleName(expect.stringContaining(READERS));
    answerEverything();
    fireEvent.click(screen.getByRole('radio', { name: 'Share with Sam' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you' })).toBeInTheDocument();
    expect(screen.getByText(/Sam can read them too/)).toBeInTheDocument();
    const [request] = sent(fetchSpy, 'POST assignments/a-1/submissions');
    expect(request.body).toEqual({
      occurrenceOn: '2026-11-26',
      answers: { noticed: 'We listened.', calm: 7, talked: true, when: 'evening', where: ['home', 'walk'], next: '2026-12-01' },
      shared: true,
    });
    expect(request.headers.get('Idempotency-Key')).toMatch(/\S{16,}/);
    expect(Object.keys(window.localStorage).filter((key) => key.includes('draft'))).toEqual([]);
  });

  it('keeps the answers after a network failure and retries with the same key', async () => {
    const fetchSpy = stubApi({
      'GET assignments': () => json(assignments),
      'POST assignments/a-1/submissions': [offline, () => json({ ...submission, shared: false }, 201)],
    });
    await openPortalAt('See your homework');
    await openReflection();
    answerEverything();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/couldn't reach Trustwork.*saved on this phone/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText(`Your answers have gone to your therapist. ${READERS}`)).toBeInTheDocument();
    const [first, retry] = sent(fetchSpy, 'POST assignments/a-1/submissions');
    expect(retry.body).toEqual(first.body);
    expect(first.body.shared).toBe(false);
    expect(retry.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
  });

  it('restores a half-written answer when the sheet is opened again', async () => {
    stubApi({ 'GET assignments': () => json(assignments) });
    await openPortalAt('See your homework');
    await openReflection();
    fireEvent.change(screen.getByRole('textbox', { name: 'What did you notice?' }), { target: { value: 'Half a thought' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'How calm did you feel?' })).getByLabelText('4'));
    cleanup();

    // A reload opens the same sheet.
    render(<App initialToken={TOKEN} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Daily reflection' })).toBeInTheDocument();

    expect(screen.getByText('We kept what you wrote last time on this phone.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'What did you notice?' })).toHaveValue('Half a thought');
    expect(within(screen.getByRole('group', { name: 'How calm did you feel?' })).getByLabelText('4')).toBeChecked();
  });

  it('asks for required answers before sending, and counts characters', async () => {
    const fetchSpy = stubApi({ 'GET assignments': () => json(assignments) });
    await openPortalAt('See your homework');
    await openReflection();
    fireEvent.change(screen.getByRole('textbox', { name: 'What did you notice?' }), { target: { value: 'Hello' } });
    expect(screen.getByText('5 of 500 characters')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(screen.getByRole('alert')).toHaveTextContent('How calm did you feel? needs an answer');
    expect(screen.getByRole('group', { name: 'How calm did you feel?' })).toHaveAccessibleDescription(
      /How calm did you feel\? needs an answer/,
    );
    expect(sent(fetchSpy, 'POST assignments/a-1/submissions')).toHaveLength(0);
  });

  it("shows the API's 400 messages by the question they name and at the top", async () => {
    stubApi({
      'GET assignments': () => json(assignments),
      'POST assignments/a-1/submissions': () =>
        json(
          {
            statusCode: 400,
            error: 'Bad Request',
            message: ['When will you try again? needs a real date: 2026-02-30 does not exist', 'occurrenceOn must be a date this exercise is due'],
          },
          400,
        ),
    });
    await openPortalAt('See your homework');
    await openReflection();
    answerEverything();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('occurrenceOn must be a date this exercise is due');
    expect(screen.getByLabelText(/When will you try again/)).toHaveAccessibleDescription(/needs a real date/);
    expect(screen.getByLabelText(/When will you try again/)).toHaveAttribute('aria-invalid', 'true');
  });
});
