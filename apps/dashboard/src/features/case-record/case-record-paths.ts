/** Where the case page and its tabs live; the note editor sits beside them. */
export function casePath(caseId: string): string {
  return `/cases/${encodeURIComponent(caseId)}`;
}

export function caseSessionsPath(caseId: string): string {
  return `${casePath(caseId)}/sessions`;
}

export function caseHomeworkPath(caseId: string): string {
  return `${casePath(caseId)}/homework`;
}

/** The Homework tab's address parameter that opens the assign dialog with an exercise chosen. */
export const ASSIGN_EXERCISE_PARAM = 'assign';

/** The Homework tab, ready to assign one exercise (a suggestion followed from elsewhere). */
export function assignExercisePath(caseId: string, exerciseId: string): string {
  return `${caseHomeworkPath(caseId)}?${ASSIGN_EXERCISE_PARAM}=${encodeURIComponent(exerciseId)}`;
}

export function caseProgressPath(caseId: string): string {
  return `${casePath(caseId)}/progress`;
}

export function caseAgreementsPath(caseId: string): string {
  return `${casePath(caseId)}/agreements`;
}

export function caseBillingPath(caseId: string): string {
  return `${casePath(caseId)}/billing`;
}

export function sessionNotePath(caseId: string, sessionId: string): string {
  return `${casePath(caseId)}/sessions/${encodeURIComponent(sessionId)}/note`;
}
