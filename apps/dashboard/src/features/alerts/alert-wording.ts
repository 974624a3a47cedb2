import { ALERT_KIND_LABELS, AlertKind, type CaseAlert } from '@trustwork/contracts';

/** Most urgent first: what the therapist should look at before anything else. */
export const ALERT_KIND_ORDER: readonly AlertKind[] = [
  AlertKind.SafetyReport,
  AlertKind.RatingDrop,
  AlertKind.MeasureBelowCutoff,
  AlertKind.HomeworkOverdue,
  AlertKind.CheckInGap,
];

/** A short badge label and a colour by severity: red only for safety, so it stands out. */
export const ALERT_KIND_STYLES: Record<AlertKind, { short: string; color: string }> = {
  'safety-report': { short: 'Safety', color: 'red' },
  'rating-drop': { short: 'Rating drop', color: 'orange' },
  'measure-below-cutoff': { short: 'Below cut-off', color: 'orange' },
  'homework-overdue': { short: 'Overdue', color: 'yellow' },
  'check-in-gap': { short: 'No check-in', color: 'gray' },
};

const urgency = (kind: AlertKind) => ALERT_KIND_ORDER.indexOf(kind);

/** Most urgent kind first; within a kind, the newest first. */
export function byUrgency(a: CaseAlert, b: CaseAlert): number {
  return urgency(a.kind) - urgency(b.kind) || b.raisedAt.localeCompare(a.raisedAt);
}

export function sortKinds(kinds: readonly AlertKind[]): AlertKind[] {
  return [...kinds].sort((a, b) => urgency(a) - urgency(b));
}

/** "2 alerts: safety report, homework overdue", for a screen reader. */
export function alertsSummary(count: number, kinds: readonly AlertKind[]): string {
  const noun = count === 1 ? 'alert' : 'alerts';
  const names = sortKinds(kinds).map((kind) => ALERT_KIND_LABELS[kind].toLowerCase());
  return names.length > 0 ? `${count} ${noun}: ${names.join(', ')}` : `${count} ${noun}`;
}
