import { screen, waitFor, within } from '@testing-library/react';
import { type UserEvent } from '@testing-library/user-event';
import { type CreateExerciseRequest, type UpdateExerciseRequest } from '@trustwork/contracts';
import { clinician, owner } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { exerciseDetail, ownRole, ownTemplate, TEMPLATE_ID } from './library-fixtures';

const templatePath = `/api/exercises/${TEMPLATE_ID}`;

/**
 * Pastes rather than types: each keystroke re-renders the whole editor, which is slow under
 * jsdom. The dialog and the question menu move focus when their transitions end, which on a
 * loaded machine can come after the click: paste again until the text has landed.
 */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await waitFor(async () => {
    if ((field as HTMLInputElement).value !== text) {
      await user.clear(field);
      await user.paste(text);
    }
    expect(field).toHaveValue(text);
  });
}

describe('Practice template editor', () => {
  it('writes a new template with questions of several types, in the chosen order', async () => {
    const saved = exerciseDetail({ ...ownTemplate, title: 'Evening reflection', version: 1 });
    const api = mockApi({
      'GET /api/exercises': { body: [ownRole] },
      'POST /api/exercises': { status: 201, body: saved },
      [`GET ${templatePath}`]: { body: saved },
    });
    const { user } = renderApp({ route: '/library', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'New template' }));
    const editor = await screen.findByRole('dialog', { name: 'New template' });
    await fill(user, within(editor).getByRole('textbox', { name: /^Title/ }), 'Evening reflection');
    await fill(user, within(editor).getByRole('textbox', { name: /^Purpose/ }), 'A short daily look back.');
    await fill(user, within(editor).getByRole('textbox', { name: /^Instructions/ }), 'Take five quiet minutes.');
    await fill(user, within(editor).getByRole('textbox', { name: /^Notes for the clinician/ }), 'Keep it light.');
    const first = within(editor).getByRole('group', { name: 'Question 1' });
    await fill(user, within(first).getByRole('textbox', { name: /^Question/ }), 'What went well today?');

    await user.click(within(editor).getByRole('button', { name: 'Add a question' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Scale from 0 to 10' }));
    const second = within(editor).getByRole('group', { name: 'Question 2' });
    await fill(user, within(second).getByRole('textbox', { name: /^Question/ }), 'How close did you feel?');
    await fill(user, within(second).getByRole('textbox', { name: /^Words for 0/ }), 'Far apart');
    await fill(user, within(second).getByRole('textbox', { name: /^Words for 10/ }), 'Very close');
    await user.click(within(second).getByRole('button', { name: 'Move question 2 up' }));

    await user.click(within(editor).getByRole('button', { name: 'Save template' }));

    expect(await screen.findByText('"Evening reflection" added to your practice\'s templates.')).toBeInTheDocument();
    const request = api.callsTo('POST', '/api/exercises')[0]?.body as CreateExerciseRequest;
    expect(request).toMatchObject({
      title: 'Evening reflection',
      phase: 1,
      audience: 'each',
      cadence: { kind: 'once', dueInDays: 7 },
      purpose: 'A short daily look back.',
      instructions: 'Take five quiet minutes.',
      clinicianNotes: 'Keep it light.',
    });
    expect(request.prompts).toEqual([
      { type: 'scale', key: 'how-close-did-you-feel', label: 'How close did you feel?', required: true, min: 0, max: 10, minLabel: 'Far apart', maxLabel: 'Very close' },
      { type: 'text', key: 'what-went-well-today', label: 'What went well today?', required: true, multiline: true, maxLength: 2000 },
    ]);
    expect(await screen.findByRole('dialog', { name: 'Evening reflection' })).toBeInTheDocument();
  });

  it('saves a template without notes for the clinician', async () => {
    const saved = exerciseDetail({ ...ownTemplate, title: 'Quiet minute', version: 1 });
    const api = mockApi({
      'GET /api/exercises': { body: [] },
      'POST /api/exercises': { status: 201, body: { ...saved, clinicianNotes: '' } },
      [`GET ${templatePath}`]: { body: { ...saved, clinicianNotes: '' } },
    });
    const { user } = renderApp({ route: '/library', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'New template' }));
    const editor = await screen.findByRole('dialog', { name: 'New template' });
    await fill(user, within(editor).getByRole('textbox', { name: /^Title/ }), 'Quiet minute');
    await fill(user, within(editor).getByRole('textbox', { name: /^Purpose/ }), 'A pause before talking.');
    await fill(user, within(editor).getByRole('textbox', { name: /^Instructions/ }), 'Sit together for one minute.');
    await fill(user, within(within(editor).getByRole('group', { name: 'Question 1' })).getByRole('textbox', { name: /^Question/ }), 'How was it?');
    expect(within(editor).getByRole('textbox', { name: /^Notes for the clinician/ })).not.toBeRequired();
    await user.click(within(editor).getByRole('button', { name: 'Save template' }));

    expect(await screen.findByText('"Quiet minute" added to your practice\'s templates.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/exercises')[0]?.body).toMatchObject({ title: 'Quiet minute', clinicianNotes: '' });
    // The saved template's preview has no empty notes box.
    const preview = await screen.findByRole('dialog', { name: 'Quiet minute' });
    expect(within(preview).queryByRole('heading', { name: 'Notes for the clinician' })).not.toBeInTheDocument();
  });

  it('asks for what is missing before saving', async () => {
    const api = mockApi({ 'GET /api/exercises': { body: [] } });
    const { user } = renderApp({ route: '/library', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'New template' }));
    const editor = await screen.findByRole('dialog', { name: 'New template' });
    await user.click(within(editor).getByRole('button', { name: 'Save template' }));

    expect(within(editor).getByText('Enter a title.')).toBeInTheDocument();
    expect(within(editor).getByText('Enter the question.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/exercises')).toHaveLength(0);

    // With the title given, the first thing missing is further down: the dialog takes the person there.
    await fill(user, within(editor).getByRole('textbox', { name: /^Title/ }), 'Quiet minute');
    await user.click(within(editor).getByRole('button', { name: 'Save template' }));
    await waitFor(() => expect(within(editor).getByRole('textbox', { name: /^Purpose/ })).toHaveFocus());
  });

  it('saves an edit as a new version and shows what the API refused', async () => {
    const detail = exerciseDetail(ownTemplate);
    const api = mockApi({
      'GET /api/exercises': { body: [ownTemplate] },
      [`GET ${templatePath}`]: { body: detail },
      [`PATCH ${templatePath}`]: {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['at least one prompt must be required, so an empty sheet cannot be sent'] },
      },
    });
    const { user } = renderApp({ route: `/library?exercise=${TEMPLATE_ID}`, signedInAs: clinician });

    const drawer = await screen.findByRole('dialog', { name: 'Our morning check-in' });
    await user.click(within(drawer).getByRole('button', { name: 'Edit' }));
    const editor = await screen.findByRole('dialog', { name: 'Edit "Our morning check-in"' });
    const title = within(editor).getByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await fill(user, title, 'Our morning minute');
    await user.click(within(editor).getByRole('button', { name: 'Save new version' }));

    expect(await within(editor).findByText(/at least one prompt must be required/)).toBeInTheDocument();
    const changes = api.callsTo('PATCH', templatePath)[0]?.body as UpdateExerciseRequest;
    expect(changes).toMatchObject({ title: 'Our morning minute', version: 3 });
    // Saved questions keep their keys, so earlier answers still match them.
    expect(changes.prompts?.map((prompt) => prompt.key)).toEqual(detail.prompts.map((prompt) => prompt.key));
  });
});
