import { screen, waitFor, within } from '@testing-library/react';
import { formatCalendarDate } from '../../../lib/practice-time';
import { assistant, clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { assistantCaseRecord, ALEX, CASE_ID, caseApi, JORDAN, setNow } from '../../case-record/__tests__/case-record-fixtures';
import { hearingHurt, ownRole } from '../../library/__tests__/library-fixtures';
import {
  assignment,
  ASSIGNMENTS_PATH,
  listeningTogether,
  patchRoute,
  submission,
  transparencyLog,
} from './homework-fixtures';

const HOMEWORK = `/cases/${CASE_ID}/homework`;
// Thursday 12 March 2026, mid-morning in London.
const NOW = '2026-03-12T10:00:00.000Z';

function card(title: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: title }).closest('li') as HTMLElement;
}

function datesFor(name: string, within_: HTMLElement): string[] {
  return within(within(within_).getByRole('list', { name: `Recent dates for ${name}` }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('Case homework', () => {
  afterEach(() => vi.useRealTimers());

  it('lists each assignment with who, the schedule in words and where each date stands', async () => {
    setNow(NOW);
    caseApi({ routes: { [`GET ${ASSIGNMENTS_PATH}`]: { body: [transparencyLog, listeningTogether] } } });
    renderHomework();

    await screen.findByRole('heading', { level: 3, name: 'Transparency log' });
    const log = card('Transparency log');
    expect(
      within(log).getByText(
        `Alex Morgan · Weekly on Mon, Thu from ${formatCalendarDate('2026-03-02')} until ${formatCalendarDate('2026-04-30')}`,
      ),
    ).toBeInTheDocument();
    // The last four dates up to today, then the next one.
    const statuses = datesFor('Alex Morgan', log).map((text) => text.split(' · ')[1]);
    expect(statuses).toEqual(['Done', 'Overdue', 'Done', 'Due today', 'Upcoming']);

    const together = card('Hearing the hurt');
    expect(within(together).getByText(`Both together · Due ${formatCalendarDate('2026-03-14')}`)).toBeInTheDocument();
    expect(within(together).getByText('Take turns; the listener only reflects back.')).toBeInTheDocument();
    expect(datesFor('Jordan Lee', together)[0]).toMatch(/Done$/);
    expect(datesFor('Alex Morgan', together)[0]).toMatch(/Upcoming$/);
  });

  it('suggests who from the exercise, and assigns a weekly exercise to each of them', async () => {
    setNow(NOW);
    const api = caseApi({
      routes: {
        [`GET ${ASSIGNMENTS_PATH}`]: { body: [] },
        'GET /api/exercises': { body: [ownRole, hearingHurt] },
        [`POST ${ASSIGNMENTS_PATH}`]: {
          status: 201,
          body: [
            assignment({ id: 'made-1', participantId: ALEX }),
            assignment({ id: 'made-2', participantId: JORDAN, progress: [{ participantId: JORDAN, occurrences: [] }] }),
          ],
        },
      },
    });
    const { user } = renderHomework();

    expect(await screen.findByRole('heading', { name: 'No homework yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'library' })).toHaveAttribute('href', '/library');
    await user.click(screen.getByRole('button', { name: 'Assign the first exercise' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign homework' });

    const exercise = await within(dialog).findByRole('combobox', { name: /exercise/i });
    await waitForEnabled(exercise);
    // For the person who broke trust: that is Alex in this case.
    await user.click(exercise);
    await user.click(screen.getByRole('option', { name: /Looking honestly at your part/ }));
    expect(within(dialog).getByRole('radio', { name: 'Alex Morgan only' })).toBeChecked();

    // A together exercise on private sheets goes to each of them, twice a week by default.
    await user.click(exercise);
    await user.clear(exercise);
    await user.type(exercise, 'hearing');
    const option = screen.getByRole('option', { name: /Hearing the hurt/ });
    expect(option).toHaveTextContent('Both together');
    await user.click(option);
    expect(within(dialog).getByRole('radio', { name: 'Each of them, on their own sheet' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Weekly' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Thursday' })).toBeChecked();

    await user.click(within(dialog).getByRole('checkbox', { name: 'Thursday' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Wednesday' }));
    await user.type(within(dialog).getByRole('textbox', { name: /note for them/i }), '  Ten minutes after dinner.  ');
    // A double-click assigns it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await screen.findByText('Homework assigned')).toBeInTheDocument();
    expect(api.callsTo('POST', ASSIGNMENTS_PATH).map((call) => call.body)).toEqual([
      {
        exerciseId: hearingHurt.id,
        assignTo: 'each',
        recurrence: { frequency: 'weekly', daysOfWeek: [1, 3], startsOn: '2026-03-12', endsOn: '2026-04-08' },
        instructions: 'Ten minutes after dinner.',
      },
    ]);
  });

  it("shows the API's reasons when an assignment is refused", async () => {
    setNow(NOW);
    caseApi({
      routes: {
        [`GET ${ASSIGNMENTS_PATH}`]: { body: [] },
        'GET /api/exercises': { body: [ownRole] },
        [`POST ${ASSIGNMENTS_PATH}`]: {
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: ['dueOn must be today (2026-03-12) or later', 'recurrence can run for a year at most'] },
        },
      },
    });
    const { user } = renderHomework();

    await user.click(await screen.findByRole('button', { name: 'Assign homework' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign homework' });
    const exercise = await within(dialog).findByRole('combobox', { name: /exercise/i });
    await waitForEnabled(exercise);
    await user.click(exercise);
    await user.click(screen.getByRole('option', { name: /Looking honestly at your part/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await within(dialog).findByText('dueOn must be today (2026-03-12) or later')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('recurrence can run for a year at most');
  });

  it('pauses at once, and cancels only after asking', async () => {
    setNow(NOW);
    const patchPath = `/api/assignments/${transparencyLog.id}`;
    const api = caseApi({
      routes: { [`GET ${ASSIGNMENTS_PATH}`]: { body: [transparencyLog] }, [`PATCH ${patchPath}`]: patchRoute(transparencyLog) },
    });
    const { user } = renderHomework();

    await screen.findByRole('heading', { level: 3, name: 'Transparency log' });
    await user.click(within(card('Transparency log')).getByRole('button', { name: 'Pause Transparency log, Alex Morgan' }));
    expect(await screen.findByText('Homework paused')).toBeInTheDocument();
    expect(within(card('Transparency log')).getByText('Paused')).toBeInTheDocument();
    expect(within(card('Transparency log')).getByRole('button', { name: /^Resume/ })).toBeInTheDocument();

    await user.click(within(card('Transparency log')).getByRole('button', { name: /^Cancel Transparency log/ }));
    await user.click(within(screen.getByRole('dialog', { name: 'Cancel this homework?' })).getByRole('button', { name: 'Keep homework' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('PATCH', patchPath).map((call) => call.body)).toEqual([{ status: 'paused' }]);

    await user.click(within(card('Transparency log')).getByRole('button', { name: /^Cancel Transparency log/ }));
    // A double-click cancels it once.
    await user.dblClick(within(screen.getByRole('dialog', { name: 'Cancel this homework?' })).getByRole('button', { name: 'Cancel homework' }));
    expect(await screen.findByText('Homework cancelled')).toBeInTheDocument();
    expect(api.callsTo('PATCH', patchPath).map((call) => call.body)).toEqual([{ status: 'paused' }, { status: 'cancelled' }]);
    expect(within(card('Transparency log')).getByText('Cancelled')).toBeInTheDocument();
    expect(within(card('Transparency log')).queryByRole('button', { name: /pause|resume|cancel/i })).not.toBeInTheDocument();
  });

  it('lists the newest homework first, cancelled below, and offers neither pause nor cancel once one-off homework is done', async () => {
    setNow(NOW);
    const exercise = (title: string) => ({ ...transparencyLog.exercise, id: `builtin:${title}`, title });
    const finished = {
      ...listeningTogether,
      id: 'assignment-finished',
      dueOn: '2026-03-10',
      createdAt: '2026-03-05T10:00:00.000Z',
      progress: listeningTogether.progress.map((progress) => ({ ...progress, occurrences: [{ on: '2026-03-10', status: 'done' as const }] })),
    };
    const newest = assignment({ id: 'assignment-new', exercise: exercise('Promise log'), createdAt: '2026-03-11T10:00:00.000Z' });
    const cancelled = assignment({ id: 'assignment-cancelled', exercise: exercise('Letter of accountability'), status: 'cancelled', createdAt: '2026-03-11T12:00:00.000Z' });
    // The API lists them oldest first.
    caseApi({ routes: { [`GET ${ASSIGNMENTS_PATH}`]: { body: [transparencyLog, finished, cancelled, newest] } } });
    renderHomework();

    await screen.findByRole('heading', { level: 3, name: 'Promise log' });
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Promise log',
      'Hearing the hurt',
      'Transparency log',
      'Letter of accountability',
    ]);
    const done = card('Hearing the hurt');
    expect(within(done).getByText('Done')).toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: /^(Pause|Resume|Cancel)/ })).not.toBeInTheDocument();
    expect(within(card('Transparency log')).getByRole('button', { name: /^Pause/ })).toBeInTheDocument();
  });

  it('shows the answers by question, and whether each person shared them', async () => {
    setNow(NOW);
    const alexShared = submission({
      id: 'submission-alex',
      participant: { id: ALEX, displayName: 'Alex Morgan' },
      occurrenceOn: '2026-03-09',
      shared: true,
      answers: { today: 'Showed Jordan my calendar for the week.', safe: 7, asked: true, mood: ['calm', 'hopeful'], next: '2026-03-15' },
    });
    const jordanPrivate = submission({
      id: 'submission-jordan',
      participant: { id: JORDAN, displayName: 'Jordan Lee' },
      occurrenceOn: '2026-03-02',
      answers: { today: 'Still wary.', safe: 3, asked: false },
    });
    caseApi({
      routes: {
        [`GET ${ASSIGNMENTS_PATH}`]: { body: [transparencyLog] },
        [`GET /api/assignments/${transparencyLog.id}/submissions`]: { body: [jordanPrivate, alexShared] },
      },
    });
    const { user } = renderHomework();

    await screen.findByRole('heading', { level: 3, name: 'Transparency log' });
    const toggle = within(card('Transparency log')).getByRole('button', { name: /^Show answers/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    const answers = await screen.findByRole('list', { name: 'Answers to Transparency log' });
    const [alex, jordan] = within(answers).getAllByRole('listitem');
    expect(within(alex).getByRole('heading', { level: 4 })).toHaveTextContent(`Alex Morgan · ${formatCalendarDate('2026-03-09')}`);
    expect(within(alex).getByText('Shared with Jordan Lee')).toBeInTheDocument();
    expect(answerTo(alex, 'What did you share today?')).toBe('Showed Jordan my calendar for the week.');
    expect(answerTo(alex, 'How safe did you feel?')).toBe('7 / 10');
    expect(answerTo(alex, 'Did you offer before being asked?')).toBe('Yes');
    expect(answerTo(alex, 'How did it leave you?')).toBe('Calm, Hopeful');
    expect(answerTo(alex, 'When will you talk about it next?')).toBe(formatCalendarDate('2026-03-15'));
    expect(answerTo(alex, 'Anything else?')).toBe('Not answered');

    expect(within(jordan).getByText('Private')).toBeInTheDocument();
    expect(answerTo(jordan, 'Did you offer before being asked?')).toBe('No');
    expect(answerTo(jordan, 'How safe did you feel?')).toBe('3 / 10');
  });

  it('tells an assistant homework is clinical, without asking the API for it', async () => {
    const api = caseApi({ detail: assistantCaseRecord });
    renderApp({ route: HOMEWORK, signedInAs: assistant });

    expect(await screen.findByRole('heading', { name: 'Homework is part of the clinical record' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Sessions & notes' })).toHaveAttribute('href', `/cases/${CASE_ID}/sessions`);
    expect(api.callsTo('GET', ASSIGNMENTS_PATH)).toHaveLength(0);
  });
});

function renderHomework() {
  return renderApp({ route: HOMEWORK, signedInAs: clinician });
}

async function waitForEnabled(element: HTMLElement) {
  await waitFor(() => expect(element).toBeEnabled());
}

/** The answer under a question, in a submission's list of questions and answers. */
function answerTo(item: HTMLElement, question: string): string {
  const term = within(item).getByText(question);
  return term.nextElementSibling?.textContent ?? '';
}
