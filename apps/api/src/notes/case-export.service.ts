import { Injectable } from '@nestjs/common';
import type { CaseEvent, ClinicianRef, Participant, PhaseChange } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { PracticeScope } from '../database/practice-scope';
import { SessionsService } from '../sessions/sessions.service';
import type { CaseExport } from '@trustwork/contracts';
import { NotesService } from './notes.service';

interface EventRow {
  id: string;
  kind: CaseEvent['kind'];
  occurred_on: string;
  title: string;
  details: string | null;
  participant_id: string | null;
  created_at: Date;
  created_by_id: string | null;
  created_by_name: string | null;
}

/**
 * The whole case in one document. Owners and the case's clinicians only (assistants
 * 403, anyone else 404), read in the request's one transaction, audited as case.export.
 * The case tables are only read here, with the same queries the case pages use.
 */
@Injectable()
export class CaseExportService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly sessions: SessionsService,
    private readonly notes: NotesService,
    private readonly audit: AuditService,
  ) {}

  async export(user: AuthenticatedUser, caseId: string): Promise<CaseExport> {
    const found = await this.access.openClinical(user, caseId);
    const query = <Row>(sql: string, parameters: unknown[]): Promise<Row[]> => this.scope.manager.query(sql, parameters);
    const practiceAndCase = [user.practiceId, caseId];

    // One query at a time: the request's transaction is a single connection.
    const [exportedBy] = await query<ClinicianRef>(`SELECT id, name FROM users WHERE practice_id = $1 AND id = $2`, [user.practiceId, user.id]);
    const participants = await query<Participant>(
      `SELECT id, display_name AS "displayName", email, phone, pronouns, breach_role AS "breachRole"
       FROM participants WHERE practice_id = $1 AND case_id = $2 ORDER BY position`,
      practiceAndCase,
    );
    const clinicians = await query<ClinicianRef>(
      `SELECT u.id, u.name FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
       WHERE cc.practice_id = $1 AND cc.case_id = $2 ORDER BY u.name`,
      practiceAndCase,
    );
    const phaseHistory = await query<{ phase: number; changed_at: Date; user_id: string | null; user_name: string | null }>(
      `SELECT pc.phase, pc.changed_at, u.id AS user_id, u.name AS user_name FROM case_phase_changes pc
       LEFT JOIN users u ON u.id = pc.changed_by WHERE pc.practice_id = $1 AND pc.case_id = $2 ORDER BY pc.changed_at`,
      practiceAndCase,
    );
    const events = await query<EventRow>(
      `SELECT e.id, e.kind, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.title, e.details, e.participant_id, e.created_at,
              u.id AS created_by_id, u.name AS created_by_name
       FROM case_events e LEFT JOIN users u ON u.id = e.created_by
       WHERE e.practice_id = $1 AND e.case_id = $2
       ORDER BY e.occurred_on, e.created_at`,
      practiceAndCase,
    );
    const sessions = await this.sessions.describeAll(user, caseId);
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
        clinicians,
        phaseHistory: phaseHistory.map(
          (change): PhaseChange => ({
            phase: Number(change.phase),
            changedAt: new Date(change.changed_at).toISOString(),
            changedBy: change.user_id ? { id: change.user_id, name: change.user_name ?? '' } : null,
          }),
        ),
        createdAt: found.createdAt.toISOString(),
        updatedAt: found.updatedAt.toISOString(),
        closedAt: found.closedAt ? found.closedAt.toISOString() : null,
      },
      participants,
      events: events.map(
        (event): CaseEvent => ({
          id: event.id,
          kind: event.kind,
          occurredOn: event.occurred_on,
          title: event.title,
          details: event.details,
          participantId: event.participant_id,
          createdBy: event.created_by_id ? { id: event.created_by_id, name: event.created_by_name ?? '' } : null,
          createdAt: new Date(event.created_at).toISOString(),
        }),
      ),
      sessions,
      notes,
      draftNotesExcluded: sessions.filter((session) => session.noteState === 'draft').length,
    };
  }
}
