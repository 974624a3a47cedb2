import { screen, waitFor, within } from '@testing-library/react';
import { type ExerciseLibraryDocument, type ExerciseLibraryEntry, type ExerciseLibraryImportReport } from '@trustwork/contracts';
import { vi } from 'vitest';
import { assistant, clinician } from '../../../test/fixtures';
import { mockApi, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { hearingHurt, ownTemplate } from './library-fixtures';

const walk: Omit<ExerciseLibraryEntry, 'key'> = {
  title: 'Evening walk together',
  phase: 7,
  audience: 'together',
  otherAudiences: [],
  sheet: 'shared',
  cadence: { kind: 'weekly', timesPerWeek: 2 },
  minutes: 30,
  purpose: 'Time side by side without screens.',
  instructions: 'Walk for twenty minutes after dinner.',
  clinicianNotes: 'Only once both feel safe alone together.',
  prompts: [{ type: 'yes-no', key: 'walked', label: 'Did you go for the walk?', required: true }],
  version: 1,
};

function library(exercises: ExerciseLibraryDocument['exercises'] = [{ key: 'evening-walk-together', ...walk }]): ExerciseLibraryDocument {
  return {
    format: 'trustwork.exercise-library',
    formatVersion: 1,
    // Half past midnight on the 15th in London, the practice's zone, but still the 14th in UTC: the file takes the practice's date.
    exportedAt: '2026-07-14T23:30:00.000Z',
    source: { practiceName: 'Harbour Lane Counselling' },
    exercises,
  };
}

const threeExercises = library([
  { key: 'evening-walk-together', ...walk },
  { key: 'morning-coffee', ...walk, title: 'Morning coffee' },
  { key: 'pause', ...walk, title: 'Pause before replying' },
]);

function sharingApi(routes: Record<string, MockResponse | ((call: { body: unknown }) => MockResponse)> = {}) {
  return mockApi({ 'GET /api/exercises': { body: [hearingHurt, ownTemplate] }, ...routes });
}

async function openLibrary(signedInAs = clinician) {
  const rendered = renderApp({ route: '/library', signedInAs });
  await screen.findByRole('heading', { level: 1, name: 'Library' });
  return rendered;
}

describe('Exporting the practice’s exercises', () => {
  let downloads: { name: string; text: Promise<string> }[];
  beforeEach(() => {
    downloads = [];
    // jsdom has neither object URLs nor downloads: keep what would have been saved.
    let lastBlob: Blob | null = null;
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        lastBlob = blob;
        return 'blob:library';
      }),
      revokeObjectURL: vi.fn(),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, text: lastBlob?.text() ?? Promise.resolve('') });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads the library as a file named for the practice and the day', async () => {
    const document = library([
      { key: 'evening-walk-together', ...walk },
      { key: 'morning-coffee', ...walk, title: 'Morning coffee' },
    ]);
    const api = sharingApi({ 'GET /api/exercises/export': { body: document } });
    const { user } = await openLibrary();

    // A double-click saves one file.
    await user.dblClick(screen.getByRole('button', { name: 'Export our exercises' }));

    expect(await screen.findByText('2 exercises exported')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/exercises/export')).toHaveLength(1);
    expect(downloads.map((download) => download.name)).toEqual(['trustwork-exercises-harbour-lane-counselling-2026-07-15.json']);
    expect(JSON.parse(await downloads[0].text)).toEqual(document);
  });

  it('says so, and saves no file, when the practice has no exercises of its own', async () => {
    sharingApi({ 'GET /api/exercises/export': { body: library([]) } });
    const { user } = await openLibrary();

    await user.click(screen.getByRole('button', { name: 'Export our exercises' }));

    expect(await screen.findByText('Nothing to export yet')).toBeInTheDocument();
    expect(downloads).toEqual([]);
  });

  it('offers neither export nor import to an assistant, who may not change the library', async () => {
    sharingApi();
    await openLibrary(assistant);
    await screen.findByRole('article', { name: 'Hearing the hurt' });
    expect(screen.queryByRole('button', { name: 'Export our exercises' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import exercises' })).not.toBeInTheDocument();
  });
});

describe('Importing exercises', () => {
  const fileOf = (content: unknown, name = 'library.json') => new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });

  async function openImport() {
    const rendered = await openLibrary();
    await rendered.user.click(screen.getByRole('button', { name: 'Import exercises' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import exercises' });
    const choose = async (file: File) => {
      const input = dialog.querySelector('input[type="file"]');
      if (!(input instanceof HTMLInputElement)) throw new Error('no file input in the import dialog');
      await rendered.user.upload(input, file);
    };
    return { ...rendered, dialog, choose };
  }

  it('shows how many exercises the file holds before importing, then what was done with each', async () => {
    const report: ExerciseLibraryImportReport = {
      created: [{ key: 'morning-coffee', id: 'template-2', title: 'Morning coffee' }],
      updated: [{ key: 'evening-walk-together', id: 'template-1', title: 'Evening walk together', version: 3 }],
      unchanged: [],
      refused: [{ key: 'pause', title: 'Pause before replying', problems: ['prompt "paused": a scale runs from 0 to 10', 'minutes must be a whole number from 1 to 240'] }],
    };
    const api = sharingApi({ 'POST /api/exercises/import': { body: report } });
    const { user, dialog, choose } = await openImport();

    const confirm = within(dialog).getByRole('button', { name: 'Import' });
    expect(confirm).toBeDisabled();
    await choose(fileOf(threeExercises));

    expect(await within(dialog).findByText(/^This file holds 3 exercises from Harbour Lane Counselling, exported /)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/exercises/import')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Import 3 exercises' }));

    const done = await screen.findByRole('dialog', { name: 'Exercises imported' });
    expect(api.callsTo('POST', '/api/exercises/import').map((call) => call.body)).toEqual([threeExercises]);
    expect(within(done).getByRole('status')).toHaveTextContent('1 added, 1 updated, 1 refused.');
    expect(within(done).getByRole('region', { name: '1 new template' })).toHaveTextContent('Morning coffee');
    expect(within(done).getByRole('region', { name: '1 template updated' })).toHaveTextContent('Evening walk together · now version 3');
    expect(within(done).queryByRole('region', { name: /already up to date/ })).not.toBeInTheDocument();
    const refused = within(done).getByRole('region', { name: '1 exercise not imported' });
    expect(refused).toHaveTextContent('Pause before replying');
    expect(within(refused).getByText('minutes must be a whole number from 1 to 240')).toBeInTheDocument();
    // The library behind the dialog is fetched again, with the new templates.
    await waitFor(() => expect(api.callsTo('GET', '/api/exercises').length).toBeGreaterThan(1));

    await user.click(within(done).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('tells a file that is not an exercise library apart, and sends nothing', async () => {
    const api = sharingApi();
    const { dialog, choose } = await openImport();

    await choose(fileOf('{"format": "trustwork.case-export", "case": {}}', 'case.json'));
    expect(await within(dialog).findByText(/This file is not a Trustwork exercise library/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();

    await choose(fileOf('not json', 'notes.json'));
    expect(await within(dialog).findByText(/This file is not a Trustwork exercise library/)).toBeInTheDocument();

    await choose(fileOf(library([])));
    expect(await within(dialog).findByText('This library holds no exercises.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(api.callsTo('POST', '/api/exercises/import')).toHaveLength(0);
  });

  it('lists every reason when nothing in the file could be imported', async () => {
    sharingApi({
      'POST /api/exercises/import': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: ['exercises.0 (evening-walk-together): title must be non-empty and at most 80 characters', 'exercises.0 (evening-walk-together): an exercise needs at least one prompt'],
        },
      },
    });
    const { user, dialog, choose } = await openImport();

    await choose(fileOf(library()));
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 exercise' }));

    const alert = await within(dialog).findByRole('alert', { name: 'Nothing was imported' });
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'exercises.0 (evening-walk-together): title must be non-empty and at most 80 characters',
      'exercises.0 (evening-walk-together): an exercise needs at least one prompt',
    ]);
    expect(screen.getByRole('dialog', { name: 'Import exercises' })).toBeInTheDocument();
  });
});
