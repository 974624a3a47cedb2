import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditRecordType, ChargeKind, SessionKind, SessionStatus, splitMinor } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import { SessionOutcomes, type SessionOutcome } from '../sessions/session-outcomes';
import { readBillingSettings } from './billing.queries';
import { PayersService } from './payers.service';

/** The charges a session makes by itself; they come and go with its status. A session has one of each per payer. */
export const AUTOMATIC_KINDS: readonly ChargeKind[] = [ChargeKind.Session, ChargeKind.NoShow, ChargeKind.LateCancellation];

interface HeldSession {
  attendee_ids: string[];
  duration_minutes: number;
  service_date: string;
}

/** What a session in its new status is charged: one amount, split between its payers. */
interface SessionCharge {
  kind: ChargeKind;
  description: string;
  amount: number;
  serviceId: string | null;
  cptCode: string | null;
}

const CHARGE_DESCRIPTIONS = { [ChargeKind.NoShow]: 'Missed session fee', [ChargeKind.LateCancellation]: 'Late cancellation fee' } as const;

/**
 * Charges sessions as they are held or missed: a held session from the practice's service
 * of its kind and length, a missed one or a late cancellation with the practice's fee, each
 * split between the session's payers. Undoing the status takes the charges back off, unless
 * they are on an issued invoice (a credit note corrects those).
 */
@Injectable()
export class SessionChargesService implements OnModuleInit {
  constructor(
    private readonly scope: PracticeScope,
    private readonly outcomes: SessionOutcomes,
    private readonly payers: PayersService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.outcomes.onOutcome((outcomes) => this.apply(outcomes));
  }

  async apply(outcomes: SessionOutcome[]): Promise<void> {
    // A scheduled session has no charges of its own, and scheduling one again or cancelling it on the team's word
    // charges nothing: a series cancelled by the team costs no query per session.
    const charging = outcomes.filter((outcome) => outcome.previousStatus !== SessionStatus.Scheduled || chargesSomething(outcome));
    for (const outcome of charging) {
      const session = await this.sessionOf(outcome);
      const charge = session ? await this.chargeFor(outcome, session) : null;
      await this.removeOthers(outcome, charge?.kind ?? null);
      if (session && charge) await this.add(outcome, session, charge);
    }
  }

  private async sessionOf(outcome: SessionOutcome): Promise<HeldSession | undefined> {
    const [row]: HeldSession[] = await this.scope.manager.query(
      `SELECT s.attendee_ids, s.duration_minutes, to_char((s.starts_at AT TIME ZONE pr.time_zone)::date, 'YYYY-MM-DD') AS service_date
       FROM sessions s JOIN practices pr ON pr.id = s.practice_id
       WHERE s.practice_id = $1 AND s.id = $2`,
      [outcome.practiceId, outcome.sessionId],
    );
    return row;
  }

  /** null: nothing to charge (no service of its kind, no fee set, or a status that charges nothing). */
  private async chargeFor(outcome: SessionOutcome, session: HeldSession): Promise<SessionCharge | null> {
    if (outcome.status === SessionStatus.Completed) return this.serviceCharge(outcome.practiceId, session);
    if (!chargesSomething(outcome)) return null;
    const settings = await readBillingSettings(this.scope.manager, outcome.practiceId);
    const fee =
      outcome.status === SessionStatus.NoShow
        ? { kind: ChargeKind.NoShow, amount: settings.noShowFee }
        : outcome.status === SessionStatus.Cancelled && outcome.cancellationLate
          ? { kind: ChargeKind.LateCancellation, amount: settings.lateCancellationFee }
          : null;
    if (!fee?.amount) return null;
    return { kind: fee.kind, description: CHARGE_DESCRIPTIONS[fee.kind], amount: fee.amount, serviceId: null, cptCode: null };
  }

  /** The active service of the session's kind whose usual length is nearest; on a tie the lower fee. */
  private async serviceCharge(practiceId: string, session: HeldSession): Promise<SessionCharge | null> {
    const kind = session.attendee_ids.length === 1 ? SessionKind.Individual : SessionKind.Joint;
    const [service]: { id: string; name: string; cpt_code: string | null; fee: number }[] = await this.scope.manager.query(
      `SELECT id, name, cpt_code, fee FROM billing_services
       WHERE practice_id = $1 AND session_kind = $2 AND archived_at IS NULL
       ORDER BY abs(default_duration_minutes - $3), fee, name, id LIMIT 1`,
      [practiceId, kind, session.duration_minutes],
    );
    if (!service) return null;
    return { kind: ChargeKind.Session, description: service.name, amount: service.fee, serviceId: service.id, cptCode: service.cpt_code };
  }

  /** The session's automatic charges of any other kind, unless on an issued invoice (taken off a draft). */
  private async removeOthers(outcome: SessionOutcome, keep: ChargeKind | null): Promise<void> {
    // TypeORM answers a DELETE with [rows, count].
    const [removed]: [{ id: string }[], number] = await this.scope.manager.query(
      `DELETE FROM billing_charges c
       WHERE c.practice_id = $1 AND c.session_id = $2 AND c.kind = ANY($3::text[]) AND c.kind IS DISTINCT FROM $4
         AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.practice_id = c.practice_id AND i.id = c.invoice_id AND i.status = 'issued')
       RETURNING c.id`,
      [outcome.practiceId, outcome.sessionId, AUTOMATIC_KINDS, keep],
    );
    await this.record(outcome, 'charge.delete', removed);
  }

  private async add(outcome: SessionOutcome, session: HeldSession, charge: SessionCharge): Promise<void> {
    const payers = await this.payers.payersFor(outcome.practiceId, outcome.caseId, session.attendee_ids);
    if (payers.length === 0) return;
    const amounts = splitMinor(
      charge.amount,
      payers.map((payer) => payer.weight),
    );
    // The unique index (session, payer, kind) makes a repeat (completed twice, a retried request) a no-op.
    const added: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO billing_charges (practice_id, case_id, payer_id, kind, session_id, service_id, cpt_code, description, service_date, amount, created_by)
       SELECT $1, $2, share.payer_id, $3, $4, $5, $6, $7, $8::date, share.amount, $9
       FROM unnest($10::uuid[], $11::int[]) AS share(payer_id, amount)
       ON CONFLICT (session_id, payer_id, kind) WHERE session_id IS NOT NULL AND kind IN ('session', 'late-cancellation', 'no-show') DO NOTHING
       RETURNING id`,
      [
        outcome.practiceId,
        outcome.caseId,
        charge.kind,
        outcome.sessionId,
        charge.serviceId,
        charge.cptCode,
        charge.description,
        session.service_date,
        outcome.userId,
        payers.map((payer) => payer.payerId),
        amounts,
      ],
    );
    await this.record(outcome, 'charge.create', added);
  }

  private record(outcome: SessionOutcome, action: string, charges: { id: string }[]): Promise<void> {
    return this.audit.record(
      outcome.practiceId,
      charges.map((charge) => ({ action, recordType: AuditRecordType.Charge, recordId: charge.id, caseId: outcome.caseId })),
    );
  }
}

/** Whether the status the session moved to can carry a charge: held, missed, or cancelled late by a person. */
function chargesSomething(outcome: SessionOutcome): boolean {
  return (
    outcome.status === SessionStatus.Completed ||
    outcome.status === SessionStatus.NoShow ||
    (outcome.status === SessionStatus.Cancelled && outcome.cancellationLate)
  );
}
