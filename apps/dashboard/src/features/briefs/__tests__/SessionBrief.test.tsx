import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type SessionBrief } from '@trustwork/contracts';
import { formatDateTime } from '../../../lib/practice-time';
import { assistant, clinician, practice } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const alex = { id: 'p-alex', displayName: 'Alex Morgan' };
const jordan = { id: 'p-jordan', displayName: 'Jordan Lee' };
const ratings = (count: number, trust: number | null, safety: number | null, heard: number | null, closeness: number | null) => ({ count, trust, safety, heard, closeness });

const brief: SessionBrief = {
  sessionId: 's-1',
  caseId: 'case-1',
  startsAt: '2026-06-17T13:00:00.000Z',
  session: { durationMinutes: 50, status: 'scheduled', kind: 'joint', modality: 'in-person', address: null, videoUrl: null, attendance: [], cancellation: null },
  period: {
    from: '2026-06-10T09:00:00.000Z',
    to: '2026-06-17T08:00:00.000Z',
    fromDate: '2026-06-10',
    toDate: '2026-06-17',
    since: 'previous-session',
    previousSession: { id: 's-0', startsAt: '2026-06-10T09:00:00.000Z', status: 'completed' },
  },
  participants: [alex, jordan],
  homework: [
    {
      participantId: alex.id,
      done: [{ assignmentId: 'a-1', title: 'Promise log', on: '2026-06-11' }],
      missed: [{ assignmentId: 'a-1', title: 'Promise log', on: '2026-06-12' }],
      overdue: [{ assignmentId: 'a-1', title: 'Promise log', on: '2026-06-16' }],
    },
    { participantId: jordan.id, done: [], missed: [], overdue: [] },
  ],
  answers: [
    { id: 'sub-1', assignmentId: 'a-1', title: 'Promise log', participantId: alex.id, occurrenceOn: '2026-06-11', submittedAt: '2026-06-11T19:00:00.000Z', shared: false },
    { id: 'sub-2', assignmentId: 'a-2', title: 'Our openness agreement', participantId: jordan.id, occurrenceOn: '2026-06-13', submittedAt: '2026-06-13T19:00:00.000Z', shared: true },
  ],
  checkIns: [
    { participantId: alex.id, period: ratings(2, 6, 7, 5, 4), earlier: ratings(1, 3, 7, 5.5, 4), earlierFrom: '2026-06-03T10:00:00.000Z' },
    { participantId: jordan.id, period: ratings(0, null, null, null, null), earlier: ratings(0, null, null, null, null), earlierFrom: null },
  ],
  measures: {
    scores: [{ measureKey: 'csi-4', participantId: jordan.id, score: 11, belowCutoff: true, occurrenceOn: '2026-06-14', submittedAt: '2026-06-14T18:00:00.000Z' }],
    summaries: [
      {
        key: 'csi-4',
        exerciseId: 'measure:csi-4',
        version: 1,
        title: 'Couples Satisfaction Index (CSI-4)',
        shortTitle: 'CSI-4',
        purpose: 'Satisfaction.',
        itemCount: 4,
        minScore: 0,
        maxScore: 21,
        cutoff: 13.5,
        cutoffMeaning: 'Distress.',
        relationshipTypes: ['couple'],
      },
    ],
  },
  events: [{ id: 'e-1', kind: 'setback', occurredOn: '2026-06-14', title: 'A hard weekend', participantId: jordan.id, createdAt: '2026-06-15T09:00:00.000Z' }],
  openAlerts: [{ id: 'al-1', kind: 'safety-report', participantId: jordan.id, summary: 'Safety report marked urgent', raisedAt: '2026-06-15T20:00:00.000Z' }],
  safetyReports: [{ id: 'r-1', participantId: jordan.id, urgency: 'urgent', submittedAt: '2026-06-15T20:00:00.000Z', acknowledgedAt: null }],
  phase: {
    number: 4,
    title: 'Openness and reliability',
    summary: 'Small promises are kept day after day.',
    suggestions: [
      { exerciseId: 'builtin:transparency-agreement', title: 'Our openness agreement', purpose: 'Agree what is open.', minutes: 45, assigned: false },
      { exerciseId: 'builtin:promise-log', title: 'Promise log', purpose: 'Promises kept.', minutes: 5, assigned: true },
    ],
  },
  unsignedAgreements: [
    { agreementId: 'builtin:informed-consent', title: 'Informed consent for relational therapy', participants: [jordan] },
    { agreementId: 'builtin:no-secrets', title: 'No-secrets policy', participants: [alex, jordan] },
  ],
};

const noChange = ratings(0, null, null, null, null);
const quietBrief: SessionBrief = {
  ...brief,
  period: { ...brief.period, since: 'case-opened', previousSession: null },
  homework: brief.homework.map((homework) => ({ ...homework, done: [], missed: [], overdue: [] })),
  answers: [],
  checkIns: brief.checkIns.map((series) => ({ ...series, period: noChange, earlier: noChange })),
  measures: { scores: [], summaries: [] },
  events: [],
  openAlerts: [],
  safetyReports: [],
  unsignedAgreements: [],
};

const BRIEF_PATH = '/api/sessions/s-1/brief';
const section = (name: string) => screen.getByRole('region', { name });

describe('the session brief', () => {
  it('shows every section of the brief, with links to where each is read in full', async () => {
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: brief } });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Session brief' })).toBeInTheDocument();
    expect(await screen.findByText(/^Alex Morgan & Jordan Lee · /)).toBeInTheDocument();
    expect(screen.getByText(/^Since the session on .* \(completed\), up to /)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open case' })).toHaveAttribute('href', '/cases/case-1');

    const alerts = section('Open alerts');
    expect(within(alerts).getByText('Safety report marked urgent')).toBeInTheDocument();
    expect(within(alerts).getByRole('link', { name: 'Open the case’s alerts' })).toHaveAttribute('href', '/cases/case-1');
    const reports = section('Safety reports');
    expect(within(reports).getByText('Urgent')).toBeInTheDocument();
    expect(within(reports).getByText('Not yet acknowledged')).toBeInTheDocument();

    const checkIns = section('Check-ins');
    const alexTable = within(checkIns).getAllByRole('table')[0];
    expect(within(alexTable).getByRole('row', { name: /Trust 6 3 up 3/ })).toBeInTheDocument();
    expect(within(alexTable).getByRole('row', { name: /Feeling heard 5 5.5 down 0.5/ })).toBeInTheDocument();
    expect(within(alexTable).getByRole('row', { name: /Feeling safe 7 7 no change/ })).toBeInTheDocument();
    expect(alexTable).toHaveTextContent(`2 check-ins this period, against their last 1 before it (since ${formatDateTime('2026-06-03T10:00:00.000Z', practice.timeZone)})`);
    expect(within(checkIns).getAllByRole('table')[1]).toHaveTextContent('0 check-ins this period, and none before it');
    expect(within(checkIns).getByRole('link', { name: 'See the Progress tab' })).toHaveAttribute('href', '/cases/case-1/progress');

    const homework = section('Homework');
    expect(within(homework).getByText('1 done · 1 missed · 1 overdue')).toBeInTheDocument();
    expect(within(homework).getByText('0 done · 0 missed · 0 overdue')).toBeInTheDocument();
    expect(within(homework).getByText('Overdue')).toBeInTheDocument();
    expect(within(homework).getByRole('link', { name: 'Open the Homework tab' })).toHaveAttribute('href', '/cases/case-1/homework');

    const answers = section('Answers sent');
    const [privateAnswer, sharedAnswer] = within(answers).getAllByRole('listitem');
    expect(privateAnswer).toHaveTextContent(/Promise log.*by Alex Morgan.*Private/);
    expect(sharedAnswer).toHaveTextContent(/Our openness agreement.*by Jordan Lee.*Shared with the other person/);
    expect(within(answers).getByRole('link', { name: 'Read them in the Homework tab' })).toHaveAttribute('href', '/cases/case-1/homework');

    const measures = section('Measures');
    expect(measures).toHaveTextContent(/CSI-4.*Jordan Lee: 11 of 21/);
    expect(within(measures).getByText('Below the cut-off of 13.5')).toBeInTheDocument();

    expect(within(section('New on the timeline')).getByText('A hard weekend')).toBeInTheDocument();

    const agreements = section('Agreements not signed');
    expect(within(agreements).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Informed consent for relational therapy: not signed yet by Jordan Lee',
      'No-secrets policy: not signed yet by Alex Morgan and Jordan Lee',
    ]);
    expect(within(agreements).getByRole('link', { name: 'Open the Agreements tab' })).toHaveAttribute('href', '/cases/case-1/agreements');

    const phase = section('Phase 4: Openness and reliability');
    const assign = within(phase).getByRole('link', { name: 'Assign Our openness agreement' });
    expect(assign).toHaveAttribute('href', '/cases/case-1/homework?assign=builtin%3Atransparency-agreement');
    // A button clips its label when squeezed, so beside a long purpose it keeps its width.
    expect(assign).toHaveStyle({ flexShrink: '0' });
    expect(within(phase).getByText('Already given')).toBeInTheDocument();
    expect(within(phase).queryByRole('link', { name: 'Assign Promise log' })).not.toBeInTheDocument();
  });

  it('says in its header who comes, where, and who has confirmed', async () => {
    const session: SessionBrief['session'] = {
      ...brief.session,
      address: '12 Harbour Lane\nLeith',
      attendance: [
        { participantId: alex.id, response: 'confirmed', respondedAt: '2026-06-16T10:00:00.000Z' },
        { participantId: jordan.id, response: null, respondedAt: null },
      ],
    };
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: { ...brief, session } } });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });

    expect(await screen.findByText(/^Alex Morgan & Jordan Lee · .* · Joint · 12 Harbour Lane$/)).toBeInTheDocument();
    expect(screen.getByText('Alex Morgan: Confirmed')).toBeInTheDocument();
    expect(screen.getByText('Jordan Lee: Not confirmed yet')).toBeInTheDocument();
  });

  it('says when the session is with one person by video, or was cancelled late', async () => {
    const withJordan: SessionBrief['session'] = { ...brief.session, kind: 'individual', modality: 'video', attendance: [{ participantId: jordan.id, response: null, respondedAt: null }] };
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: { ...brief, session: withJordan } } });
    const { unmount } = renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });
    expect(await screen.findByText(/ · With Jordan · Video$/)).toBeInTheDocument();
    expect(screen.getByText('Jordan Lee: Not confirmed yet')).toBeInTheDocument();
    expect(screen.queryByText(/^Alex Morgan:/)).not.toBeInTheDocument();
    unmount();

    const cancelled: SessionBrief['session'] = {
      ...brief.session,
      status: 'cancelled',
      cancellation: { by: { kind: 'participant', participantId: alex.id }, at: '2026-06-17T07:00:00.000Z', late: true, reason: 'Unwell.' },
    };
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: { ...brief, session: cancelled } } });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });
    expect(await screen.findByText('Late cancellation by Alex Morgan')).toBeInTheDocument();
  });

  it('says when the session it starts from was never marked as held', async () => {
    const previousSession = { id: 's-0', startsAt: '2026-06-10T09:00:00.000Z', status: 'scheduled' } as const;
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: { ...brief, period: { ...brief.period, previousSession } } } });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });

    expect(await screen.findByText(/^Since the session on .* \(not marked as held yet\), up to /)).toBeInTheDocument();
  });

  it('prints the brief from the Print button', async () => {
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: brief } });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });

    await userEvent.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('says plainly when a section has nothing since the case opened', async () => {
    mockApi({ [`GET ${BRIEF_PATH}`]: { body: quietBrief } });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });

    expect(await screen.findByText(/^Since the case opened on /)).toBeInTheDocument();
    expect(within(section('Open alerts')).getByText('No open alerts.')).toBeInTheDocument();
    expect(within(section('Safety reports')).getByText('No safety reports in this period.')).toBeInTheDocument();
    expect(within(section('Check-ins')).getByText('No check-ins in this period or before it.')).toBeInTheDocument();
    expect(within(section('Homework')).getByText('No homework was due in this period.')).toBeInTheDocument();
    expect(within(section('Answers sent')).getByText('No answers were sent in this period.')).toBeInTheDocument();
    expect(within(section('Measures')).getByText('No measures were scored in this period.')).toBeInTheDocument();
    expect(within(section('New on the timeline')).getByText('Nothing new on the timeline.')).toBeInTheDocument();
    // Everything signed: the section is left out rather than saying so.
    expect(screen.queryByRole('region', { name: 'Agreements not signed' })).not.toBeInTheDocument();
  });

  it('shows loading, then a failure with a way to try again', async () => {
    let answer: { status: number; body: unknown } = { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side.' } };
    const api = mockApi({ [`GET ${BRIEF_PATH}`]: () => answer });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });

    expect(screen.getByRole('status', { name: 'Loading the brief' })).toBeInTheDocument();
    expect(await screen.findByText("We couldn't load the brief", {}, { timeout: 5000 })).toBeInTheDocument();
    answer = { status: 200, body: brief };
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Homework' })).toBeInTheDocument();
    expect(api.callsTo('GET', BRIEF_PATH).length).toBeGreaterThanOrEqual(2);
  });

  it('answers a session it cannot find as not found', async () => {
    mockApi({ [`GET ${BRIEF_PATH}`]: { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'No session with that id in your caseload.' } } });
    renderApp({ route: '/sessions/s-1/brief', signedInAs: clinician });
    expect(await screen.findByText("We couldn't find this session")).toBeInTheDocument();
  });

  it('never asks for the brief as an assistant', async () => {
    const api = mockApi({});
    renderApp({ route: '/sessions/s-1/brief', signedInAs: assistant });
    expect(await screen.findByText("The brief isn't available to your role")).toBeInTheDocument();
    expect(api.callsTo('GET', BRIEF_PATH)).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument();
  });
});
