import { Injectable } from '@nestjs/common';
import { AUDIT_READ_VERBS, AuditRecordType, DEFAULT_PAGE_SIZE, type AuditCase, type AuditChainVerification, type AuditEvent, type Page } from '@trustwork/contracts';
import { ClsService } from 'nestjs-cls';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { REQUEST_CONTEXT, type RequestContext } from '../common/request-context';
import { PracticeScope } from '../database/practice-scope';
import { verifyAuditChain } from './audit-chain';
import { AuditEventRecord } from './audit-event.entity';
import type { AuditEventQueryDto } from './dto/audit-event-query.dto';

export interface AuditEntry {
  /** `<record>.<verb>`: case.read, note.sign, … */
  action: string;
  recordType: AuditRecordType;
  recordId: string;
  caseId?: string | null;
}

/** A read of a list: one entry for the whole request, naming each record it showed. */
export interface AuditListRead {
  /** `<record>.list` and the like: session.list, case.list, … */
  action: string;
  /** The type of every record listed. */
  recordType: AuditRecordType;
  recordIds: string[];
  /** The case of each record listed (repeats are fine), or the one case a list of a case belongs to. */
  caseIds: (string | null)[];
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  sort_key: string;
  actor_type: AuditEvent['actorType'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: AuditRecordType;
  record_id: string | null;
  record_ids: string[] | null;
  case_id: string | null;
  cases: AuditCase[];
  ip_address: string | null;
  request_id: string | null;
}

/**
 * Who read or changed which clinical record. Entries are written in the request's
 * own transaction, so a write and its audit row commit or fail together.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cls: ClsService,
  ) {}

  /** One entry, or several (e.g. every portal link a revocation ended) in a single insert; list reads use `recordList`. */
  async record(practiceId: string, entries: AuditEntry | AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    const context = this.cls.get<RequestContext | undefined>(REQUEST_CONTEXT);
    // One statement with the entries as arrays, however many records one change touched.
    await this.scope.manager.query(
      `INSERT INTO audit_events (practice_id, actor_type, actor_id, action, record_type, record_id, case_id, ip_address, request_id)
       SELECT $1, $2, $3, entry.action, entry.record_type, entry.record_id, entry.case_id, $4, $5
       FROM unnest($6::text[], $7::text[], $8::uuid[], $9::uuid[]) AS entry(action, record_type, record_id, case_id)`,
      [
        practiceId,
        context?.actorType ?? 'system',
        context?.actorId ?? null,
        context?.ipAddress ?? null,
        context?.requestId ?? null,
        list.map((entry) => entry.action),
        list.map((entry) => entry.recordType),
        list.map((entry) => entry.recordId),
        list.map((entry) => entry.caseId ?? null),
      ],
    );
  }

  /**
   * One entry for a list read, however long the list: an owner reads "viewed the agenda"
   * once per visit, and can still find each record (and case) it showed.
   */
  async recordList(practiceId: string, read: AuditListRead): Promise<void> {
    const context = this.cls.get<RequestContext | undefined>(REQUEST_CONTEXT);
    const caseIds = [...new Set(read.caseIds.filter((caseId): caseId is string => caseId !== null))];
    // An empty list of no case showed nothing (an empty agenda); an empty list of a case still opened that case.
    if (read.recordIds.length === 0 && caseIds.length === 0) return;
    await this.scope.manager.query(
      `INSERT INTO audit_events (practice_id, actor_type, actor_id, action, record_type, record_ids, case_id, case_ids, ip_address, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8::uuid[], $9, $10)`,
      [
        practiceId,
        context?.actorType ?? 'system',
        context?.actorId ?? null,
        read.action,
        read.recordType,
        read.recordIds,
        caseIds.length === 1 ? caseIds[0] : null,
        caseIds,
        context?.ipAddress ?? null,
        context?.requestId ?? null,
      ],
    );
  }

  /**
   * Checks the practice's hash chain from its first row, then records that it was checked:
   * after the walk, so the check's own row is the next check's to verify.
   */
  async verify(practiceId: string): Promise<AuditChainVerification> {
    const result = await verifyAuditChain((sql, parameters) => this.scope.manager.query(sql, parameters), practiceId);
    await this.record(practiceId, { action: 'audit.verify', recordType: AuditRecordType.Practice, recordId: practiceId });
    return { ...result, verifiedAt: new Date().toISOString() };
  }

  async list(practiceId: string, query: AuditEventQueryDto): Promise<Page<AuditEvent>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, 'timestamptz');
    const builder = this.scope.manager
      .createQueryBuilder()
      .select([
        'a.id AS id',
        'a.occurred_at AS occurred_at',
        'a.occurred_at::text AS sort_key',
        'a.actor_type AS actor_type',
        'a.actor_id AS actor_id',
        'COALESCE(a.actor_name, u.name) AS actor_name',
        'a.action AS action',
        'a.record_type AS record_type',
        'a.record_id AS record_id',
        'a.record_ids AS record_ids',
        'a.case_id AS case_id',
        // The cases by their people, so the owner's log names them without opening (and auditing) each.
        `(SELECT coalesce(json_agg(json_build_object('id', c.id, 'participantNames',
             (SELECT coalesce(json_agg(p.display_name ORDER BY p.position), '[]') FROM participants p WHERE p.case_id = c.id)) ORDER BY c.n), '[]')
          FROM unnest(coalesce(a.case_ids, ARRAY[a.case_id])) WITH ORDINALITY AS c(id, n) WHERE c.id IS NOT NULL) AS cases`,
        'a.ip_address AS ip_address',
        'a.request_id AS request_id',
      ])
      .from(AuditEventRecord, 'a')
      .leftJoin('users', 'u', `u.id = a.actor_id AND a.actor_type = 'user'`)
      .where('a.practice_id = :practiceId', { practiceId })
      .orderBy('a.occurred_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.recordType) builder.andWhere('a.record_type = :recordType', { recordType: query.recordType });
    if (query.recordId) builder.andWhere('(a.record_id = :recordId OR a.record_ids @> ARRAY[:recordId]::uuid[])', { recordId: query.recordId });
    if (query.caseId) builder.andWhere('(a.case_id = :caseId OR a.case_ids @> ARRAY[:caseId]::uuid[])', { caseId: query.caseId });
    if (query.changesOnly) builder.andWhere(`NOT (split_part(a.action, '.', 2) = ANY(:readVerbs::text[]))`, { readVerbs: AUDIT_READ_VERBS });
    if (query.from) builder.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.occurred_at < :to', { to: query.to });
    if (cursor) builder.andWhere('(a.occurred_at, a.id) < (:key::timestamptz, :id::uuid)', { key: cursor.key, id: cursor.id });

    const rows = await builder.getRawMany<AuditRow>();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toAuditEvent),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
    };
  }
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    recordIds: row.record_ids,
    caseId: row.case_id,
    cases: row.cases,
    ipAddress: row.ip_address,
    requestId: row.request_id,
  };
}
