import type { SessionModality, SessionStatus } from '@trustwork/contracts';

/** The feed covers recent history (for looking back) and a year ahead. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 365;
/** A year of a full caseload, several times over; a guard, not a page size. */
const FEED_LIMIT = 5000;

/** The live feed a token opens, with its member's name, checked again under the practice's row-level security. */
export const LIVE_FEED = `
  SELECT f.include_video_links, u.name AS member_name
  FROM calendar_feeds f JOIN users u ON u.id = f.user_id
  WHERE f.practice_id = $1 AND f.id = $2 AND f.revoked_at IS NULL`;

export interface FeedSessionRow {
  id: string;
  case_id: string;
  starts_at: Date;
  duration_minutes: number;
  modality: SessionModality;
  status: SessionStatus;
  address: string | null;
  video_url: string | null;
  /** The attendees' display names in the case's order: only their initials leave the API. */
  attendee_names: string[];
  confirmed: number;
}

/** The member's sessions in the feed's window, earliest first. */
export const FEED_SESSIONS = `
  SELECT s.id, s.case_id, s.starts_at, s.duration_minutes, s.modality, s.status, s.address, s.video_url,
         ARRAY(SELECT p.display_name FROM participants p
               WHERE p.practice_id = s.practice_id AND p.case_id = s.case_id AND p.id = ANY(s.attendee_ids)
               ORDER BY p.position) AS attendee_names,
         (SELECT count(*)::int FROM session_attendance a
          WHERE a.practice_id = s.practice_id AND a.session_id = s.id AND a.response = 'confirmed' AND a.participant_id = ANY(s.attendee_ids)) AS confirmed
  FROM sessions s
  WHERE s.practice_id = $1 AND s.clinician_id = $2
    AND s.starts_at >= now() - make_interval(days => ${FEED_DAYS_BACK})
    AND s.starts_at < now() + make_interval(days => ${FEED_DAYS_AHEAD})
  ORDER BY s.starts_at, s.id
  LIMIT ${FEED_LIMIT}`;
