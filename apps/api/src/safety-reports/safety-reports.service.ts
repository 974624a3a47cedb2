import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AlertKind, SAFETY_REPORT_RECEIVED_MESSAGE, type SafetyReport, type SafetyReportReceived } from '@trustwork/contracts';
import { AlertsService } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';
import { RemindersService } from '../reminders/reminders.service';
import type { SendSafetyReportDto } from './dto/send-safety-report.dto';
import { SafetyReportKeyReused, SafetyReportNotFound } from './safety-reports.errors';

interface SafetyReportRow {
  id: string;
  participant_id: string;
  message: string;
  urgency: SafetyReport['urgency'];
  submitted_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
}

const REPORT_SELECT = `
  SELECT r.id, r.participant_id, r.message, r.urgency, r.submitted_at, r.acknowledged_at,
         u.id AS acknowledged_by_id, u.name AS acknowledged_by_name
  FROM safety_reports r
  LEFT JOIN users u ON u.id = r.acknowledged_by`;

/**
 * Safety reports: a private channel from one participant to the therapist. The portal can
 * only send one (its answer holds neither the message nor an id, and there is no portal
 * route that reads them), so the other participant can never come across it. Owners and
 * the case's clinicians read and acknowledge them; an open one is an alert on the caseload.
 */
@Injectable()
export class SafetyReportsService implements OnModuleInit {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly alerts: AlertsService,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    // Acknowledging a safety report's alert acknowledges the report too.
    this.alerts.onAcknowledged(AlertKind.SafetyReport, (user, reportId) => this.markAcknowledged(user, reportId));
  }

  /** Stores the report; a retry with the same idempotency key is acknowledged again but stored once. */
  async send(participant: AuthenticatedParticipant, request: SendSafetyReportDto, idempotencyKey: string | null): Promise<SafetyReportReceived> {
    const [created]: { id: string; submitted_at: Date }[] = await this.scope.manager.query(
      `INSERT INTO safety_reports (practice_id, case_id, participant_id, message, urgency, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (participant_id, idempotency_key) DO NOTHING RETURNING id, submitted_at`,
      [participant.practiceId, participant.caseId, participant.participantId, request.message, request.urgency, idempotencyKey],
    );
    if (!created) return this.firstReceived(participant, request, idempotencyKey as string);
    await this.audit.record(participant.practiceId, {
      action: 'safety-report.create',
      recordType: 'safety-report',
      recordId: created.id,
      caseId: participant.caseId,
    });
    await this.alerts.raise(participant.practiceId, {
      caseId: participant.caseId,
      participantId: participant.participantId,
      kind: AlertKind.SafetyReport,
      sourceKey: created.id,
      summary: request.urgency === 'urgent' ? 'Safety report marked urgent' : 'Safety report: a concern',
    });
    await this.reminders.safetyReportReceived(participant.practiceId, created.id);
    return { received: true, receivedAt: new Date(created.submitted_at).toISOString(), message: SAFETY_REPORT_RECEIVED_MESSAGE };
  }

  private async firstReceived(participant: AuthenticatedParticipant, request: SendSafetyReportDto, idempotencyKey: string): Promise<SafetyReportReceived> {
    const [first]: { message: string; urgency: string; submitted_at: Date }[] = await this.scope.manager.query(
      'SELECT message, urgency, submitted_at FROM safety_reports WHERE practice_id = $1 AND participant_id = $2 AND idempotency_key = $3',
      [participant.practiceId, participant.participantId, idempotencyKey],
    );
    if (first.message !== request.message || first.urgency !== request.urgency) throw new SafetyReportKeyReused();
    return { received: true, receivedAt: new Date(first.submitted_at).toISOString(), message: SAFETY_REPORT_RECEIVED_MESSAGE };
  }

  /** Open reports first, then the newest. */
  async listForCase(user: AuthenticatedUser, caseId: string): Promise<SafetyReport[]> {
    await this.access.openClinical(user, caseId);
    const rows: SafetyReportRow[] = await this.scope.manager.query(
      `${REPORT_SELECT} WHERE r.practice_id = $1 AND r.case_id = $2
       ORDER BY r.acknowledged_at IS NULL DESC, r.submitted_at DESC, r.id DESC`,
      [user.practiceId, caseId],
    );
    await this.audit.recordList(user.practiceId, { action: 'safety-report.list', recordType: 'safety-report', recordIds: rows.map((row) => row.id), caseIds: [caseId] });
    return rows.map(toSafetyReport);
  }

  /** The reports one participant sent, oldest first: for their records request. No access check, no audit (the caller does both). */
  async ofParticipant(user: AuthenticatedUser, caseId: string, participantId: string): Promise<SafetyReport[]> {
    const rows: SafetyReportRow[] = await this.scope.manager.query(
      `${REPORT_SELECT} WHERE r.practice_id = $1 AND r.case_id = $2 AND r.participant_id = $3 ORDER BY r.submitted_at, r.id`,
      [user.practiceId, caseId, participantId],
    );
    return rows.map(toSafetyReport);
  }

  /** Clears the report's alert. Acknowledging it again keeps the first acknowledgement. */
  async acknowledge(user: AuthenticatedUser, reportId: string): Promise<SafetyReport> {
    const [found]: { case_id: string }[] = await this.scope.manager.query('SELECT case_id FROM safety_reports WHERE practice_id = $1 AND id = $2', [
      user.practiceId,
      reportId,
    ]);
    if (!found) throw new SafetyReportNotFound();
    try {
      await this.access.openClinical(user, found.case_id);
    } catch (error) {
      throw error instanceof CaseNotFound ? new SafetyReportNotFound() : error;
    }
    await this.markAcknowledged(user, reportId);
    await this.alerts.acknowledgeReason(user, found.case_id, AlertKind.SafetyReport, reportId);
    await this.audit.record(user.practiceId, { action: 'safety-report.acknowledge', recordType: 'safety-report', recordId: reportId, caseId: found.case_id });
    const [row]: SafetyReportRow[] = await this.scope.manager.query(`${REPORT_SELECT} WHERE r.practice_id = $1 AND r.id = $2`, [user.practiceId, reportId]);
    return toSafetyReport(row);
  }

  /** The first acknowledgement stays: acknowledging again changes nothing. */
  private async markAcknowledged(user: AuthenticatedUser, reportId: string): Promise<void> {
    await this.scope.manager.query(
      `UPDATE safety_reports SET acknowledged_at = now(), acknowledged_by = $3
       WHERE practice_id = $1 AND id = $2 AND acknowledged_at IS NULL`,
      [user.practiceId, reportId, user.id],
    );
  }
}

function toSafetyReport(row: SafetyReportRow): SafetyReport {
  return {
    id: row.id,
    participantId: row.participant_id,
    message: row.message,
    urgency: row.urgency,
    submittedAt: new Date(row.submitted_at).toISOString(),
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null,
    acknowledgedBy: row.acknowledged_by_id ? { id: row.acknowledged_by_id, name: row.acknowledged_by_name ?? '' } : null,
  };
}
