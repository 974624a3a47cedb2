import type { ClinicianRef } from './cases';
import type { ExercisePrompt } from './exercises';

/** Who an assignment is for: one participant, each of the two (one assignment apiece), or both together. */
export const AssignTo = { Participant: 'participant', Each: 'each', Together: 'together' } as const;
export type AssignTo = (typeof AssignTo)[keyof typeof AssignTo];
export const ASSIGN_TO: readonly AssignTo[] = Object.values(AssignTo);

/** A stored assignment is for one participant or for both together ('each' makes one per participant). */
export type AssignmentAudience = 'participant' | 'together';

export const AssignmentStatus = { Active: 'active', Paused: 'paused', Cancelled: 'cancelled' } as const;
export type AssignmentStatus = (typeof AssignmentStatus)[keyof typeof AssignmentStatus];
export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = Object.values(AssignmentStatus);

export const RecurrenceFrequency = { Daily: 'daily', Weekly: 'weekly' } as const;
export type RecurrenceFrequency = (typeof RecurrenceFrequency)[keyof typeof RecurrenceFrequency];
export const RECURRENCE_FREQUENCIES: readonly RecurrenceFrequency[] = Object.values(RecurrenceFrequency);

/** Dates are calendar dates (YYYY-MM-DD) in the practice's time zone. */
export interface Recurrence {
  frequency: RecurrenceFrequency;
  /** Weekly only: 0 (Sunday) to 6 (Saturday). */
  daysOfWeek?: number[];
  startsOn: string;
  endsOn: string;
}

/** One date an assignment is due, and where it stands: derived from submissions. */
export const OccurrenceStatus = { Upcoming: 'upcoming', Due: 'due', Overdue: 'overdue', Done: 'done' } as const;
export type OccurrenceStatus = (typeof OccurrenceStatus)[keyof typeof OccurrenceStatus];

export interface Occurrence {
  on: string;
  status: OccurrenceStatus;
}

/** Send `dueOn` for a single sheet, or `recurrence`, not both. */
export interface CreateAssignmentRequest {
  /** `builtin:<key>` or a practice template's id. */
  exerciseId: string;
  /** Defaults to the exercise's current version. */
  version?: number;
  assignTo: AssignTo;
  /** Required with assignTo 'participant'. */
  participantId?: string;
  dueOn?: string;
  recurrence?: Recurrence;
  /** A note from the clinician, shown with the exercise. */
  instructions?: string | null;
}

/** Pause, resume (active) or cancel; a cancelled assignment stays cancelled. */
export interface UpdateAssignmentRequest {
  status?: AssignmentStatus;
  instructions?: string | null;
}

/** The exercise as it was when assigned: a later edit of the template does not change it. */
export interface AssignedExercise {
  id: string;
  version: number;
  title: string;
  instructions: string;
  prompts: ExercisePrompt[];
}

export interface ParticipantProgress {
  participantId: string;
  /** Within the last 8 weeks and the next 2, oldest first. */
  occurrences: Occurrence[];
}

export interface Assignment {
  id: string;
  caseId: string;
  exercise: AssignedExercise;
  audience: AssignmentAudience;
  /** Set for a one-participant assignment, null for a together one. */
  participantId: string | null;
  dueOn: string | null;
  recurrence: Recurrence | null;
  instructions: string | null;
  status: AssignmentStatus;
  createdBy: ClinicianRef | null;
  createdAt: string;
  updatedAt: string;
  /** One entry per participant the assignment is for. */
  progress: ParticipantProgress[];
}

export interface Submission {
  id: string;
  assignmentId: string;
  participant: { id: string; displayName: string };
  occurrenceOn: string;
  answers: Record<string, unknown>;
  /** True when its author chose to let the other participant read it. */
  shared: boolean;
  submittedAt: string;
}

// The portal's side.

export interface SubmitAnswersRequest {
  /** The occurrence answered; by default today's, else the latest one still open, else the next. */
  occurrenceOn?: string;
  answers: Record<string, unknown>;
  shared: boolean;
}

/** An assignment as its participant sees it. */
export interface PortalAssignment {
  id: string;
  title: string;
  instructions: string;
  /** The therapist's note for this assignment. */
  note: string | null;
  prompts: ExercisePrompt[];
  together: boolean;
  dueOn: string | null;
  recurrence: Recurrence | null;
  occurrences: Occurrence[];
}

export interface PortalSubmission {
  id: string;
  assignmentId: string;
  occurrenceOn: string;
  shared: boolean;
  submittedAt: string;
}

/** An answer the other participant chose to share. */
export interface SharedAnswer {
  id: string;
  from: { firstName: string };
  title: string;
  prompts: ExercisePrompt[];
  occurrenceOn: string;
  answers: Record<string, unknown>;
  submittedAt: string;
}
