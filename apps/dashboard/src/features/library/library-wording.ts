import { ExerciseSource, type ExercisePhase, type ExerciseSummary } from '@trustwork/contracts';
import { EXERCISE_AUDIENCE_LABELS, EXERCISE_PHASES, THROUGHOUT_PHASE, describeCadence, phaseByNumber } from '@trustwork/trust-program';

export { EXERCISE_AUDIENCE_LABELS };

/** "Phase 1 · Taking ownership", "Throughout · Patience and self-compassion". */
export function phaseName(phase: ExercisePhase): string {
  if (phase === 'throughout') return `Throughout · ${THROUGHOUT_PHASE.title}`;
  return `Phase ${phase} · ${phaseByNumber(phase)?.title ?? ''}`;
}

export function phaseSummary(phase: ExercisePhase): string {
  return phase === 'throughout' ? THROUGHOUT_PHASE.summary : (phaseByNumber(phase)?.summary ?? '');
}

export const PHASE_OPTIONS = EXERCISE_PHASES.map((phase) => ({ value: String(phase), label: phaseName(phase) }));

export const AUDIENCE_OPTIONS = Object.entries(EXERCISE_AUDIENCE_LABELS).map(([value, label]) => ({ value, label }));

/** "Once a week · about 20 minutes": how the exercise fits into a week. */
export function rhythmText(exercise: Pick<ExerciseSummary, 'cadence' | 'minutes'>): string {
  return `${describeCadence(exercise.cadence)} · about ${exercise.minutes} minutes`;
}

/** "Built-in", or "Your practice · version 3". */
export function sourceText(exercise: Pick<ExerciseSummary, 'source' | 'version'>): string {
  return exercise.source === ExerciseSource.BuiltIn ? 'Built-in' : `Your practice · version ${exercise.version}`;
}
