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

export function sessionNotePath(caseId: string, sessionId: string): string {
  return `${casePath(caseId)}/sessions/${encodeURIComponent(sessionId)}/note`;
}
