import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseEventsService } from '../cases/case-events.service';
import { CasesService } from '../cases/cases.service';
import { PracticeScope } from '../database/practice-scope';
import { SessionsService } from '../sessions/sessions.service';
import type { CaseExport, ClinicianRef } from '@trustwork/contracts';
import { NotesService } from './notes.service';

/**
 * The whole case in one document. Owners and the case's clinicians only (assistants
 * 403, anyone else 404), read in the request's one transaction, audited as case.export.
 * The case tables are read with the same queries the case pages use.
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
    private readonly audit: AuditService,
  ) {}

  async export(user: AuthenticatedUser, caseId: string): Promise<CaseExport> {
    const found = await this.access.openClinical(user, caseId);

    // One query at a time: the request's transaction is a single connection.
    const [exportedBy]: ClinicianRef[] = await this.scope.manager.query(`SELECT id, name FROM users WHERE practice_id = $1 AND id = $2`, [
      user.practiceId,
      user.id,
    ]);
    const record = await this.cases.describe(user, found);
    const events = await this.events.timeline(user, caseId, 'ASC');
    const sessions = await this.sessions.describeAll(user, caseId, 'ASC');
    const notes = await this.notes.signedNotesOfCase(user, caseId);

    await this.audit.record(user.practiceId, { action: 'case.export', recordType: 'case', recordId: caseId, caseId });
    return {
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
    };
  }
}
