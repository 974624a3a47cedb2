import type { CaseEventKind } from './cases';
import type { MeasureScore, MeasureSummary } from './measures';

/** Calendar dates (YYYY-MM-DD) in the practice's time zone, both included. */
export interface ProgressQuery {
  /** Defaults to `to` minus 12 weeks. */
  from?: string;
  /** Defaults to today. */
  to?: string;
}

/** The longest range one progress request covers. */
export const PROGRESS_MAX_DAYS = 731;
/** Ranges longer than this come back as weekly averages instead of single check-ins. */
export const PROGRESS_WEEKLY_AFTER_DAYS = 92;
export const PROGRESS_DEFAULT_WEEKS = 12;

/**
 * One check-in, or with `granularity` 'week' the average of a week's check-ins (one
 * decimal). `on` is the check-in's date, or the Monday the week starts.
 */
export interface CheckInPoint {
  on: string;
  trust: number;
  safety: number;
  heard: number;
  closeness: number;
  /** How many check-ins the point stands for. */
  count: number;
}

/** Homework done against homework due, in one week (Monday to Sunday), up to today. */
export interface HomeworkWeek {
  weekOf: string;
  due: number;
  done: number;
  /** done / due, 0-1; null in a week with nothing due. */
  rate: number | null;
}

export interface ParticipantProgressSeries {
  participantId: string;
  displayName: string;
  checkIns: CheckInPoint[];
  measures: MeasureScore[];
  homework: HomeworkWeek[];
}

export interface ProgressEvent {
  id: string;
  kind: CaseEventKind;
  occurredOn: string;
  title: string;
  participantId: string | null;
}

export interface ProgressPhaseChange {
  phase: number;
  /** The practice-local date it changed. */
  on: string;
  changedAt: string;
}

export interface CaseProgress {
  caseId: string;
  from: string;
  to: string;
  granularity: 'check-in' | 'week';
  /** Both participants, in the case's order. */
  participants: ParticipantProgressSeries[];
  /** The measures that have scores in range, for their cut-offs and scales. */
  measures: MeasureSummary[];
  events: ProgressEvent[];
  phaseChanges: ProgressPhaseChange[];
}
