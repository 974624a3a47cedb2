/** The pre-session brief's page: the brief itself names its case. */
export function sessionBriefPath(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}/brief`;
}
