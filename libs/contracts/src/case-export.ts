import type { AgreementKind, SignatureRecord } from './agreements';
import type { Submission } from './assignments';
import type { CaseEvent, CaseStatus, ClinicianRef, Participant, PhaseChange, RelationshipType } from './cases';
import type { CheckIn } from './check-ins';
import type { ExercisePrompt } from './exercises';
import type { SessionNote } from './notes';
import type { SafetyReport } from './safety-reports';
import type { TherapySession } from './sessions';

/**
 * `GET /api/cases/:id/export`: the record of one case as one JSON document. Signed notes
 * only: drafts are not part of the record.
 *
 * Without `participant` it is the whole case, for a transfer of care. With
 * `?participant=<id>` it answers that one participant's records request, and holds only
 * what is theirs or shared by both:
 * - `participants`: both names, but the other participant's e-mail and phone are left out;
 * - `events`: those about the whole case or about this participant;
 * - `sessions`: those they attended, and any whose note is included;
 * - `notes`: joint notes and notes about this participant, never notes about the other;
 * - `submissions`, `checkIns`, `safetyReports`: this participant's own, private and shared.
 *   The other participant's answers are left out even when shared with this participant:
 *   they are the other person's record, and the portal already shows them to this one.
 */
export interface CaseExport {
  format: 'trustwork.case-export';
  formatVersion: 1;
  exportedAt: string;
  exportedBy: ClinicianRef;
  /** Present only on a participant's records request: whose it is. */
  forParticipant?: { id: string; displayName: string };
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
  /** Signed agreements with the exact text signed, oldest first; a participant's export holds only their own. */
  signatures: ExportedSignature[];
  /** Participant export only: their homework answers, oldest first, with the questions asked. */
  submissions?: ExportedSubmission[];
  /** Participant export only: their check-ins, oldest first. */
  checkIns?: CheckIn[];
  /** Participant export only: the safety reports they sent, oldest first. */
  safetyReports?: SafetyReport[];
}

/** One homework answer sheet with the exercise it answered, so it reads without the library. */
export interface ExportedSubmission extends Submission {
  title: string;
  prompts: ExercisePrompt[];
}

/** One signature with the document as its signer read it. */
export interface ExportedSignature extends SignatureRecord {
  participantId: string;
  agreementId: string;
  kind: AgreementKind;
  title: string;
  /** The rendered text that was signed (its SHA-256 is `documentHash`). */
  text: string;
}

export const CaseExportFormat = { Json: 'json', Pdf: 'pdf' } as const;
export type CaseExportFormat = (typeof CaseExportFormat)[keyof typeof CaseExportFormat];
export const CASE_EXPORT_FORMATS: readonly CaseExportFormat[] = Object.values(CaseExportFormat);

/** `GET /api/cases/:id/export` query. */
export interface CaseExportQuery {
  /** A participant of the case: export only what belongs to their records request. */
  participant?: string;
  /**
   * `json` (default): the document for a transfer between systems. `pdf`: the same content and
   * the same exclusions, readable by a person, with the practice's name, the export date and page numbers.
   */
  format?: CaseExportFormat;
}
