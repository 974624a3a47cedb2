import { ALERT_KINDS, ATTENTION_LIST_LIMIT, type AlertKind, type AttentionAlert, type AttentionCase, type AttentionSession, type NoteState } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';

/** Whose cases a list covers: the practice's, or one clinician's. */
export interface AttentionScope {
  practiceId: string;
  /** Only cases assigned to this clinician; null for every case of the practice. */
  clinicianId: string | null;
}

interface Counted {
  total: string;
}

interface CaseColumns {
  case_id: string;
  participants: AttentionCase['participants'] | null;
}

interface AlertRow extends Counted, CaseColumns {
  id: string;
  kind: AlertKind;
  urgent: boolean;
  summary: string;
  raised_at: Date;
}

interface SessionRow extends Counted, CaseColumns {
  id: string;
  starts_at: Date;
  duration_minutes: number;
  note_status: 'draft' | 'signed' | null;
}

export interface Listed<T> {
  items: T[];
  /** All of them, even past the list's limit. */
  total: number;
}

const PARTICIPANTS = (caseColumn: string) => `(SELECT json_agg(json_build_object('id', p.id, 'displayName', p.display_name) ORDER BY p.position)
   FROM participants p WHERE p.case_id = ${caseColumn}) AS participants`;

/** $1 is the practice, $2 the clinician (or null). */
const IN_SCOPE = (caseColumn: string) =>
  `($2::uuid IS NULL OR EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = ${caseColumn} AND cc.user_id = $2))`;

const KIND_ORDER = `array_position(ARRAY[${ALERT_KINDS.map((kind) => `'${kind}'`).join(', ')}]::text[], a.kind)`;

const SESSION_COLUMNS = `s.id, s.case_id, s.starts_at, s.duration_minutes, n.status AS note_status, ${PARTICIPANTS('s.case_id')}, count(*) OVER () AS total`;

/** Open alerts; a safety report's urgency is the report's own (its alert's source is the report). */
export async function openAlerts(db: EntityManager, scope: AttentionScope): Promise<Listed<AttentionAlert>> {
  const rows: AlertRow[] = await db.query(
    `SELECT a.id, a.case_id, a.kind, a.summary, a.raised_at, coalesce(r.urgency = 'urgent', false) AS urgent,
            ${PARTICIPANTS('a.case_id')}, count(*) OVER () AS total
     FROM case_alerts a
     LEFT JOIN safety_reports r ON a.kind = 'safety-report' AND r.id::text = a.source_key
     WHERE a.practice_id = $1 AND a.status = 'open' AND ${IN_SCOPE('a.case_id')}
     ORDER BY urgent DESC, ${KIND_ORDER}, a.raised_at DESC, a.id
     LIMIT $3`,
    [scope.practiceId, scope.clinicianId, ATTENTION_LIST_LIMIT],
  );
  return listed(rows, (row) => ({
    id: row.id,
    kind: row.kind,
    urgent: row.urgent,
    summary: row.summary,
    raisedAt: new Date(row.raised_at).toISOString(),
    case: caseOf(row),
  }));
}

/**
 * `authorId`'s drafts, and sessions marked completed whose note is not signed (none yet, or anyone's
 * draft). Each half reads its own partial index; `note_signed` is kept by the database from the
 * session's note (migration 1764640000000).
 */
export async function unsignedNotes(db: EntityManager, scope: AttentionScope, authorId: string): Promise<Listed<AttentionSession>> {
  const rows: SessionRow[] = await db.query(
    `SELECT ${SESSION_COLUMNS}
     FROM sessions s LEFT JOIN notes n ON n.practice_id = s.practice_id AND n.session_id = s.id
     WHERE s.practice_id = $1 AND ${IN_SCOPE('s.case_id')}
       AND s.id IN (
         SELECT d.session_id FROM notes d WHERE d.practice_id = $1 AND d.status = 'draft' AND d.author_id = $4
         UNION ALL
         SELECT u.id FROM sessions u WHERE u.practice_id = $1 AND u.status = 'completed' AND NOT u.note_signed)
     ORDER BY s.starts_at, s.id
     LIMIT $3`,
    [scope.practiceId, scope.clinicianId, ATTENTION_LIST_LIMIT, authorId],
  );
  return listed(rows, toSession);
}

/** Sessions whose end has passed while still marked scheduled: most likely held, or missed. */
export async function sessionsToClose(db: EntityManager, scope: AttentionScope): Promise<Listed<AttentionSession>> {
  const rows: SessionRow[] = await db.query(
    `SELECT ${SESSION_COLUMNS}
     FROM sessions s LEFT JOIN notes n ON n.session_id = s.id
     WHERE s.practice_id = $1 AND ${IN_SCOPE('s.case_id')}
       AND s.status = 'scheduled' AND s.starts_at + make_interval(mins => s.duration_minutes) <= now()
     ORDER BY s.starts_at, s.id
     LIMIT $3`,
    [scope.practiceId, scope.clinicianId, ATTENTION_LIST_LIMIT],
  );
  return listed(rows, toSession);
}

function listed<Row extends Counted, T>(rows: Row[], toItem: (row: Row) => T): Listed<T> {
  return { items: rows.map(toItem), total: rows.length > 0 ? Number(rows[0].total) : 0 };
}

function caseOf(row: CaseColumns): AttentionCase {
  return { id: row.case_id, participants: row.participants ?? [] };
}

function toSession(row: SessionRow): AttentionSession {
  const noteState: NoteState = row.note_status ?? 'none';
  return {
    id: row.id,
    startsAt: new Date(row.starts_at).toISOString(),
    durationMinutes: Number(row.duration_minutes),
    noteState,
    case: caseOf(row),
  };
}
