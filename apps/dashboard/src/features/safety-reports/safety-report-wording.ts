import { type CaseDetail, type SafetyReport, type SafetyReportUrgency } from '@trustwork/contracts';

/** Red and filled only for urgent, so it cannot be missed; a concern is still coloured, never grey. */
export const URGENCY_STYLES: Record<SafetyReportUrgency, { color: string; variant: 'filled' | 'light' }> = {
  urgent: { color: 'red', variant: 'filled' },
  concern: { color: 'orange', variant: 'light' },
};

/** Who sent it, by the name the case uses; a participant since removed from the case says so. */
export function senderName(report: SafetyReport, caseRecord: CaseDetail): string {
  return caseRecord.participants.find((participant) => participant.id === report.participantId)?.displayName ?? 'A former participant';
}

/** Newest first, whatever the API's order (it puts open ones first). */
export function newestFirst(a: SafetyReport, b: SafetyReport): number {
  return b.submittedAt.localeCompare(a.submittedAt);
}
