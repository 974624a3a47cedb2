import type { SessionModality } from '@trustwork/contracts';

/** A person to remind of a session: one attendee, with how they can be reached. */
export interface ReminderRecipient {
  participantId: string;
  email: string | null;
}

/** What a session reminder says: never who else attends, nor anything clinical. */
export interface SessionReminder {
  sessionId: string;
  startsAt: Date;
  durationMinutes: number;
  modality: SessionModality;
  /** The office, for an in-person session; null otherwise (or when the practice has none on file). */
  address: string | null;
  timeZone: string;
}

/**
 * One way of reaching a person (e-mail today; a text-message provider would be another).
 * Every channel that reaches a person sends them the reminder.
 */
export interface ReminderChannel {
  readonly name: 'email';
  reaches(recipient: ReminderRecipient): boolean;
  send(recipient: ReminderRecipient, reminder: SessionReminder): Promise<void>;
}

/** Nest token for the list of channels. */
export const REMINDER_CHANNELS = Symbol('REMINDER_CHANNELS');
