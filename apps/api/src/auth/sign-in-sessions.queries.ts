import { SESSION_MAX_HOURS, type SignInSession } from '@trustwork/contracts';
import Bowser from 'bowser';

/**
 * A session that may still act or refresh (alias `s`, its practice `p`): not ended, active within
 * the practice's idle limit, younger than SESSION_MAX_HOURS. The same rule as authenticated_session().
 */
const OPEN = `s.ended_at IS NULL
  AND s.last_active_at > now() - make_interval(mins => p.idle_timeout_minutes)
  AND s.created_at > now() - make_interval(hours => ${SESSION_MAX_HOURS})`;

export const IS_OPEN_SQL = `
  SELECT EXISTS (SELECT 1 FROM sign_in_sessions s JOIN practices p ON p.id = s.practice_id WHERE s.id = $1 AND s.practice_id = $2 AND ${OPEN}) AS open`;

export const LIST_OPEN_SQL = `
  SELECT s.id, s.user_agent, s.ip_address, s.created_at, s.last_active_at
    FROM sign_in_sessions s JOIN practices p ON p.id = s.practice_id
   WHERE s.user_id = $1 AND s.practice_id = $2 AND ${OPEN}
   ORDER BY s.last_active_at DESC, s.id`;

export interface OpenSessionRow {
  id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: Date;
  last_active_at: Date;
}

/** "Firefox on Windows", as a person recognises their own device; "Unknown browser" when the agent says nothing useful. */
export function browserOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const { browser, os } = Bowser.parse(userAgent);
  if (!browser.name) return 'Unknown browser';
  return os.name ? `${browser.name} on ${os.name}` : browser.name;
}

export function toSignInSession(row: OpenSessionRow, currentSessionId: string): SignInSession {
  return {
    id: row.id,
    browser: browserOf(row.user_agent),
    ipAddress: row.ip_address,
    signedInAt: row.created_at.toISOString(),
    lastActiveAt: row.last_active_at.toISOString(),
    current: row.id === currentSessionId,
  };
}
