import { Injectable } from '@nestjs/common';
import {
  ALERT_KINDS,
  CaseStatus,
  DEFAULT_PAGE_SIZE,
  Permission,
  roleHasPermission,
  rolesWith,
  type AlertKind,
  type CaseDetail,
  type CaseSummary,
  type ClinicianRef,
  type Page,
  type PhaseChange,
  type SessionRef,
} from '@trustwork/contracts';
import { In } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { mayReadAlerts } from '../alerts/alerts.service';
import { CURRENT_POLICY_SQL, toConfidentialityPolicy, type StoredPolicy } from '../agreements/policy';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import { CaseAccess } from './case-access.service';
import { ClinicalRecordsNotForRole, InvalidCaseChange } from './cases.errors';
import type { CaseloadQueryDto } from './dto/caseload-query.dto';
import type { CreateCaseDto } from './dto/create-case.dto';
import type { UpdateCaseDto } from './dto/update-case.dto';
import { CaseClinician } from './entities/case-clinician.entity';
import { CasePhaseChange } from './entities/case-phase-change.entity';
import { ParticipantRecord } from './entities/participant.entity';
import { TherapyCase } from './entities/therapy-case.entity';

/**
 * How urgently a case needs a look: 2 with an open safety report, 1 with other open alerts, else 0
 * (always 0 for a role that may not read alerts, whose join finds none). Each rank lifts the case's
 * last change by a thousand years, so the attention order stays one timestamptz key, which the
 * cursor checks like the other sorts; hours are a fixed length, so the lift keeps the order exactly.
 */
const ATTENTION_KEY = `c.updated_at + make_interval(hours => 8760000 * CASE
  WHEN 'safety-report' = ANY(open_alerts.alert_kinds) THEN 2 WHEN open_alerts.open_alert_count > 0 THEN 1 ELSE 0 END)`;

/** How each caseload sort orders rows; the key is compared as `cast` in the cursor. */
const CASELOAD_SORTS = {
  updated: { key: 'c.updated_at', cast: 'timestamptz', direction: 'DESC' },
  attention: { key: ATTENTION_KEY, cast: 'timestamptz', direction: 'DESC' },
  name: { key: "lower(coalesce(p1.display_name, ''))", cast: 'text', direction: 'ASC' },
  'next-session': { key: "coalesce(next_session.starts_at, 'infinity'::timestamptz)", cast: 'timestamptz', direction: 'ASC' },
} as const;

const CONTACT_FIELDS = new Set(['id', 'displayName', 'email', 'phone', 'pronouns']);

interface CaseloadRow {
  id: string;
  relationship_type: CaseSummary['relationshipType'];
  status: CaseSummary['status'];
  phase: number;
  updated_at: Date;
  sort_key: string;
  participants: CaseSummary['participants'];
  clinicians: ClinicianRef[] | null;
  next_session: SessionRef | null;
  last_session: SessionRef | null;
  open_alert_count: number;
  alert_kinds: AlertKind[] | null;
}

/**
 * Each case's open alerts, how many and of which kinds, read in one pass of the partial index:
 * a lateral join giving `open_alerts.open_alert_count` and `open_alerts.alert_kinds`.
 * Alerts are clinical, so an assistant's join finds none.
 */
function openAlertsJoin(user: AuthenticatedUser, caseColumn: string): string {
  const visible = mayReadAlerts(user) ? '' : ' AND false';
  return `LEFT JOIN LATERAL (
    SELECT count(*)::int AS open_alert_count, array_agg(DISTINCT a.kind) AS alert_kinds
    FROM case_alerts a WHERE a.case_id = ${caseColumn} AND a.status = 'open'${visible}) open_alerts ON true`;
}

/** What New case and the intake choose for the features that keep their own part of a case. */
export interface CaseOpening {
  confidentialityPolicyId?: string;
  agreementIds?: string[];
}

/** Runs inside the transaction that opens the case: a refusal (a 400 naming its field) rolls the whole case back. */
export type CaseOpenedHandler = (user: AuthenticatedUser, caseId: string, opening: CaseOpening) => Promise<void>;

/** The caseload and each case's core record: the two people, status, phase and clinicians. */
@Injectable()
export class CasesService {
  private readonly openedHandlers: CaseOpenedHandler[] = [];

  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registered by a feature that keeps its own records of a case (agreements depend on cases,
   * not the reverse), so opening a case writes them in the same transaction.
   */
  onCaseOpened(handler: CaseOpenedHandler): void {
    this.openedHandlers.push(handler);
  }

  /** `linkedParticipantIds[i]`: the earlier record participant i is the same person as (the intake links them). */
  async create(user: AuthenticatedUser, request: CreateCaseDto, linkedParticipantIds: readonly (string | null)[] = []): Promise<CaseDetail> {
    this.access.assertClinical(user);
    const clinicianIds = await this.checkClinicians(user, request.clinicianIds ?? [user.id]);
    const created = await this.scope.repository(TherapyCase).save({
      practiceId: user.practiceId,
      relationshipType: request.relationshipType,
      status: request.status ?? CaseStatus.Intake,
      phase: request.phase ?? 1,
      presentingConcern: request.presentingConcern ?? null,
      createdBy: user.id,
      closedAt: request.status === CaseStatus.Closed ? new Date() : null,
    });
    await this.scope.repository(ParticipantRecord).insert(
      request.participants.map((participant, index) => ({
        practiceId: user.practiceId,
        caseId: created.id,
        position: index + 1,
        displayName: participant.displayName,
        email: participant.email ?? null,
        phone: participant.phone ?? null,
        pronouns: participant.pronouns ?? null,
        breachRole: participant.breachRole,
        linkedParticipantId: linkedParticipantIds[index] ?? null,
      })),
    );
    await this.assignClinicians(user, created.id, clinicianIds);
    await this.scope.repository(CasePhaseChange).insert({ practiceId: user.practiceId, caseId: created.id, phase: created.phase, changedBy: user.id });
    await this.audit.record(user.practiceId, { action: 'case.create', recordType: 'case', recordId: created.id, caseId: created.id });
    const opening: CaseOpening = { confidentialityPolicyId: request.confidentialityPolicyId, agreementIds: request.agreementIds };
    for (const handler of this.openedHandlers) await handler(user, created.id, opening);
    return this.describe(user, created);
  }

  async detail(user: AuthenticatedUser, caseId: string): Promise<CaseDetail> {
    const found = await this.access.open(user, caseId);
    await this.audit.record(user.practiceId, { action: 'case.read', recordType: 'case', recordId: caseId, caseId });
    return this.describe(user, found);
  }

  async update(user: AuthenticatedUser, caseId: string, changes: UpdateCaseDto): Promise<CaseDetail> {
    const found = await this.access.open(user, caseId);
    if (!roleHasPermission(user.role, Permission.ViewClinicalRecords) && !onlyContactDetails(changes)) throw new ClinicalRecordsNotForRole();

    if (changes.participants?.length) await this.updateParticipants(user, caseId, changes.participants);
    if (changes.clinicianIds) {
      const clinicianIds = await this.checkClinicians(user, changes.clinicianIds);
      await this.scope.repository(CaseClinician).delete({ caseId, practiceId: user.practiceId });
      await this.assignClinicians(user, caseId, clinicianIds);
    }
    if (changes.phase !== undefined && changes.phase !== found.phase) {
      await this.scope.repository(CasePhaseChange).insert({ practiceId: user.practiceId, caseId, phase: changes.phase, changedBy: user.id });
      found.phase = changes.phase;
    }
    if (changes.status !== undefined && changes.status !== found.status) {
      found.closedAt = changes.status === CaseStatus.Closed ? new Date() : null;
      found.status = changes.status;
    }
    if (changes.relationshipType !== undefined) found.relationshipType = changes.relationshipType;
    if (changes.presentingConcern !== undefined) found.presentingConcern = changes.presentingConcern;
    // Saving always bumps updated_at, so the caseload's "recently changed" order follows any edit.
    found.updatedAt = new Date();
    await this.scope.repository(TherapyCase).save(found);
    await this.audit.record(user.practiceId, { action: 'case.update', recordType: 'case', recordId: caseId, caseId });
    return this.describe(user, found);
  }

  async caseload(user: AuthenticatedUser, query: CaseloadQueryDto): Promise<Page<CaseSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const sort = CASELOAD_SORTS[query.sort ?? 'updated'];
    const cursor = decodeCursor(query.cursor, sort.cast);
    const params: unknown[] = [user.practiceId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['c.practice_id = $1'];

    // Clinicians see their own cases; anyone may narrow the list to one clinician's.
    const ownCasesOnly = !roleHasPermission(user.role, Permission.ViewAllCases);
    if (ownCasesOnly && query.clinicianId && query.clinicianId !== user.id) return { items: [], nextCursor: null };
    const clinicianId = ownCasesOnly ? user.id : query.clinicianId;
    if (clinicianId) conditions.push(`EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = c.id AND cc.user_id = ${param(clinicianId)})`);
    if (query.status) conditions.push(`c.status = ${param(query.status)}`);
    if (query.phase) conditions.push(`c.phase = ${param(query.phase)}`);
    if (query.relationshipType) conditions.push(`c.relationship_type = ${param(query.relationshipType)}`);
    if (query.attention) {
      if (!mayReadAlerts(user)) return { items: [], nextCursor: null };
      conditions.push(`EXISTS (SELECT 1 FROM case_alerts a WHERE a.case_id = c.id AND a.status = 'open')`);
    }
    if (query.search) {
      const pattern = `%${query.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      conditions.push(`EXISTS (SELECT 1 FROM participants p WHERE p.case_id = c.id AND p.display_name ILIKE ${param(pattern)})`);
    }
    if (cursor) {
      const comparison = sort.direction === 'DESC' ? '<' : '>';
      conditions.push(`(${sort.key}, c.id) ${comparison} (${param(cursor.key)}::${sort.cast}, ${param(cursor.id)}::uuid)`);
    }

    const rows: CaseloadRow[] = await this.scope.manager.query(
      `SELECT c.id, c.relationship_type, c.status, c.phase, c.updated_at, (${sort.key})::text AS sort_key,
         (SELECT json_agg(json_build_object('id', p.id, 'displayName', p.display_name, 'breachRole', p.breach_role) ORDER BY p.position)
            FROM participants p WHERE p.case_id = c.id) AS participants,
         (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
            FROM case_clinicians cc JOIN users u ON u.id = cc.user_id WHERE cc.case_id = c.id) AS clinicians,
         CASE WHEN next_session.id IS NULL THEN NULL
              ELSE json_build_object('id', next_session.id, 'startsAt', next_session.starts_at) END AS next_session,
         (SELECT json_build_object('id', s.id, 'startsAt', s.starts_at) FROM sessions s
            WHERE s.case_id = c.id AND s.starts_at < now() AND s.status IN ('completed', 'no-show')
            ORDER BY s.starts_at DESC LIMIT 1) AS last_session,
         open_alerts.open_alert_count, open_alerts.alert_kinds
       FROM cases c
       LEFT JOIN participants p1 ON p1.case_id = c.id AND p1.position = 1
       ${openAlertsJoin(user, 'c.id')}
       LEFT JOIN LATERAL (
         SELECT s.id, s.starts_at FROM sessions s
         WHERE s.case_id = c.id AND s.status = 'scheduled' AND s.starts_at >= now()
         ORDER BY s.starts_at LIMIT 1) next_session ON true
       WHERE ${conditions.join(' AND ')}
       ORDER BY ${sort.key} ${sort.direction}, c.id ${sort.direction}
       LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    // The caseload shows who is in therapy with whom: one list read naming each case shown.
    const shown = page.map((row) => row.id);
    await this.audit.recordList(user.practiceId, { action: 'case.list', recordType: 'case', recordIds: shown, caseIds: shown });
    const last = page[page.length - 1];
    return {
      items: page.map(toCaseSummary),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
    };
  }

  /** Those who see only their own cases stay on the cases they create or edit; every id must be someone who may take cases. */
  private async checkClinicians(user: AuthenticatedUser, requested: string[]): Promise<string[]> {
    const ids = [...new Set(roleHasPermission(user.role, Permission.ViewAllCases) ? requested : [...requested, user.id])];
    if (ids.length === 0) return ids;
    const found = await this.scope.manager.query(
      `SELECT id FROM users WHERE practice_id = $1 AND id = ANY($2::uuid[]) AND active AND role = ANY($3::text[])`,
      [user.practiceId, ids, rolesWith(Permission.TakeCases)],
    );
    if (found.length !== ids.length) {
      throw new InvalidCaseChange('clinicianIds must name active clinicians or owners of your practice');
    }
    return ids;
  }

  private async assignClinicians(user: AuthenticatedUser, caseId: string, clinicianIds: string[]): Promise<void> {
    if (clinicianIds.length === 0) return;
    await this.scope.repository(CaseClinician).insert(clinicianIds.map((userId) => ({ caseId, userId, practiceId: user.practiceId })));
  }

  private async updateParticipants(user: AuthenticatedUser, caseId: string, updates: NonNullable<UpdateCaseDto['participants']>): Promise<void> {
    const participants = this.scope.repository(ParticipantRecord);
    const existing = await participants.find({ where: { caseId, practiceId: user.practiceId, id: In(updates.map((update) => update.id)) } });
    if (existing.length !== new Set(updates.map((update) => update.id)).size) {
      throw new InvalidCaseChange('participants[].id must be the id of one of this case’s participants');
    }
    for (const { id, ...fields } of updates) {
      await participants.update({ id, caseId }, fields);
      await this.audit.record(user.practiceId, { action: 'participant.update', recordType: 'participant', recordId: id, caseId });
    }
  }

  /** The case as its page shows it, without access checks or audit (the caller has done both). */
  async describe(user: AuthenticatedUser, found: TherapyCase): Promise<CaseDetail> {
    const caseId = found.id;
    // One transaction is one connection: its queries run one after another anyway.
    const participants = await this.scope.repository(ParticipantRecord).find({ where: { caseId, practiceId: user.practiceId }, order: { position: 'ASC' } });
    const clinicians: ClinicianRef[] = await this.scope.manager.query(
      `SELECT u.id, u.name FROM case_clinicians cc JOIN users u ON u.id = cc.user_id WHERE cc.case_id = $1 ORDER BY u.name`,
      [caseId],
    );
    const phaseHistory: { phase: number; changed_at: Date; user_id: string | null; user_name: string | null }[] = await this.scope.manager.query(
      `SELECT pc.phase, pc.changed_at, u.id AS user_id, u.name AS user_name FROM case_phase_changes pc
       LEFT JOIN users u ON u.id = pc.changed_by WHERE pc.case_id = $1 ORDER BY pc.changed_at`,
      [caseId],
    );
    const sessions: Pick<CaseloadRow, 'next_session' | 'last_session' | 'open_alert_count' | 'alert_kinds'>[] = await this.scope.manager.query(
      `SELECT
         (SELECT json_build_object('id', s.id, 'startsAt', s.starts_at) FROM sessions s
           WHERE s.case_id = $1 AND s.status = 'scheduled' AND s.starts_at >= now() ORDER BY s.starts_at LIMIT 1) AS next_session,
         (SELECT json_build_object('id', s.id, 'startsAt', s.starts_at) FROM sessions s
           WHERE s.case_id = $1 AND s.starts_at < now() AND s.status IN ('completed', 'no-show') ORDER BY s.starts_at DESC LIMIT 1) AS last_session,
         open_alerts.open_alert_count, open_alerts.alert_kinds
       FROM (SELECT $1::uuid AS case_id) this_case
       ${openAlertsJoin(user, 'this_case.case_id')}`,
      [caseId],
    );
    const [policy]: StoredPolicy[] = await this.scope.manager.query(CURRENT_POLICY_SQL, [user.practiceId, caseId]);
    const mayReadClinical = roleHasPermission(user.role, Permission.ViewClinicalRecords);
    return {
      id: found.id,
      relationshipType: found.relationshipType,
      status: found.status,
      phase: found.phase,
      presentingConcern: mayReadClinical ? found.presentingConcern : null,
      participants: participants.map((participant) => ({
        id: participant.id,
        displayName: participant.displayName,
        email: participant.email,
        phone: participant.phone,
        pronouns: participant.pronouns,
        breachRole: participant.breachRole,
      })),
      clinicians,
      phaseHistory: phaseHistory.map(
        (change): PhaseChange => ({
          phase: change.phase,
          changedAt: new Date(change.changed_at).toISOString(),
          changedBy: change.user_id ? { id: change.user_id, name: change.user_name ?? '' } : null,
        }),
      ),
      nextSession: toSessionRef(sessions[0]?.next_session ?? null),
      lastSession: toSessionRef(sessions[0]?.last_session ?? null),
      openAlertCount: sessions[0]?.open_alert_count ?? 0,
      alertKinds: alertKindsInOrder(sessions[0]?.alert_kinds ?? null),
      createdAt: found.createdAt.toISOString(),
      updatedAt: found.updatedAt.toISOString(),
      confidentialityPolicy: policy ? toConfidentialityPolicy(policy) : null,
    };
  }
}

function onlyContactDetails(changes: UpdateCaseDto): boolean {
  const { participants, ...rest } = changes;
  const touchesCase = Object.values(rest).some((value) => value !== undefined);
  const touchesClinical = (participants ?? []).some((participant) =>
    Object.entries(participant).some(([field, value]) => value !== undefined && !CONTACT_FIELDS.has(field)),
  );
  return !touchesCase && !touchesClinical;
}

function alertKindsInOrder(kinds: AlertKind[] | null): AlertKind[] {
  return ALERT_KINDS.filter((kind) => kinds?.includes(kind));
}

function toSessionRef(session: SessionRef | null): SessionRef | null {
  return session ? { id: session.id, startsAt: new Date(session.startsAt).toISOString() } : null;
}

function toCaseSummary(row: CaseloadRow): CaseSummary {
  return {
    id: row.id,
    relationshipType: row.relationship_type,
    status: row.status,
    phase: Number(row.phase),
    participants: row.participants ?? [],
    clinicians: row.clinicians ?? [],
    nextSession: toSessionRef(row.next_session),
    lastSession: toSessionRef(row.last_session),
    openAlertCount: row.open_alert_count,
    alertKinds: alertKindsInOrder(row.alert_kinds),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
