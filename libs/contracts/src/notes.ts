import type { ClinicianRef } from './cases';

export const NoteTemplate = { Soap: 'soap', Dap: 'dap', Birp: 'birp', Free: 'free' } as const;
export type NoteTemplate = (typeof NoteTemplate)[keyof typeof NoteTemplate];
export const NOTE_TEMPLATES: readonly NoteTemplate[] = Object.values(NoteTemplate);

export interface NoteSectionDefinition {
  key: string;
  label: string;
  /** A prompt shown in the empty field. */
  hint: string;
}

/** The sections of each note template, in order. */
export const NOTE_TEMPLATE_SECTIONS: Record<NoteTemplate, readonly NoteSectionDefinition[]> = {
  soap: [
    { key: 'subjective', label: 'Subjective', hint: 'What each person reported, in their words where it matters.' },
    { key: 'objective', label: 'Objective', hint: 'What you observed: affect, interaction, engagement.' },
    { key: 'assessment', label: 'Assessment', hint: 'Your clinical reading of where the repair stands.' },
    { key: 'plan', label: 'Plan', hint: 'Homework, focus of the next session, any referrals.' },
  ],
  dap: [
    { key: 'data', label: 'Data', hint: 'What was said and observed in the session.' },
    { key: 'assessment', label: 'Assessment', hint: 'Your interpretation and progress against goals.' },
    { key: 'plan', label: 'Plan', hint: 'Next steps and homework.' },
  ],
  birp: [
    { key: 'behavior', label: 'Behaviour', hint: 'Presenting behaviour and concerns.' },
    { key: 'intervention', label: 'Intervention', hint: 'What you did in the session.' },
    { key: 'response', label: 'Response', hint: 'How each person responded.' },
    { key: 'plan', label: 'Plan', hint: 'Next steps and homework.' },
  ],
  free: [{ key: 'body', label: 'Note', hint: 'Your session note.' }],
};

export const NOTE_TEMPLATE_LABELS: Record<NoteTemplate, string> = { soap: 'SOAP', dap: 'DAP', birp: 'BIRP', free: 'Free text' };

export type NoteSections = Record<string, string>;

export interface NoteAddendum {
  id: string;
  body: string;
  author: ClinicianRef | null;
  createdAt: string;
}

/** A session's note. `GET /api/sessions/:id/note` answers `null` while the session has none: no note yet is not an error. */
export interface SessionNote {
  sessionId: string;
  template: NoteTemplate;
  sections: NoteSections;
  status: 'draft' | 'signed';
  /**
   * Null: a joint note, about both participants. Else the one participant it is about
   * (e.g. an individual session), which keeps it out of the other's records request.
   */
  aboutParticipantId: string | null;
  /** Starts at 1; send it back to save, a stale one answers 409. */
  version: number;
  author: ClinicianRef | null;
  updatedAt: string;
  signedAt: string | null;
  signedBy: ClinicianRef | null;
  addenda: NoteAddendum[];
}

export interface SaveNoteRequest {
  template: NoteTemplate;
  sections: NoteSections;
  /**
   * Null for a joint note, else one of the case's participants. Left out, a new note is
   * joint and a saved draft keeps what it had. Fixed once the note is signed.
   */
  aboutParticipantId?: string | null;
  /** The version this draft was based on: 0 for a new note. */
  version: number;
}

export interface AddAddendumRequest {
  body: string;
}

/** The 409 of a draft saved on a stale version: reload, or compare, and save again. */
export interface NoteVersionConflictError {
  statusCode: 409;
  error: string;
  message: string;
  currentVersion: number;
}
