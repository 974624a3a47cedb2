import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AgreementRecordsService } from '../agreements/agreement-records.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseEventsService } from '../cases/case-events.service';
import { CasesService } from '../cases/cases.service';
import { CheckInsService } from '../check-ins/check-ins.service';
import { PracticeScope } from '../database/practice-scope';
import { PracticesService } from '../practices/practices.service';
import { SafetyReportsService } from '../safety-reports/safety-reports.service';
import { SessionsService } from '../sessions/sessions.service';
import { CaseExportFormat, type CaseExport, type ClinicianRef, type Participant } from '@trustwork/contracts';
import { caseExportPdf } from './case-export-pdf';
import { ExportParticipantNotFound } from './notes.errors';
import { NotesService } from './notes.service';

/**
 * The whole case in one document, or one participant's records request (see CaseExport
 * for what that leaves out). Owners and the case's clinicians only (assistants 403,
 * anyone else 404), read in the request's one transaction, audited as case.export on the
 * case or on the participant. The tables are read with the same queries the case pages use.
 */
@Injectable()
export class CaseExportService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly sessions: SessionsService,
    private readonly notes: NotesService,
    private readonly assignments: AssignmentsService,
    private readonly checkIns: CheckInsService,
    private readonly safetyReports: SafetyReportsService,
    private readonly audit: AuditService,
    private readonly practices: PracticesService,
    private readonly agreements: AgreementRecordsService,
  ) {}

  /** The same export laid out for a person to read, with the practice's name and time zone. */
  async exportPdf(user: AuthenticatedUser, caseId: string, participantId?: string): Promise<{ fileName: string; pdf: Buffer }> {
    const record = await this.export(user, caseId, participantId);
    const practice = await this.practices.summary(user.practiceId);
    return { fileName: exportFileName(record, CaseExportFormat.Pdf), pdf: await caseExportPdf(record, practice) };
  }

  async export(user: AuthenticatedUser, caseId: string, participantId?: string): Promise<CaseExport> {
    const found = await this.access.openClinical(user, caseId);
    const record = await this.cases.describe(user, found);
    const person = participantId === undefined ? undefined : record.participants.find((participant) => participant.id === participantId);
    if (participantId !== undefined && !person) throw new ExportParticipantNotFound();

    // One query at a time: the request's transaction is a single connection.
    const [exportedBy]: ClinicianRef[] = await this.scope.manager.query(`SELECT id, name FROM users WHERE practice_id = $1 AND id = $2`, [
      user.practiceId,
      user.id,
    ]);
    const events = await this.events.timeline(user, caseId, 'ASC');
    const sessions = await this.sessions.describeAll(user, caseId, 'ASC');
    const notes = await this.notes.signedNotesOfCase(user, caseId, person?.id);
    const signatures = await this.agreements.signaturesForExport(user.practiceId, caseId, person?.id);

    const wholeCase: CaseExport = {
      format: 'trustwork.case-export',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      exportedBy: exportedBy ?? { id: user.id, name: '' },
      case: {
        id: found.id,
        relationshipType: found.relationshipType,
        status: found.status,
        phase: found.phase,
        presentingConcern: found.presentingConcern,
        clinicians: record.clinicians,
        phaseHistory: record.phaseHistory,
        createdAt: found.createdAt.toISOString(),
        updatedAt: found.updatedAt.toISOString(),
        closedAt: found.closedAt ? found.closedAt.toISOString() : null,
      },
      participants: record.participants,
      events,
      sessions,
      notes,
      draftNotesExcluded: sessions.filter((session) => session.noteState === 'draft').length,
      signatures,
    };
    if (!person) {
      await this.audit.record(user.practiceId, { action: 'case.export', recordType: 'case', recordId: caseId, caseId });
      return wholeCase;
    }

    const submissions = await this.assignments.answersOf(user, caseId, person.id);
    const checkIns = await this.checkIns.ofParticipant(user, caseId, person.id);
    const safetyReports = await this.safetyReports.ofParticipant(user, caseId, person.id);
    await this.audit.record(user.practiceId, { action: 'case.export', recordType: 'participant', recordId: person.id, caseId });

    // A session belongs to their record if they were there, or if its note is theirs to read.
    const noted = new Set(notes.map((note) => note.sessionId));
    const theirSessions = sessions.filter((session) => session.attendeeIds.includes(person.id) || noted.has(session.id));
    return {
      ...wholeCase,
      forParticipant: { id: person.id, displayName: person.displayName },
      participants: record.participants.map((participant) => (participant.id === person.id ? participant : withoutContactDetails(participant))),
      events: events.filter((event) => event.participantId === null || event.participantId === person.id),
      sessions: theirSessions,
      draftNotesExcluded: theirSessions.filter((session) => session.noteState === 'draft').length,
      submissions,
      checkIns,
      safetyReports,
    };
  }
}

/** e.g. trustwork-case-<id>-participant-<id>-2026-12-04.pdf */
export function exportFileName(record: CaseExport, format: CaseExportFormat): string {
  const whose = record.forParticipant ? `-participant-${record.forParticipant.id}` : '';
  return `trustwork-case-${record.case.id}${whose}-${record.exportedAt.slice(0, 10)}.${format}`;
}

/** The other participant as this one's records name them: who they are, not how to reach them. */
function withoutContactDetails(participant: Participant): Participant {
  return { ...participant, email: null, phone: null };
}
