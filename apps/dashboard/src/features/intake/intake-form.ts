import {
  AssignTo,
  type CreateIntakeRequest,
  type ExerciseSummary,
  type ExistingParticipant,
  type IntakeExercise,
  type IntakeParticipant,
  type Recurrence,
} from '@trustwork/contracts';
import { suggestedAssignment, suggestedSchedule, type Weekday } from '@trustwork/trust-program';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { ApiRequestError } from '../../lib/api-client';
import {
  initialNewCaseValues,
  newCaseErrorsFromApi,
  newCaseValidation,
  toCreateCaseRequest,
  toParticipantInput,
  type NewCaseValues,
} from '../cases/new-case-form';

dayjs.extend(utc);

/** 'each', 'together', or the person's position, '0' or '1' (they have no ids until the case exists). */
export type IntakeWho = typeof AssignTo.Each | typeof AssignTo.Together | '0' | '1';

export interface IntakeExerciseValues {
  exerciseId: string;
  title: string;
  who: IntakeWho | '';
  /** A single sheet's due date; null for a recurring one. */
  dueOn: string | null;
  recurrence: Recurrence | null;
}

export interface IntakeValues extends NewCaseValues {
  /** The earlier record each person is linked to, or null when they are new to the practice. */
  links: [ExistingParticipant | null, ExistingParticipant | null];
  exercises: IntakeExerciseValues[];
  createPortalLinks: boolean;
}

export const INTAKE_STEPS = ['The two people', 'Case details', 'Agreements', 'First exercises', 'Review'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];
export const stepNumber = (step: IntakeStep) => INTAKE_STEPS.indexOf(step);

/** A recurring exercise runs four weeks unless changed on the case: long enough to form a habit, short enough to review. */
const DEFAULT_RUN_DAYS = 27;
const DEFAULT_DUE_IN_DAYS = 7;
const DAY_NUMBERS: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const addDays = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');

export function initialIntakeValues(clinicianIds: string[]): IntakeValues {
  return { ...initialNewCaseValues(clinicianIds), links: [null, null], exercises: [], createPortalLinks: true };
}

/** The person a validation path is about is linked: their details come from the earlier record, so none are checked. */
const linkedAt = (values: IntakeValues, path: string) => values.links[Number(path.split('.')[1])] !== null;

export const intakeValidation = {
  confidentialityPolicyId: newCaseValidation.confidentialityPolicyId,
  participants: {
    displayName: (value: string, values: IntakeValues, path: string) => (linkedAt(values, path) ? null : newCaseValidation.participants.displayName(value)),
    email: (value: string, values: IntakeValues, path: string) => (linkedAt(values, path) ? null : newCaseValidation.participants.email(value)),
    phone: (value: string, values: IntakeValues, path: string) => (linkedAt(values, path) ? null : newCaseValidation.participants.phone(value)),
  },
  exercises: {
    who: (value: string) => (value ? null : 'Choose who does it.'),
    dueOn: (value: string | null, values: IntakeValues, path: string) =>
      values.exercises[Number(path.split('.')[1])]?.recurrence || value ? null : 'Choose the due date.',
  },
};

/** Which step each form field is on, so a refused request opens where the first problem is. */
export function stepOfField(path: string): number {
  if (path.startsWith('participants.') || path === 'relationshipType') return stepNumber('The two people');
  if (path === 'confidentialityPolicyId' || path === 'agreementIds') return stepNumber('Agreements');
  if (path.startsWith('exercises.')) return stepNumber('First exercises');
  return stepNumber('Case details');
}

/** The exercise as first added: who and when from its own audience and cadence, starting today. */
export function suggestedExercise(exercise: ExerciseSummary, values: Pick<IntakeValues, 'participants'>, today: string): IntakeExerciseValues {
  const audience = suggestedAssignment(exercise);
  const position = audience.mode === 'one' ? values.participants.map((participant) => participant.breachRole).indexOf(audience.breachRole) : -1;
  const who: IntakeExerciseValues['who'] = audience.mode === 'one' ? (position === -1 ? '' : (String(position) as '0' | '1')) : audience.mode;
  const schedule = suggestedSchedule(exercise.cadence);
  const run = { startsOn: today, endsOn: addDays(today, DEFAULT_RUN_DAYS) };
  const base = { exerciseId: exercise.id, title: exercise.title, who };
  switch (schedule.kind) {
    case 'daily':
      return { ...base, dueOn: null, recurrence: { frequency: 'daily', ...run } };
    case 'weekly':
      return { ...base, dueOn: null, recurrence: { frequency: 'weekly', daysOfWeek: schedule.days.map((day) => DAY_NUMBERS[day]).sort((a, b) => a - b), ...run } };
    case 'due':
      return { ...base, dueOn: addDays(today, schedule.inDays), recurrence: null };
    case 'open':
      return { ...base, dueOn: addDays(today, DEFAULT_DUE_IN_DAYS), recurrence: null };
  }
}

function toIntakeExercise(exercise: IntakeExerciseValues): IntakeExercise {
  const who =
    exercise.who === AssignTo.Each || exercise.who === AssignTo.Together
      ? { assignTo: exercise.who }
      : { assignTo: AssignTo.Participant, participantIndex: Number(exercise.who) };
  const when = exercise.recurrence ? { recurrence: exercise.recurrence } : { dueOn: exercise.dueOn as string };
  return { exerciseId: exercise.exerciseId, ...who, ...when };
}

/** A linked person is sent as the record to link to and their side of this breach; their details stay the earlier record's. */
export function toCreateIntakeRequest(values: IntakeValues, chooseClinicians: boolean): CreateIntakeRequest {
  const participants = values.participants.map((participant, index): IntakeParticipant => {
    const link = values.links[index];
    return link ? { linkTo: link.id, breachRole: participant.breachRole } : toParticipantInput(participant);
  });
  return {
    ...toCreateCaseRequest(values, chooseClinicians),
    participants,
    exercises: values.exercises.map(toIntakeExercise),
    createPortalLinks: values.createPortalLinks,
  };
}

/** What the API calls an exercise's fields, and where the form shows each. */
const EXERCISE_FIELDS: Record<string, { path: 'exerciseId' | 'who' | 'dueOn'; label: string }> = {
  exerciseId: { path: 'exerciseId', label: 'Exercise' },
  version: { path: 'exerciseId', label: 'Version' },
  assignTo: { path: 'who', label: 'Who does it' },
  participantIndex: { path: 'who', label: 'Who does it' },
  dueOn: { path: 'dueOn', label: 'Due date' },
  recurrence: { path: 'dueOn', label: 'Schedule' },
  'recurrence.startsOn': { path: 'dueOn', label: 'First day' },
  'recurrence.endsOn': { path: 'dueOn', label: 'Last day' },
  'recurrence.daysOfWeek': { path: 'dueOn', label: 'Days' },
  instructions: { path: 'exerciseId', label: 'Note' },
};

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;

/**
 * A refused intake's messages, each under its input: the case and people's as on the New case
 * form, a link's under the linked person, an exercise's ("exercises.1.dueOn must be …",
 * "exercises.1: send either …") under that exercise.
 */
export function intakeErrorsFromApi(error: ApiRequestError): { fieldErrors: Record<string, string>; formMessages: string[] } {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const message of error.status === 400 ? error.messages : []) {
    const exercise = /^exercises\.(\d+)(?:\.(\S+))?:? (.*)$/.exec(message);
    const link = /^(participants\.\d\.linkTo) (.*)$/.exec(message);
    if (exercise) {
      const [, index, field, rest] = exercise;
      const place = field ? EXERCISE_FIELDS[field] : undefined;
      const path = `exercises.${index}.${place?.path ?? 'exerciseId'}`;
      fieldErrors[path] ??= sentence(place ? `${place.label} ${rest}` : rest);
    } else if (link) {
      fieldErrors[link[1]] ??= link[2].startsWith('names the same person')
        ? 'Both people are linked to the same earlier record: keep one of them separate.'
        : 'We couldn’t link to that earlier record. Choose Keep separate and enter their details.';
    } else {
      unplaced.push(message);
    }
  }
  const rest = newCaseErrorsFromApi(error.status === 400 ? new ApiRequestError(error.status, unplaced) : error);
  return { fieldErrors: { ...rest.fieldErrors, ...fieldErrors }, formMessages: rest.formMessages };
}
