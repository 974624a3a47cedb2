import type { PortalConfidentialityPolicy } from './agreements';

/**
 * A participant's personal portal link. The URL carries the secret after '#', so it is
 * shown once, when the link is created, and never again.
 */
export interface PortalLinkCreated {
  /** `<origin>/p/#<token>`: send it to the participant; it cannot be shown again. */
  url: string;
  expiresAt: string;
}

/** One participant's most recent portal link, for the case's links panel (never the token). */
export interface PortalLinkStatus {
  participantId: string;
  /** True while the participant's link opens their portal: issued, not revoked, not expired. */
  live: boolean;
  /** The rest describe the most recent link, or are null when none was ever created. */
  createdAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** What a participant's portal shows about whose space it is: first names only. */
export interface PortalWelcome {
  participant: { firstName: string };
  /** `pronouns` as the therapist recorded them ("she/her"), so the portal refers to the other person rightly. */
  otherParticipant: { firstName: string; pronouns: string | null };
  therapist: { name: string } | null;
  practice: { name: string };
  /** Who reads what the participant sends privately: the same for both participants, whatever either sent. */
  privateReaders: PortalPrivateReaders;
  /** When this link stops working; the participant asks the therapist for a new one. */
  expiresAt: string;
  reminders: PortalReminders;
  /** The case's confidentiality policy, stated before the person writes privately; null when none is chosen. */
  confidentialityPolicy: PortalConfidentialityPolicy | null;
  /** How many of the case's agreements this person has still to sign. */
  agreementsToSign: number;
}

/**
 * The people at the practice who may read a participant's private messages (safety reports):
 * the case's clinicians, and the practice's owners, who may open every case. Assistants may not.
 */
export interface PortalPrivateReaders {
  therapists: { name: string }[];
  /** Owners who are not among `therapists`. */
  practiceOwners: { name: string }[];
}

/** The participant's e-mail reminders. */
export interface PortalReminders {
  /** An e-mail address is on file; without one no reminder can be sent. */
  email: boolean;
  /** E-mail me on days homework is due (on unless the participant turned it off). */
  homework: boolean;
  /** E-mail me before each of my sessions (on unless the participant turned it off). */
  sessions: boolean;
}

/** PUT /api/portal/reminders: either or both; at least one. */
export interface UpdatePortalRemindersRequest {
  homework?: boolean;
  sessions?: boolean;
}

/** The one answer to an unknown, expired or revoked portal link, so none can be told apart. */
export const PORTAL_LINK_INVALID_MESSAGE = 'This link has expired or is no longer valid. Ask your therapist for a new one.';
