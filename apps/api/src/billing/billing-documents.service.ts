import { Injectable } from '@nestjs/common';
import { AuditRecordType, PAYMENT_METHOD_LABELS, invoiceNumberLabel, type Statement, type Superbill } from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import { CaseNotFound } from '../cases/cases.errors';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { todayIn } from '../common/occurrences';
import { PracticeScope } from '../database/practice-scope';
import { statementPdf, superbillPdf } from './billing-documents-pdf';
import {
  openingBalance,
  participantOf,
  practiceHeading,
  statementMovements,
  superbillCharges,
  type PracticeHeading,
  type StatementMovement,
  type SuperbillChargeRow,
} from './billing-documents.queries';
import { BillingParticipantNotFound, InvalidBilling, PayerNotFound } from './billing.errors';
import { findPayer } from './billing.queries';
import { DiagnosesService, ParticipantAccess } from './diagnoses.service';

/** Whole days in the practice's time zone, both ends included; left out, the year so far. */
export interface BillingPeriod {
  from?: string;
  to?: string;
}

/** A document to save as a file. */
export interface BillingDocumentFile {
  fileName: string;
  pdf: Buffer;
}

/** The longest period one statement or superbill covers. */
const MAX_PERIOD_YEARS = 5;

/**
 * Statements (a payer's account with a running balance) and superbills (one person's
 * sessions, for their insurer). The `…For` methods take a practice and a record, without
 * a team member's access check, so the portal can hand a person their own.
 */
@Injectable()
export class BillingDocumentsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly diagnoses: DiagnosesService,
  ) {}

  async statement(user: AuthenticatedUser, payerId: string, period: BillingPeriod): Promise<Statement> {
    await this.openPayer(user, payerId);
    return (await this.statementFor(user.practiceId, payerId, period)).statement;
  }

  async statementPdf(user: AuthenticatedUser, payerId: string, period: BillingPeriod): Promise<BillingDocumentFile> {
    await this.openPayer(user, payerId);
    return this.statementPdfFor(user.practiceId, payerId, period);
  }

  async superbill(user: AuthenticatedUser, participantId: string, period: BillingPeriod): Promise<Superbill> {
    await this.diagnoses.openParticipant(user, participantId, ParticipantAccess.Billing);
    return this.superbillFor(user.practiceId, participantId, period);
  }

  async superbillPdf(user: AuthenticatedUser, participantId: string, period: BillingPeriod): Promise<BillingDocumentFile> {
    await this.diagnoses.openParticipant(user, participantId, ParticipantAccess.Billing);
    return this.superbillPdfFor(user.practiceId, participantId, period);
  }

  async statementPdfFor(practiceId: string, payerId: string, period: BillingPeriod): Promise<BillingDocumentFile> {
    const { statement, practice } = await this.statementFor(practiceId, payerId, period);
    return { fileName: `statement-${statement.from}-to-${statement.to}.pdf`, pdf: await statementPdf(statement, practice) };
  }

  async superbillPdfFor(practiceId: string, participantId: string, period: BillingPeriod): Promise<BillingDocumentFile> {
    const superbill = await this.superbillFor(practiceId, participantId, period);
    return { fileName: `superbill-${superbill.from}-to-${superbill.to}.pdf`, pdf: await superbillPdf(superbill) };
  }

  /** The payer's account over the period: opening balance, each movement with the balance after it, closing balance. */
  async statementFor(practiceId: string, payerId: string, asked: BillingPeriod): Promise<{ statement: Statement; practice: PracticeHeading }> {
    const db = this.scope.manager;
    const payer = await findPayer(db, practiceId, payerId);
    if (!payer) throw new PayerNotFound();
    const practice = await practiceHeading(db, practiceId);
    const period = periodIn(asked, practice.timeZone);
    const opening = await openingBalance(db, practiceId, payerId, period.from);
    let balance = opening;
    const entries = (await statementMovements(db, practiceId, payerId, period.from, period.to)).map((movement) => {
      balance += movement.amount;
      return { date: movement.date, kind: movement.kind, reference: referenceOf(movement), amount: movement.amount, balance };
    });
    await this.audit.record(practiceId, { action: 'payer.statement', recordType: AuditRecordType.Payer, recordId: payerId, caseId: payer.caseId });
    return {
      statement: { payer, ...period, currency: practice.currency, openingBalance: opening, entries, closingBalance: balance },
      practice,
    };
  }

  /** Only this person's sessions and fees, from invoices addressed to them; never their partner's. */
  async superbillFor(practiceId: string, participantId: string, asked: BillingPeriod): Promise<Superbill> {
    const db = this.scope.manager;
    const person = await participantOf(db, practiceId, participantId);
    if (!person) throw new BillingParticipantNotFound();
    const practice = await practiceHeading(db, practiceId);
    const period = periodIn(asked, practice.timeZone);
    const charges = paidShares(await superbillCharges(db, practiceId, participantId, period.from, period.to));
    // A line credited in full was never charged, so it is nothing to claim.
    const claimed = charges.filter(({ row }) => row.claimable && row.fee > 0);
    const clinicians = new Map(claimed.filter(({ row }) => row.clinicianId).map(({ row }) => [row.clinicianId, { name: row.clinicianName ?? '', licence: row.licence, npi: row.npi }]));
    const lines = claimed.map(({ row, paid }) => ({
      serviceDate: row.serviceDate,
      cptCode: row.cptCode,
      description: row.description,
      clinicianName: row.clinicianName,
      fee: row.fee,
      paid,
    }));
    await this.audit.record(practiceId, { action: 'participant.superbill', recordType: AuditRecordType.Participant, recordId: participantId, caseId: person.caseId });
    return {
      participantId,
      personName: person.displayName,
      ...period,
      currency: practice.currency,
      practice: { name: practice.name, address: practice.address, taxId: practice.taxId, npi: practice.npi },
      clinicians: [...clinicians.values()].sort((a, b) => a.name.localeCompare(b.name)),
      diagnoses: (await this.diagnoses.diagnosesOf(practiceId, participantId)).codes,
      lines,
      totalFee: lines.reduce((sum, line) => sum + line.fee, 0),
      totalPaid: lines.reduce((sum, line) => sum + line.paid, 0),
    };
  }

  /** The payer, if this user may open its case; otherwise 404, as for a payer that does not exist. */
  private async openPayer(user: AuthenticatedUser, payerId: string): Promise<void> {
    const payer = await findPayer(this.scope.manager, user.practiceId, payerId);
    if (!payer) throw new PayerNotFound();
    try {
      await this.access.open(user, payer.caseId);
    } catch (error) {
      throw error instanceof CaseNotFound ? new PayerNotFound() : error;
    }
  }
}

/**
 * The period asked for, the year so far (in the practice's zone) filling what was left out,
 * checked to be in order and no longer than a statement reasonably covers.
 */
function periodIn(asked: BillingPeriod, timeZone: string): Required<BillingPeriod> {
  const to = asked.to ?? todayIn(timeZone);
  const from = asked.from ?? `${to.slice(0, 4)}-01-01`;
  checkPeriod(from, to);
  return { from, to };
}

function checkPeriod(from: string, to: string): void {
  if (to < from) throw new InvalidBilling([`to must be on or after from (${from})`]);
  const latest = DateTime.fromISO(from, { zone: 'utc' }).plus({ years: MAX_PERIOD_YEARS }).toISODate();
  if (latest !== null && to > latest) throw new InvalidBilling([`to must be at most ${MAX_PERIOD_YEARS} years after from (on or before ${latest})`]);
}

/** "INV-0007", "CN-0008", or a payment's method and its reference ("Cheque 1042"). */
function referenceOf(movement: StatementMovement): string {
  if (movement.kind === 'invoice' || movement.kind === 'credit-note') return invoiceNumberLabel(movement.kind, movement.number ?? 0);
  const method = movement.method ? PAYMENT_METHOD_LABELS[movement.method] : '';
  return [method, movement.reference].filter(Boolean).join(' ');
}

/**
 * What each line's share of its invoice's payments is: the paid amount covers the lines in
 * service-date order (rows arrive in that order), each up to its fee.
 */
function paidShares(rows: SuperbillChargeRow[]): { row: SuperbillChargeRow; paid: number }[] {
  const left = new Map<string, number>();
  return rows.map((row) => {
    const remaining = left.get(row.invoiceId) ?? row.invoicePaid;
    const paid = Math.max(0, Math.min(row.fee, remaining));
    left.set(row.invoiceId, remaining - paid);
    return { row, paid };
  });
}
