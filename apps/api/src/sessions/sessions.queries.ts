import type { NoteState, SeriesFrequency, SessionAttendance, SessionClash, TherapySession } from '@trustwork/contracts';

export interface SessionRow {
  id: string;
  case_id: string;
  starts_at: Date;
  duration_minutes: number;
  modality: TherapySession['modality'];
  status: TherapySession['status'];
  attendee_ids: string[] | null;
  address: string | null;
  video_url: string | null;
  clinician_id: string | null;
  clinician_name: string | null;
  note_status: 'draft' | 'signed' | null;
  note_about_participant_id: string | null;
  series_id: string | null;
  series_frequency: SeriesFrequency | null;
  series_position: number | null;
  series_count: number | null;
  cancelled_at: Date | null;
  cancelled_by_participant_id: string | null;
  cancelled_by_user_id: string | null;
  cancelled_by_user_name: string | null;
  cancellation_late: boolean | null;
  cancellation_reason: string | null;
  attendance: { participantId: string; response: SessionAttendance['response']; respondedAt: string | null }[] | null;
}

/**
 * Everything a TherapySession shows, in one statement however many sessions it lists: the
 * series' size and each attendee's answer come from correlated subqueries, not one query per row.
 */
export const SESSION_SELECT = `
  SELECT s.id, s.case_id, s.starts_at, s.duration_minutes, s.modality, s.status, s.attendee_ids, s.address, s.video_url,
         u.id AS clinician_id, u.name AS clinician_name, n.status AS note_status,
         n.about_participant_id AS note_about_participant_id,
         ss.id AS series_id, ss.frequency AS series_frequency, s.series_position,
         (SELECT count(*)::int FROM sessions sc WHERE sc.practice_id = s.practice_id AND sc.series_id = s.series_id) AS series_count,
         s.cancelled_at, s.cancelled_by_participant_id, s.cancelled_by_user_id, cu.name AS cancelled_by_user_name,
         s.cancellation_late, s.cancellation_reason,
         (SELECT json_agg(json_build_object('participantId', p.id, 'response', a.response, 'respondedAt', a.responded_at) ORDER BY p.position)
          FROM participants p
          LEFT JOIN session_attendance a ON a.practice_id = s.practice_id AND a.session_id = s.id AND a.participant_id = p.id
          WHERE p.practice_id = s.practice_id AND p.case_id = s.case_id AND p.id = ANY(s.attendee_ids)) AS attendance
  FROM sessions s
  LEFT JOIN users u ON u.id = s.clinician_id
  LEFT JOIN notes n ON n.session_id = s.id
  LEFT JOIN session_series ss ON ss.id = s.series_id
  LEFT JOIN users cu ON cu.id = s.cancelled_by_user_id`;

function noteState(status: SessionRow['note_status']): NoteState {
  return status ?? 'none';
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** `showReason`: the person's own words about a cancellation are for roles that read clinical records. */
export function toTherapySession(row: SessionRow, showReason: boolean): TherapySession {
  const attendeeIds = row.attendee_ids ?? [];
  return {
    id: row.id,
    caseId: row.case_id,
    startsAt: new Date(row.starts_at).toISOString(),
    durationMinutes: Number(row.duration_minutes),
    modality: row.modality,
    status: row.status,
    attendeeIds,
    clinician: row.clinician_id ? { id: row.clinician_id, name: row.clinician_name ?? '' } : null,
    noteState: noteState(row.note_status),
    noteAboutParticipantId: row.note_about_participant_id,
    kind: attendeeIds.length === 1 ? 'individual' : 'joint',
    address: row.address,
    videoUrl: row.video_url,
    series:
      row.series_id && row.series_frequency && row.series_position !== null
        ? { id: row.series_id, frequency: row.series_frequency, position: Number(row.series_position), count: Number(row.series_count) }
        : null,
    attendance: (row.attendance ?? []).map((entry) => ({ participantId: entry.participantId, response: entry.response, respondedAt: isoOrNull(entry.respondedAt) })),
    cancellation: cancellationOf(row, showReason),
  };
}

function cancellationOf(row: SessionRow, showReason: boolean): TherapySession['cancellation'] {
  if (row.status !== 'cancelled' || row.cancelled_at === null) return null;
  const by = row.cancelled_by_participant_id
    ? { kind: 'participant' as const, participantId: row.cancelled_by_participant_id }
    : { kind: 'team' as const, userId: row.cancelled_by_user_id ?? '', name: row.cancelled_by_user_name ?? '' };
  return { by, at: new Date(row.cancelled_at).toISOString(), late: row.cancellation_late ?? false, reason: showReason ? row.cancellation_reason : null };
}

/** A time someone would be busy: the session being saved (one per occurrence of a series). */
export interface ClashWindow {
  startsAt: Date;
  durationMinutes: number;
  clinicianId: string | null;
  attendeeIds: string[];
}

interface ClashRow {
  id: string;
  case_id: string;
  starts_at: Date;
  duration_minutes: number;
  clinician_id: string | null;
  clinician_name: string | null;
  people: { id: string; name: string }[] | null;
}

/**
 * Other scheduled sessions overlapping any window, [start, start + duration), that hold the
 * same clinician or one of the same people. `who` is the clinician's name or the person's
 * first name: enough to say who would be in two places.
 */
export const CLASH_SELECT = `
  SELECT s.id, s.case_id, s.starts_at, s.duration_minutes,
         CASE WHEN s.clinician_id = w.clinician_id THEN u.id END AS clinician_id, u.name AS clinician_name,
         (SELECT json_agg(json_build_object('id', p.id, 'name', split_part(btrim(p.display_name), ' ', 1)) ORDER BY p.position)
          FROM participants p
          WHERE p.practice_id = s.practice_id AND p.id = ANY(s.attendee_ids) AND p.id = ANY(w.attendee_ids)) AS people
  FROM json_to_recordset($2::json) AS w(starts_at timestamptz, minutes int, clinician_id uuid, attendee_ids uuid[])
  JOIN sessions s ON s.practice_id = $1 AND s.status = 'scheduled' AND NOT (s.id = ANY($3::uuid[]))
    AND s.starts_at < w.starts_at + make_interval(mins => w.minutes)
    AND s.starts_at + make_interval(mins => s.duration_minutes::int) > w.starts_at
    AND (s.clinician_id = w.clinician_id OR s.attendee_ids && w.attendee_ids)
  LEFT JOIN users u ON u.id = s.clinician_id
  ORDER BY s.starts_at, s.id`;

export const clashWindowsParameter = (windows: ClashWindow[]) =>
  JSON.stringify(windows.map((window) => ({ starts_at: window.startsAt.toISOString(), minutes: window.durationMinutes, clinician_id: window.clinicianId, attendee_ids: window.attendeeIds })));

/** One clash per session and person, the clinician first. */
export function toSessionClashes(rows: ClashRow[]): SessionClash[] {
  const clashes = new Map<string, SessionClash>();
  for (const row of rows) {
    const base = { sessionId: row.id, caseId: row.case_id, startsAt: new Date(row.starts_at).toISOString(), durationMinutes: Number(row.duration_minutes) };
    const who: SessionClash['who'][] = [
      ...(row.clinician_id ? [{ kind: 'clinician' as const, id: row.clinician_id, name: row.clinician_name ?? '' }] : []),
      ...(row.people ?? []).map((person) => ({ kind: 'participant' as const, id: person.id, name: person.name })),
    ];
    for (const one of who) clashes.set(`${row.id}:${one.id}`, { ...base, who: one });
  }
  return [...clashes.values()];
}
