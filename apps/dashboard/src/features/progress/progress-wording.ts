import {
  CASE_EVENT_KIND_LABELS,
  type CaseProgress,
  type CheckInPoint,
  type HomeworkWeek,
  type MeasureScore,
  type MeasureSummary,
  type ProgressEvent,
  type ProgressPhaseChange,
} from '@trustwork/contracts';
import { CHECK_IN_RATING_KEYS, CHECK_IN_RATING_LABELS, phaseByNumber } from '@trustwork/trust-program';
import { formatCalendarDate } from '../../lib/practice-time';

const DAY_MS = 86_400_000;

/** A calendar date ("2026-03-14") as a number on a time axis: midnight UTC, so no zone shifts it. */
export function dateToTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function timeToDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((dateToTime(to) - dateToTime(from)) / DAY_MS);
}

/** "5 days", "12 weeks", "6 months": the length of a stretch of dates, rounded the way people say it. */
export function spanInWords(from: string, to: string): string {
  const days = daysBetween(from, to);
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days <= 16 * 7) return `${Math.round(days / 7)} weeks`;
  const months = Math.round(days / 30.44);
  return months === 1 ? '1 month' : `${months} months`;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Ratings and scores as the API gives them: whole numbers, or weekly averages to one decimal. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar": axis ticks and bar labels, where the period already says the year. */
export function formatShortDate(date: string): string {
  return shortDate.format(new Date(dateToTime(date)));
}

/** Where to put the date ticks on a time axis from `from` to `to`: weeks for short periods, months for long ones. */
export function dateTicks(from: string, to: string): { ticks: number[]; format: (time: number) => string } {
  const days = daysBetween(from, to);
  const end = dateToTime(to);
  const ticks: number[] = [];
  if (days <= 100) {
    const stepDays = days <= 35 ? 7 : 14;
    const start = new Date(dateToTime(from));
    // The first Monday on or after `from`: weeks in the API start on Mondays.
    start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7));
    for (let time = start.getTime(); time <= end; time += stepDays * DAY_MS) ticks.push(time);
    return { ticks, format: (time) => formatShortDate(timeToDate(time)) };
  }
  const stepMonths = days <= 200 ? 1 : days <= 400 ? 2 : 3;
  const month = new Date(dateToTime(from));
  month.setUTCDate(1);
  month.setUTCMonth(month.getUTCMonth() + 1);
  for (; month.getTime() <= end; month.setUTCMonth(month.getUTCMonth() + stepMonths)) ticks.push(month.getTime());
  return { ticks, format: (time) => monthYear.format(new Date(time)) };
}

/** "the week of 3 Mar 2026" or "3 Mar 2026", for a check-in point. */
export function pointDate(on: string, granularity: CaseProgress['granularity']): string {
  return granularity === 'week' ? `Week of ${formatCalendarDate(on)}` : formatCalendarDate(on);
}

/** Where a rating started and ended, and its low or high in between when the line did not run straight. */
function ratingChange(label: string, values: number[]): string {
  const first = values[0];
  const last = values[values.length - 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const between = low < Math.min(first, last) || high > Math.max(first, last) ? ` (between ${formatNumber(low)} and ${formatNumber(high)})` : '';
  if (first !== last) return `${label} went from ${formatNumber(first)} to ${formatNumber(last)}${between}`;
  return between ? `${label} was ${formatNumber(first)} at the start and is again now${between}` : `${label} stayed at ${formatNumber(first)}`;
}

/**
 * One or two sentences a screen reader (or a busy therapist) can take in instead of the chart:
 * "Over 12 weeks (9 check-ins): trust went from 7 to 4; feeling safe stayed at 6; …".
 */
export function checkInSummary(points: CheckInPoint[], granularity: CaseProgress['granularity']): string {
  if (points.length === 0) return 'No check-ins in this period.';
  const first = points[0];
  const last = points[points.length - 1];
  const total = points.reduce((sum, point) => sum + point.count, 0);
  const checkIns = total === 1 ? '1 check-in' : `${total} check-ins`;
  if (points.length === 1) {
    const ratings = CHECK_IN_RATING_KEYS.map((key) => `${CHECK_IN_RATING_LABELS[key].toLowerCase()} ${formatNumber(first[key])}`);
    const when = granularity === 'week' ? `in the week of ${formatCalendarDate(first.on)}` : `on ${formatCalendarDate(first.on)}`;
    return `${checkIns} ${when}: ${ratings.join(', ')}.`;
  }
  const changes = CHECK_IN_RATING_KEYS.map((key, index) => {
    const label = CHECK_IN_RATING_LABELS[key];
    return ratingChange(index === 0 ? label : label.toLowerCase(), points.map((point) => point[key]));
  });
  const averages = granularity === 'week' ? ', as weekly averages' : '';
  return `Over ${spanInWords(first.on, last.on)} (${checkIns}${averages}): ${changes.join('; ')}.`;
}

export function scoresOf(measure: MeasureSummary, scores: MeasureScore[]): MeasureScore[] {
  return scores
    .filter((score) => score.measureKey === measure.key)
    .sort((a, b) => a.occurrenceOn.localeCompare(b.occurrenceOn));
}

/** "3 CSI-4 scores over 8 weeks, from 15 to 12. The cut-off is 13.5." */
export function measureSummary(measure: MeasureSummary, scores: MeasureScore[]): string {
  const cutoff = `The cut-off is ${formatNumber(measure.cutoff)} (scores run from ${measure.minScore} to ${measure.maxScore}).`;
  if (scores.length === 0) return `No ${measure.shortTitle} scores in this period.`;
  const first = scores[0];
  const last = scores[scores.length - 1];
  if (scores.length === 1) return `One ${measure.shortTitle} score, ${formatNumber(first.score)} on ${formatCalendarDate(first.occurrenceOn)}. ${cutoff}`;
  const change =
    first.score === last.score ? `staying at ${formatNumber(first.score)}` : `from ${formatNumber(first.score)} to ${formatNumber(last.score)}`;
  return `${scores.length} ${measure.shortTitle} scores over ${spanInWords(first.occurrenceOn, last.occurrenceOn)}, ${change}. ${cutoff}`;
}

/** "Below the cut-off on 3 Mar 2026 (12) and 17 Mar 2026 (10)", or null when none was. */
export function belowCutoffCallout(scores: MeasureScore[]): string | null {
  const below = scores.filter((score) => score.belowCutoff);
  if (below.length === 0) return null;
  const dates = below.map((score) => `${formatCalendarDate(score.occurrenceOn)} (${formatNumber(score.score)})`);
  const list = dates.length === 1 ? dates[0] : `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]}`;
  return `Below the cut-off on ${list}.`;
}

/** "7 of 9 homework tasks done (78%) over 12 weeks." */
export function homeworkSummary(weeks: HomeworkWeek[]): string {
  const withDue = weeks.filter((week) => week.due > 0);
  if (withDue.length === 0) return 'No homework was due in this period.';
  const due = withDue.reduce((sum, week) => sum + week.due, 0);
  const done = withDue.reduce((sum, week) => sum + week.done, 0);
  const weekCount = withDue.length === 1 ? '1 week' : `${withDue.length} weeks`;
  return `${done} of ${due} homework tasks done (${formatPercent(done / due)}) in ${weekCount} with homework due.`;
}

/** What a mark on the time axis stands for, shortest first: the label on the chart, then the full line. */
export interface ProgressMarker {
  key: string;
  on: string;
  /** On the chart, e.g. "Breach", "Phase 3". */
  label: string;
  /** In the list under the charts, e.g. "Breach: Found messages". */
  description: string;
  kind: ProgressEvent['kind'] | 'phase';
}

export function progressMarkers(events: ProgressEvent[], phaseChanges: ProgressPhaseChange[]): ProgressMarker[] {
  const eventMarkers = events.map<ProgressMarker>((event) => ({
    key: `event-${event.id}`,
    on: event.occurredOn,
    label: CASE_EVENT_KIND_LABELS[event.kind],
    description: `${CASE_EVENT_KIND_LABELS[event.kind]}: ${event.title}`,
    kind: event.kind,
  }));
  const phaseMarkers = phaseChanges.map<ProgressMarker>((change) => {
    const title = phaseByNumber(change.phase)?.title;
    return {
      key: `phase-${change.changedAt}`,
      on: change.on,
      label: `Phase ${change.phase}`,
      description: title ? `Phase ${change.phase} began: ${title}` : `Phase ${change.phase} began`,
      kind: 'phase',
    };
  });
  return [...eventMarkers, ...phaseMarkers].sort((a, b) => a.on.localeCompare(b.on));
}
