import { screen, waitFor, within } from '@testing-library/react';
import { clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { CASE_ID, caseApi, caseRecord, setNow } from '../../case-record/__tests__/case-record-fixtures';
import { hearingHurt, ownRole } from '../../library/__tests__/library-fixtures';
import { assignment, ASSIGNMENTS_PATH, csi4 } from './homework-fixtures';

const HOMEWORK = `/cases/${CASE_ID}/homework`;
// Thursday 12 March 2026, mid-morning in London.
const NOW = '2026-03-12T10:00:00.000Z';

function homeworkApi(detail = caseRecord) {
  return caseApi({
    detail,
    routes: {
      [`GET ${ASSIGNMENTS_PATH}`]: { body: [assignment({ id: 'assignment-log' })] },
      'GET /api/exercises': { body: [ownRole, hearingHurt] },
      'GET /api/measures': { body: [csi4] },
      [`POST ${ASSIGNMENTS_PATH}`]: {
        status: 201,
        body: [assignment({ id: 'made-1', exercise: { id: csi4.exerciseId, version: 1, title: csi4.title, instructions: '', prompts: [] } })],
      },
    },
  });
}

async function openExercisePicker(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Assign homework' }));
  const dialog = screen.getByRole('dialog', { name: 'Assign homework' });
  const exercise = within(dialog).getByRole('combobox', { name: /exercise/i });
  await waitFor(() => expect(exercise).toBeEnabled());
  await user.click(exercise);
  return dialog;
}

describe('Assigning a questionnaire', () => {
  afterEach(() => vi.useRealTimers());

  it('offers the CSI-4 to a couple with its purpose, to each of them or one, never on a shared sheet', async () => {
    setNow(NOW);
    const api = homeworkApi();
    const { user } = renderApp({ route: HOMEWORK, signedInAs: clinician });

    const dialog = await openExercisePicker(user);
    await user.click(await screen.findByRole('option', { name: /Couples Satisfaction Index/ }));

    expect(within(dialog).getByText(csi4.purpose)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Each of them, on their own sheet' })).toBeChecked();
    expect(within(dialog).queryByRole('radio', { name: /Both together/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('radio', { name: 'Every day' })).not.toBeInTheDocument();

    // Every Monday for four weeks.
    await user.click(within(dialog).getByRole('radio', { name: 'Weekly' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Monday' }));
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(await screen.findByText('Questionnaire assigned')).toBeInTheDocument();
    expect(api.callsTo('POST', ASSIGNMENTS_PATH).map((call) => call.body)).toEqual([
      {
        exerciseId: 'measure:csi-4',
        assignTo: 'each',
        recurrence: { frequency: 'weekly', daysOfWeek: [1], startsOn: '2026-03-12', endsOn: '2026-04-08' },
      },
    ]);
  });

  it('assigns it once to one partner, due in a week by default', async () => {
    setNow(NOW);
    const api = homeworkApi();
    const { user } = renderApp({ route: HOMEWORK, signedInAs: clinician });

    const dialog = await openExercisePicker(user);
    await user.click(await screen.findByRole('option', { name: /Couples Satisfaction Index/ }));
    await user.click(within(dialog).getByRole('radio', { name: 'Jordan Lee only' }));
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    await screen.findByText('Questionnaire assigned');
    expect(api.callsTo('POST', ASSIGNMENTS_PATH).map((call) => call.body)).toEqual([
      { exerciseId: 'measure:csi-4', assignTo: 'participant', participantId: caseRecord.participants[1]?.id, dueOn: '2026-03-19' },
    ]);
  });

  it('does not offer a couples questionnaire to a parent and child', async () => {
    setNow(NOW);
    homeworkApi({ ...caseRecord, relationshipType: 'parent-child' });
    const { user } = renderApp({ route: HOMEWORK, signedInAs: clinician });

    await openExercisePicker(user);
    expect(await screen.findByRole('option', { name: /Hearing the hurt/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Couples Satisfaction Index/ })).not.toBeInTheDocument();
  });

  it('opens with an exercise chosen when the address names one', async () => {
    setNow(NOW);
    homeworkApi();
    renderApp({ route: `${HOMEWORK}?assign=${encodeURIComponent(hearingHurt.id)}`, signedInAs: clinician });

    const dialog = await screen.findByRole('dialog', { name: 'Assign homework' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /exercise/i })).toHaveValue('Hearing the hurt'));
    // The exercise's own suggestions came with it.
    expect(within(dialog).getByRole('radio', { name: 'Each of them, on their own sheet' })).toBeChecked();
  });
});
