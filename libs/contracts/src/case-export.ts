import type { CaseEvent, CaseStatus, ClinicianRef, Participant, PhaseChange, RelationshipType } from './cases';
import type { SessionNote } from './notes';
import type { TherapySession } from './sessions';

/**
 * `GET /api/cases/:id/export`: the whole record of one case as one JSON document, for a
 * records request or a transfer of care. Signed notes only: drafts are not part of the record.
 */
export interface CaseExport {
  format: 'trustwork.case-export';
  formatVersion: 1;
  exportedAt: string;
  exportedBy: ClinicianRef;
  case: {
    id: string;
    relationshipType: RelationshipType;
    status: CaseStatus;
    phase: number;
    presentingConcern: string | null;
    clinicians: ClinicianRef[];
    phaseHistory: PhaseChange[];
    createdAt: string;
    updatedAt: string;
    closedAt: string | null;
  };
  participants: Participant[];
  /** The timeline, oldest first. */
  events: CaseEvent[];
  /** Every session, oldest first. */
  sessions: TherapySession[];
  /** Signed notes with their addenda, oldest session first. */
  notes: SessionNote[];
  /** Notes still in draft, left out of this export. */
  draftNotesExcluded: number;
}
