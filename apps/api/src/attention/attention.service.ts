import { Injectable } from '@nestjs/common';
import { AuditRecordType, Permission, roleHasPermission, type Attention } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { openAlerts, sessionsToClose, unsignedNotes, type AttentionScope, type Listed } from './attention.queries';
import type { AttentionQueryDto } from './dto/attention-query.dto';

const NOTHING: Listed<never> = { items: [], total: 0 };

/**
 * What needs a look today, across the cases this user may open: open alerts and unsigned
 * notes (clinical, so only for roles with clinical records), and sessions over but still
 * marked scheduled (for whoever may record attendance). Audited as one read naming each case shown.
 */
@Injectable()
export class AttentionService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: AttentionQueryDto): Promise<Attention> {
    const scope = this.scopeOf(user, query);
    if (!scope) return { alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 };
    const clinical = roleHasPermission(user.role, Permission.ViewClinicalRecords);
    const db = this.scope.manager;
    const alerts = clinical ? await openAlerts(db, scope) : NOTHING;
    const notes = clinical ? await unsignedNotes(db, scope, user.id) : NOTHING;
    const toClose = roleHasPermission(user.role, Permission.ScheduleSessions) ? await sessionsToClose(db, scope) : NOTHING;

    const caseIds = [...alerts.items, ...notes.items, ...toClose.items].map((item) => item.case.id);
    await this.audit.recordList(user.practiceId, { action: 'attention.list', recordType: AuditRecordType.Case, recordIds: [...new Set(caseIds)], caseIds });
    return {
      alerts: alerts.items,
      unsignedNotes: notes.items,
      sessionsToClose: toClose.items,
      count: alerts.total + notes.total + toClose.total,
    };
  }

  /** The practice's cases, or one clinician's; null when a user without every case asks for a colleague's. */
  private scopeOf(user: AuthenticatedUser, query: AttentionQueryDto): AttentionScope | null {
    if (roleHasPermission(user.role, Permission.ViewAllCases)) return { practiceId: user.practiceId, clinicianId: query.clinicianId ?? null };
    if (query.clinicianId && query.clinicianId !== user.id) return null;
    return { practiceId: user.practiceId, clinicianId: user.id };
  }
}
