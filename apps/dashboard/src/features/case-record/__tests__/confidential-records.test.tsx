import { screen, waitFor, within } from '@testing-library/react';
import { type CaseExport } from '@trustwork/contracts';
import { therapySession } from '../../../test/case-fixtures';
import { assistant, clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { ALEX, assistantCaseRecord, CASE_ID, caseApi, caseRecord, JORDAN, setNow } from './case-record-fixtures';

const EXPORT_PATH = `/api/cases/${CASE_ID}/export`;
const exported = (forParticipant?: CaseExport['forParticipant']): CaseExport => ({
  format: 'trustwork.case-export',
  formatVersion: 1,
  exportedAt: '2026-07-15T09:00:00.000Z',
  exportedBy: { id: clinician.id, name: clinician.name },
  forParticipant,
  case: {
    id: CASE_ID,
    relationshipType: 'couple',
    status: 'active',
    phase: 3,
    presentingConcern: null,
    clinicians: [],
    phaseHistory: [],
    createdAt: '2026-03-03T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
    closedAt: null,
  },
  participants: caseRecord.participants,
  events: [],
  sessions: [],
  notes: [],
  draftNotesExcluded: 0,
});

const aboutAlex = therapySession(caseRecord, {
  id: 'session-alex-alone',
  startsAt: '2026-07-07T09:00:00.000Z',
  status: 'completed',
  noteState: 'signed',
  attendeeIds: [ALEX],
  noteAboutParticipantId: ALEX,
});
const joint = therapySession(caseRecord, { id: 'session-joint', startsAt: '2026-07-14T09:00:00.000Z', status: 'completed', noteState: 'signed', noteAboutParticipantId: null });

function rowFor(startsAt: string): HTMLElement {
  const row = document.querySelector(`time[datetime="${startsAt}"]`)?.closest('li');
  if (!row) throw new Error(`No session row at ${startsAt}`);
  return row as HTMLElement;
}

describe('Confidential notes in the sessions list', () => {
  afterEach(() => vi.useRealTimers());

  it('marks a note about one person only, and leaves joint notes unmarked', async () => {
    setNow('2026-07-15T12:00:00.000Z');
    caseApi({ sessions: [joint, aboutAlex] });
    renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    await screen.findByRole('region', { name: 'Past' });
    expect(within(rowFor(aboutAlex.startsAt)).getByText('Confidential: about Alex Morgan only')).toBeInTheDocument();
    expect(within(rowFor(joint.startsAt)).queryByText(/^Confidential:/)).not.toBeInTheDocument();
  });

  it('shows an assistant no note marker', async () => {
    setNow('2026-07-15T12:00:00.000Z');
    caseApi({ detail: assistantCaseRecord, sessions: [aboutAlex] });
    renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: assistant });

    await screen.findByRole('region', { name: 'Past' });
    expect(screen.queryByText(/^Confidential:/)).not.toBeInTheDocument();
  });
});

describe('Exporting the case record', () => {
  /** The file names the browser was asked to save. */
  let downloads: string[];
  beforeEach(() => {
    downloads = [];
    // jsdom has neither object URLs nor downloads.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:export'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  async function openExport() {
    const rendered = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });
    await rendered.user.click(await screen.findByRole('button', { name: 'More actions' }));
    await rendered.user.click(await screen.findByRole('menuitem', { name: /Export case record/ }));
    return { ...rendered, dialog: await screen.findByRole('dialog', { name: 'Export case record' }) };
  }

  it('exports the whole case by default, without naming a participant', async () => {
    const api = caseApi({ routes: { [`GET ${EXPORT_PATH}`]: { body: exported() } } });
    const { user, dialog } = await openExport();

    const choice = within(dialog).getByRole('radiogroup', { name: 'What to export' });
    expect(within(choice).getByRole('radio', { name: 'Whole case' })).toBeChecked();
    // A double-click downloads it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Download file' }));

    await waitFor(() => expect(api.callsTo('GET', EXPORT_PATH)).toHaveLength(1));
    expect(api.queriesTo('GET', EXPORT_PATH)[0].toString()).toBe('');
    expect(await screen.findByText('Case record downloaded')).toBeInTheDocument();
    expect(downloads).toEqual(['trustwork-alex-morgan-jordan-lee-2026-07-15.json']);
  });

  it('exports one person’s records request, explained, for the participant chosen', async () => {
    const api = caseApi({ routes: { [`GET ${EXPORT_PATH}`]: { body: exported({ id: JORDAN, displayName: 'Jordan Lee' }) } } });
    const { user, dialog } = await openExport();

    const forJordan = within(dialog).getByRole('radio', { name: "For Jordan Lee's records request" });
    expect(forJordan).toHaveAccessibleDescription(/Only what belongs to Jordan Lee: joint notes and notes about them.*nothing the other person told you in confidence/);
    await user.click(forJordan);
    await user.click(within(dialog).getByRole('button', { name: 'Download file' }));

    await waitFor(() => expect(api.callsTo('GET', EXPORT_PATH)).toHaveLength(1));
    expect(api.queriesTo('GET', EXPORT_PATH)[0].get('participant')).toBe(JORDAN);
    expect(await screen.findByText('Records for Jordan Lee downloaded')).toBeInTheDocument();
    expect(downloads).toEqual(['trustwork-jordan-lee-records-request-2026-07-15.json']);
  });
});
