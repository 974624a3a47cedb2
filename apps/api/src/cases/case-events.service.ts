import { Injectable } from '@nestjs/common';
import type { CaseEvent } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import { CaseAccess } from './case-access.service';
import { InvalidCaseChange } from './cases.errors';
import type { CreateCaseEventDto } from './dto/create-case-event.dto';
import { CaseEventRecord } from './entities/case-event.entity';
import { ParticipantRecord } from './entities/participant.entity';

interface CaseEventRow {
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

const EVENT_SELECT = `
  SELECT e.id, e.kind, to_char(e.occurred_on, 'YYYY-MM-DD') AS occurred_on, e.title, e.details, e.participant_id, e.created_at,
         u.id AS created_by_id, u.name AS created_by_name
  FROM case_events e LEFT JOIN users u ON u.id = e.created_by`;

/** The case's timeline of breaches, setbacks, milestones and noteworthy moments. */
@Injectable()
export class CaseEventsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, caseId: string): Promise<CaseEvent[]> {
    await this.access.openClinical(user, caseId);
    const events = await this.timeline(user, caseId, 'DESC');
    await this.audit.recordList(user.practiceId, { action: 'case-event.list', recordType: 'case-event', recordIds: events.map((event) => event.id), caseIds: [caseId] });
    return events;
  }

  /** The case's events without access checks or audit (the caller has done both): for the export. */
  async timeline(user: AuthenticatedUser, caseId: string, order: 'ASC' | 'DESC'): Promise<CaseEvent[]> {
    const rows: CaseEventRow[] = await this.scope.manager.query(
      `${EVENT_SELECT} WHERE e.practice_id = $1 AND e.case_id = $2 ORDER BY e.occurred_on ${order}, e.created_at ${order}`,
      [user.practiceId, caseId],
    );
    return rows.map(toCaseEvent);
  }

  async create(user: AuthenticatedUser, caseId: string, request: CreateCaseEventDto): Promise<CaseEvent> {
    await this.access.openClinical(user, caseId);
    if (request.participantId) {
      const belongs = await this.scope.repository(ParticipantRecord).exists({ where: { id: request.participantId, caseId, practiceId: user.practiceId } });
      if (!belongs) throw new InvalidCaseChange('participantId must be the id of one of this case’s participants');
    }
    const created = await this.scope.repository(CaseEventRecord).save({
      practiceId: user.practiceId,
      caseId,
      kind: request.kind,
      occurredOn: request.occurredOn,
      title: request.title,
      details: request.details ?? null,
      participantId: request.participantId ?? null,
      createdBy: user.id,
    });
    await this.audit.record(user.practiceId, { action: 'case-event.create', recordType: 'case-event', recordId: created.id, caseId });
    const [row]: CaseEventRow[] = await this.scope.manager.query(`${EVENT_SELECT} WHERE e.id = $1`, [created.id]);
    return toCaseEvent(row);
  }
}

function toCaseEvent(row: CaseEventRow): CaseEvent {
  return {
    id: row.id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    title: row.title,
    details: row.details,
    participantId: row.participant_id,
    createdBy: row.created_by_id ? { id: row.created_by_id, name: row.created_by_name ?? '' } : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
