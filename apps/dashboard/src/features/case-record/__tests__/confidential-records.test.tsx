import { screen, waitFor, within } from '@testing-library/react';
import { type CaseExport, type CurrentUser, type StepUpRequest } from '@trustwork/contracts';
import { therapySession } from '../../../test/case-fixtures';
import { assistant, clinician } from '../../../test/fixtures';
import { type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { refusal, STEP_UP_REFUSAL } from '../../account/__tests__/account-fixtures';
import { ALEX, assistantCaseRecord, CASE_ID, caseApi, caseRecord, JORDAN, setNow } from './case-record-fixtures';

const EXPORT_PATH = `/api/cases/${CASE_ID}/export`;
const PDF_FILE = 'Readable PDF';
const JSON_FILE = 'JSON (for transferring to another system)';
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
  signatures: [],
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
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  /** Opens the export dialog and chooses the file type (JSON unless told). */
  async function openExport(signedInAs: CurrentUser = clinician, fileType = JSON_FILE) {
    const rendered = renderApp({ route: `/cases/${CASE_ID}`, signedInAs });
    await rendered.user.click(await screen.findByRole('button', { name: 'More actions' }));
    await rendered.user.click(await screen.findByRole('menuitem', { name: /Export case record/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Export case record' });
    await rendered.user.click(within(dialog).getByRole('radio', { name: fileType }));
    return { ...rendered, dialog };
  }

  it('offers a readable PDF first, and saves it under the name the API gives, for the whole case or one person', async () => {
    const pdf = (fileName: string) => ({
      body: '%PDF-1.7',
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${fileName}"` },
    });
    const api = caseApi({
      routes: {
        [`GET ${EXPORT_PATH}`]: (call) =>
          pdf(call.query.get('participant') ? 'trustwork-case-records-request.pdf' : 'trustwork-case-record.pdf'),
      },
    });
    const { user, dialog } = await openExport(clinician, PDF_FILE);

    const fileType = within(dialog).getByRole('radiogroup', { name: 'File type' });
    expect(within(fileType).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['pdf', 'json']);
    expect(within(fileType).getByRole('radio', { name: PDF_FILE })).toHaveAccessibleDescription(/page numbers/);
    await user.dblClick(within(dialog).getByRole('button', { name: 'Download file' }));

    expect(await screen.findByText('Case record downloaded')).toBeInTheDocument();
    expect(downloads).toEqual(['trustwork-case-record.pdf']);

    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: /Export case record/ }));
    const again = await screen.findByRole('dialog', { name: 'Export case record' });
    // The dialog starts afresh: the whole case, as a PDF.
    expect(within(again).getByRole('radio', { name: PDF_FILE })).toBeChecked();
    await user.click(within(again).getByRole('radio', { name: "For Jordan Lee's records request" }));
    await user.click(within(again).getByRole('button', { name: 'Download file' }));

    expect(await screen.findByText('Records for Jordan Lee downloaded')).toBeInTheDocument();
    expect(downloads).toEqual(['trustwork-case-record.pdf', 'trustwork-case-records-request.pdf']);
    expect(api.queriesTo('GET', EXPORT_PATH).map((query) => query.toString())).toEqual(['format=pdf', `participant=${JORDAN}&format=pdf`]);
  });

  it('falls back to a readable file name when the API gives none', async () => {
    setNow('2026-07-15T12:00:00.000Z');
    caseApi({ routes: { [`GET ${EXPORT_PATH}`]: { body: '%PDF-1.7', headers: { 'Content-Type': 'application/pdf' } } } });
    const { user, dialog } = await openExport(clinician, PDF_FILE);

    await user.click(within(dialog).getByRole('button', { name: 'Download file' }));
    expect(await screen.findByText('Case record downloaded')).toBeInTheDocument();
    expect(downloads).toEqual(['trustwork-alex-morgan-jordan-lee-2026-07-15.pdf']);
  });

  it('exports the whole case as JSON, naming neither a format nor a participant', async () => {
    const api = caseApi({ routes: { [`GET ${EXPORT_PATH}`]: { body: exported() } } });
    const { user, dialog } = await openExport();

    const choice = within(dialog).getByRole('radiogroup', { name: 'What to export' });
    expect(within(choice).getByRole('radio', { name: 'Whole case' })).toBeChecked();
    // A double-click downloads it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Download file' }));

    await waitFor(() => expect(api.callsTo('GET', EXPORT_PATH)).toHaveLength(1));
    // JSON is the API's default, so the request names no format.
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

  describe('when the last check of who is there is more than five minutes old', () => {
    /** The export refused until a step-up passes, as the API does. */
    function stepUpApi(document: CaseExport, stepUp: (body: StepUpRequest) => MockResponse) {
      let verified = false;
      return caseApi({
        routes: {
          [`GET ${EXPORT_PATH}`]: () => (verified ? { body: document } : STEP_UP_REFUSAL),
          'POST /api/me/step-up': (call) => {
            const answer = stepUp(call.body as StepUpRequest);
            verified = (answer.status ?? 200) === 200;
            return answer;
          },
        },
      });
    }
    const verifiedUntil = { body: { verifiedUntil: '2026-07-15T09:05:00.000Z' } };

    it('asks for the password of someone without two-factor, then downloads the case', async () => {
      const api = stepUpApi(exported(), () => verifiedUntil);
      const { user, dialog } = await openExport();

      await user.dblClick(within(dialog).getByRole('button', { name: 'Download file' }));
      const check = await screen.findByRole('dialog', { name: "Confirm it's you" });
      expect(check).toHaveTextContent("you won't be asked again for 5 minutes");
      await user.type(within(check).getByLabelText(/^Your password/), 'correct horse battery');
      await user.dblClick(within(check).getByRole('button', { name: 'Confirm' }));

      expect(await screen.findByText('Case record downloaded')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/me/step-up').map((call) => call.body)).toEqual([{ password: 'correct horse battery' }]);
      // Refused once, then tried once more.
      expect(api.callsTo('GET', EXPORT_PATH)).toHaveLength(2);
      expect(downloads).toEqual(['trustwork-alex-morgan-jordan-lee-2026-07-15.json']);
    });

    it("asks for a code when the person has two-factor, keeps asking after a wrong one, and exports one person's records", async () => {
      const api = stepUpApi(exported({ id: JORDAN, displayName: 'Jordan Lee' }), ({ code }) =>
        code === '246810' ? verifiedUntil : refusal(400, ['code is not right, or was already used: enter the code your authenticator app shows now']),
      );
      const { user, dialog } = await openExport({ ...clinician, twoFactorEnabled: true });

      await user.click(within(dialog).getByRole('radio', { name: "For Jordan Lee's records request" }));
      await user.click(within(dialog).getByRole('button', { name: 'Download file' }));
      const check = await screen.findByRole('dialog', { name: "Confirm it's you" });
      const code = within(check).getByRole('textbox', { name: /^6-digit code/ });
      await user.type(code, '135791');
      await user.click(within(check).getByRole('button', { name: 'Confirm' }));

      await waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining('code is not right, or was already used')));
      expect(api.callsTo('GET', EXPORT_PATH)).toHaveLength(1);

      await user.clear(code);
      await user.type(code, '246810');
      await user.click(within(check).getByRole('button', { name: 'Confirm' }));

      expect(await screen.findByText('Records for Jordan Lee downloaded')).toBeInTheDocument();
      expect(api.queriesTo('GET', EXPORT_PATH).map((query) => query.get('participant'))).toEqual([JORDAN, JORDAN]);
    });

    it('exports nothing when the check is cancelled, and says why', async () => {
      const api = stepUpApi(exported(), () => verifiedUntil);
      const { user, dialog } = await openExport();

      await user.click(within(dialog).getByRole('button', { name: 'Download file' }));
      const check = await screen.findByRole('dialog', { name: "Confirm it's you" });
      await user.click(within(check).getByRole('button', { name: 'Cancel' }));

      expect(await within(dialog).findByRole('alert')).toHaveTextContent(STEP_UP_REFUSAL.body.message);
      expect(api.callsTo('POST', '/api/me/step-up')).toHaveLength(0);
      expect(api.callsTo('GET', EXPORT_PATH)).toHaveLength(1);
      expect(downloads).toEqual([]);
    });
  });
});
