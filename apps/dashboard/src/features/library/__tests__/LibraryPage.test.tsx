import { screen, waitFor, within } from '@testing-library/react';
import { type ExerciseSummary } from '@trustwork/contracts';
import { assistant, clinician, owner } from '../../../test/fixtures';
import { mockApi, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { exerciseDetail, hardDay, hearingHurt, ownRole, ownTemplate, TEMPLATE_ID } from './library-fixtures';

const exercisePath = (id: string) => `/api/exercises/${encodeURIComponent(id)}`;

function libraryApi(list: ExerciseSummary[] = [ownRole, hearingHurt, hardDay, ownTemplate], routes: Record<string, MockResponse> = {}) {
  return mockApi({
    'GET /api/exercises': { body: list },
    ...Object.fromEntries(list.map((exercise) => [`GET ${exercisePath(exercise.id)}`, { body: exerciseDetail(exercise) }])),
    ...routes,
  });
}

describe('Library', () => {
  it('lists the exercises under their programme phase, in the programme order', async () => {
    libraryApi();
    renderApp({ route: '/library', signedInAs: clinician });

    const phaseOne = await screen.findByRole('region', { name: 'Phase 1 · Taking ownership' });
    const card = within(phaseOne).getByRole('article', { name: 'Looking honestly at your part' });
    expect(card).toHaveTextContent('The person who broke trust · Once · about 30 minutes');
    expect(within(card).getByText('Built-in')).toBeInTheDocument();

    const phaseThree = screen.getByRole('region', { name: 'Phase 3 · Telling and hearing the hurt' });
    expect(within(phaseThree).getByRole('article', { name: 'Hearing the hurt' })).toHaveTextContent('Both together · Twice a week · about 45 minutes');
    const own = within(screen.getByRole('region', { name: 'Phase 6 · New ways of talking' })).getByRole('article', { name: 'Our morning check-in' });
    expect(within(own).getByText('Your practice · version 3')).toBeInTheDocument();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual([
      'Phase 1 · Taking ownership',
      'Phase 3 · Telling and hearing the hurt',
      'Phase 6 · New ways of talking',
      'Throughout · Patience and self-compassion',
    ]);
  });

  it('sends the filters to the API and keeps them in the address', async () => {
    const api = libraryApi();
    const { user } = renderApp({ route: '/library?q=hurt', signedInAs: clinician });

    await screen.findByRole('region', { name: 'Phase 1 · Taking ownership' });
    expect(api.queriesTo('GET', '/api/exercises')[0]?.get('search')).toBe('hurt');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('hurt');

    await user.click(screen.getByRole('combobox', { name: 'Phase' }));
    await user.click(screen.getByRole('option', { name: 'Throughout · Patience and self-compassion' }));
    await user.click(screen.getByRole('combobox', { name: 'Who does it' }));
    await user.click(screen.getByRole('option', { name: 'Each person, on their own' }));
    await user.click(screen.getByRole('switch', { name: 'Show archived templates' }));

    await waitFor(() => {
      const last = api.queriesTo('GET', '/api/exercises').at(-1);
      expect(Object.fromEntries(last?.entries() ?? [])).toEqual({ search: 'hurt', phase: 'throughout', audience: 'each', includeArchived: 'true' });
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(api.queriesTo('GET', '/api/exercises').at(-1)?.toString()).toBe(''));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('previews the sheet as the client will see it, with every kind of question', async () => {
    libraryApi();
    const { user } = renderApp({ route: '/library', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Looking honestly at your part' }));
    const drawer = await screen.findByRole('dialog', { name: 'Looking honestly at your part' });
    const sheet = await within(drawer).findByRole('group', { name: 'As the client will see it' });

    expect(within(sheet).getByText('Find a quiet half hour and answer in your own words.')).toBeInTheDocument();
    expect(within(sheet).getByRole('textbox', { name: /What did you do\?/ })).toBeDisabled();
    const scale = within(sheet).getByRole('radiogroup', { name: /How fully do you own it\?/ });
    expect(within(scale).getAllByRole('radio')).toHaveLength(11);
    expect(within(scale).getByText('0 = Not at all yet')).toBeInTheDocument();
    expect(within(scale).getByText('10 = Completely')).toBeInTheDocument();
    const yesNo = within(sheet).getByRole('radiogroup', { name: /urge to explain/ });
    expect(within(yesNo).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['yes', 'no']);
    expect(within(sheet).getByRole('checkbox', { name: 'Shame' })).toBeDisabled();
    expect(within(sheet).getByRole('checkbox', { name: 'Relief' })).toBeInTheDocument();
    expect(within(sheet).getByRole('textbox', { name: /When will you talk it through\?/ })).toBeDisabled();

    const notes = within(drawer).getByRole('region', { name: 'Notes for the clinician' });
    expect(notes).toHaveTextContent('Expect explanations to creep in');
  });

  it('duplicates an exercise into the practice and opens the copy', async () => {
    const copy = exerciseDetail({ ...ownTemplate, title: 'Looking honestly at your part (copy)', version: 1, phase: 1 });
    const api = libraryApi(undefined, {
      [`POST ${exercisePath(ownRole.id)}/duplicate`]: { status: 201, body: copy },
    });
    const { user } = renderApp({ route: '/library', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Looking honestly at your part' }));
    const drawer = await screen.findByRole('dialog', { name: 'Looking honestly at your part' });
    await user.click(await within(drawer).findByRole('button', { name: 'Duplicate' }));

    expect(await screen.findByText('Copy saved')).toBeInTheDocument();
    expect(await screen.findByRole('dialog', { name: 'Looking honestly at your part (copy)' })).toBeInTheDocument();
    expect(api.callsTo('POST', `${exercisePath(ownRole.id)}/duplicate`)).toHaveLength(1);
    // The library list is asked again, so the copy appears in it.
    await waitFor(() => expect(api.callsTo('GET', '/api/exercises').length).toBeGreaterThan(1));
  });

  it('asks before archiving one of the practice\'s templates', async () => {
    const api = libraryApi(undefined, {
      [`POST ${exercisePath(TEMPLATE_ID)}/archive`]: { body: exerciseDetail({ ...ownTemplate, archived: true }) },
    });
    const { user } = renderApp({ route: `/library?exercise=${TEMPLATE_ID}`, signedInAs: clinician });

    const drawer = await screen.findByRole('dialog', { name: 'Our morning check-in' });
    expect(within(drawer).getByText(/Version 3, saved by Sam Rivera on/)).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Archive' }));

    const confirm = await screen.findByRole('dialog', { name: 'Archive this template?' });
    expect(api.callsTo('POST', `${exercisePath(TEMPLATE_ID)}/archive`)).toHaveLength(0);
    // A double-click archives it once.
    await user.dblClick(within(confirm).getByRole('button', { name: 'Archive' }));

    expect(await screen.findByText('"Our morning check-in" is archived.')).toBeInTheDocument();
    expect(api.callsTo('POST', `${exercisePath(TEMPLATE_ID)}/archive`)).toHaveLength(1);
  });

  it('lets assistants read the library without changing it', async () => {
    libraryApi();
    renderApp({ route: `/library?exercise=${encodeURIComponent(ownRole.id)}`, signedInAs: assistant });

    const drawer = await screen.findByRole('dialog', { name: 'Looking honestly at your part' });
    expect(await within(drawer).findByRole('group', { name: 'As the client will see it' })).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: 'Duplicate' })).not.toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
  });
});
