import {
  type Assignment,
  type ExercisePrompt,
  type MeasureSummary,
  type Submission,
  type UpdateAssignmentRequest,
} from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';
import { type MockResponse, type RecordedCall } from '../../../test/mock-api';
import { ALEX, CASE_ID, JORDAN } from '../../case-record/__tests__/case-record-fixtures';

export const ASSIGNMENTS_PATH = `/api/cases/${CASE_ID}/assignments`;

export const logPrompts: ExercisePrompt[] = [
  { type: 'text', key: 'today', label: 'What did you share today?', required: true, maxLength: 2000, multiline: true },
  { type: 'scale', key: 'safe', label: 'How safe did you feel?', required: true, min: 0, max: 10, minLabel: 'Not at all', maxLabel: 'Completely' },
  { type: 'yes-no', key: 'asked', label: 'Did you offer before being asked?', required: false },
  {
    type: 'choice',
    key: 'mood',
    label: 'How did it leave you?',
    required: false,
    multiple: true,
    options: [
      { key: 'calm', label: 'Calm' },
      { key: 'hopeful', label: 'Hopeful' },
      { key: 'raw', label: 'Raw' },
    ],
  },
  { type: 'date', key: 'next', label: 'When will you talk about it next?', required: false },
  { type: 'text', key: 'else', label: 'Anything else?', required: false, maxLength: 500, multiline: false },
];

export function assignment(overrides: Partial<Assignment> & Pick<Assignment, 'id'>): Assignment {
  return {
    caseId: CASE_ID,
    exercise: { id: 'builtin:transparency-log', version: 1, title: 'Transparency log', instructions: 'Write a few lines.', prompts: logPrompts },
    audience: 'participant',
    participantId: ALEX,
    dueOn: null,
    recurrence: { frequency: 'weekly', daysOfWeek: [4, 1], startsOn: '2026-03-02', endsOn: '2026-04-30' },
    instructions: null,
    status: 'active',
    createdBy: { id: clinician.id, name: clinician.name },
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    progress: [
      {
        participantId: ALEX,
        occurrences: [
          { on: '2026-02-26', status: 'done' },
          { on: '2026-03-02', status: 'done' },
          { on: '2026-03-05', status: 'overdue' },
          { on: '2026-03-09', status: 'done' },
          { on: '2026-03-12', status: 'due' },
          { on: '2026-03-16', status: 'upcoming' },
          { on: '2026-03-19', status: 'upcoming' },
        ],
      },
    ],
    ...overrides,
  };
}

export const transparencyLog = assignment({ id: 'assignment-log' });

export const listeningTogether = assignment({
  id: 'assignment-listening',
  exercise: { id: 'builtin:hearing-the-hurt', version: 1, title: 'Hearing the hurt', instructions: 'Take turns.', prompts: logPrompts },
  audience: 'together',
  participantId: null,
  dueOn: '2026-03-14',
  recurrence: null,
  instructions: 'Take turns; the listener only reflects back.',
  progress: [
    { participantId: ALEX, occurrences: [{ on: '2026-03-14', status: 'upcoming' }] },
    { participantId: JORDAN, occurrences: [{ on: '2026-03-14', status: 'done' }] },
  ],
});

export function submission(overrides: Partial<Submission> & Pick<Submission, 'id' | 'participant' | 'occurrenceOn'>): Submission {
  return {
    assignmentId: transparencyLog.id,
    answers: {},
    shared: false,
    submittedAt: `${overrides.occurrenceOn}T19:00:00.000Z`,
    ...overrides,
  };
}

/** PATCH /api/assignments/:id answered as the API does: the assignment with the change applied. */
export function patchRoute(current: Assignment) {
  return (call: RecordedCall): MockResponse => ({ body: { ...current, ...(call.body as UpdateAssignmentRequest) } });
}

/** The CSI-4 as GET /api/measures lists it. */
export const csi4: MeasureSummary = {
  key: 'csi-4',
  exerciseId: 'measure:csi-4',
  version: 1,
  title: 'Couples Satisfaction Index (CSI-4)',
  shortTitle: 'CSI-4',
  purpose: 'Four questions on how satisfied each partner is with the relationship, scored 0 to 21.',
  itemCount: 4,
  minScore: 0,
  maxScore: 21,
  cutoff: 13.5,
  cutoffMeaning: 'A score below 13.5 suggests notable distress in the relationship.',
  relationshipTypes: ['couple'],
};
