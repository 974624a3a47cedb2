import { AUDIENCE_BREACH_ROLE, type Exercise, type ExerciseCadence } from './types';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Default days when finishing a once-only sheet. */
export const DEFAULT_DUE_IN_DAYS = 7;

/**
 * A starting point for an assignment's schedule, derived from an exercise's cadence.
 * - `due`: one sheet, due `inDays` days after it is assigned
 * - `daily`: every day
 * - `weekly`: on the given days of the week
 * - `open`: no due date; the sheet stays available until the therapist closes it
 */
export type SuggestedSchedule =
  | { readonly kind: 'due'; readonly inDays: number }
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekly'; readonly days: readonly Weekday[] }
  | { readonly kind: 'open' };

/** Spread n sessions across the week so there is rest in between. */
const WEEKLY_DAYS: Record<number, readonly Weekday[]> = {
  1: ['sun'],
  2: ['mon', 'thu'],
  3: ['mon', 'wed', 'fri'],
  4: ['mon', 'tue', 'thu', 'sat'],
  5: ['mon', 'tue', 'wed', 'thu', 'fri'],
  6: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  7: WEEKDAYS,
};

export function timesPerWeek(cadence: ExerciseCadence): number | null {
  if (cadence.kind === 'daily') return 7;
  if (cadence.kind === 'weekly') return cadence.timesPerWeek ?? 1;
  return null;
}

export function suggestedSchedule(cadence: ExerciseCadence): SuggestedSchedule {
  switch (cadence.kind) {
    case 'once':
      return { kind: 'due', inDays: cadence.dueInDays ?? DEFAULT_DUE_IN_DAYS };
    case 'daily':
      return { kind: 'daily' };
    case 'weekly': {
      const times = Math.min(7, Math.max(1, Math.round(cadence.timesPerWeek ?? 1)));
      return { kind: 'weekly', days: WEEKLY_DAYS[times] };
    }
    case 'as-needed':
      return { kind: 'open' };
  }
}

/** "Once", "Every day", "Once a week", "Twice a week", "3 times a week", "When needed". */
export function describeCadence(cadence: ExerciseCadence): string {
  switch (cadence.kind) {
    case 'once':
      return 'Once';
    case 'daily':
      return 'Every day';
    case 'weekly': {
      const times = cadence.timesPerWeek ?? 1;
      if (times === 1) return 'Once a week';
      if (times === 2) return 'Twice a week';
      return `${times} times a week`;
    }
    case 'as-needed':
      return 'When needed';
  }
}

/**
 * The default way to assign an exercise to a case:
 * - `one`: to the participant whose side of the breach is `breachRole`
 *   (if neither or both carry it, the therapist picks the participant)
 * - `each`: one assignment per participant, each with their own private sheet
 * - `together`: one shared sheet for the two
 */
export type SuggestedAssignment =
  | { readonly mode: 'one'; readonly breachRole: (typeof AUDIENCE_BREACH_ROLE)[keyof typeof AUDIENCE_BREACH_ROLE] }
  | { readonly mode: 'each' }
  | { readonly mode: 'together' };

export function suggestedAssignment(exercise: Pick<Exercise, 'audience' | 'sheet'>): SuggestedAssignment {
  switch (exercise.audience) {
    case 'broke-trust':
    case 'hurt':
      return { mode: 'one', breachRole: AUDIENCE_BREACH_ROLE[exercise.audience] };
    case 'each':
      return { mode: 'each' };
    case 'together':
      return exercise.sheet === 'shared' ? { mode: 'together' } : { mode: 'each' };
  }
}
