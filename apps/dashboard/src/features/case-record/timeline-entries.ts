import { type CaseEvent, type PhaseChange } from '@trustwork/contracts';
import { practiceDate } from '../../lib/practice-time';

type TimelineEntry =
  | { type: 'event'; key: string; day: string; at: number; event: CaseEvent }
  | { type: 'phase'; key: string; day: string; at: number; change: PhaseChange; first: boolean };

/**
 * The case's events and its phase changes in one list, newest first. Events carry a calendar
 * date only; phase changes are placed on their practice-local day, and within a day the
 * moment each was recorded decides.
 */
export function timelineEntries(events: CaseEvent[], phaseHistory: PhaseChange[], timeZone: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...events.map((event): TimelineEntry => ({
      type: 'event',
      key: `event-${event.id}`,
      day: event.occurredOn,
      at: Date.parse(event.createdAt),
      event,
    })),
    ...phaseHistory.map((change, index): TimelineEntry => ({
      type: 'phase',
      key: `phase-${change.changedAt}-${change.phase}`,
      day: practiceDate(change.changedAt, timeZone),
      at: Date.parse(change.changedAt),
      change,
      first: index === 0,
    })),
  ];
  return entries.sort((a, b) => b.day.localeCompare(a.day) || b.at - a.at);
}
