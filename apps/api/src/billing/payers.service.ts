import { Injectable } from '@nestjs/common';
import { AuditRecordType, PayerArrangement, type CaseBilling, type Payer, type PayerShare } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CaseAccess } from '../cases/case-access.service';
import { PracticeScope } from '../database/practice-scope';
import { InvalidBilling } from './billing.errors';
import { caseBalances, findPayer, readBillingSettings } from './billing.queries';
import type { SetCaseBillingDto } from './dto/set-case-billing.dto';
import { NO_ARRANGEMENT, arrangementProblems, sessionPayers, type CaseArrangement } from './payer-rules';

interface ArrangementRow {
  arrangement: PayerArrangement;
  payer_participant_id: string | null;
  shares: PayerShare[];
  third_party_payer_id: string | null;
  individual_sessions_to_own_person: boolean;
}

/** A payer id and its part of a session's amount (weights are split with `splitMinor`). */
export interface PayerWeight {
  payerId: string;
  weight: number;
}

/**
 * Who pays for each case: the arrangement (one person, shares, or a third party), the payer
 * rows invoices are addressed to (a person's made on first need), and who pays a given session.
 */
@Injectable()
export class PayersService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly cases: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async read(user: AuthenticatedUser, caseId: string): Promise<CaseBilling> {
    await this.cases.open(user, caseId);
    const billing = await this.describe(user.practiceId, caseId);
    await this.audit.record(user.practiceId, { action: 'case.billing-read', recordType: AuditRecordType.Case, recordId: caseId, caseId });
    return billing;
  }

  /** Applies to charges made from now on; charges already made keep their payer. */
  async set(user: AuthenticatedUser, caseId: string, request: SetCaseBillingDto): Promise<CaseBilling> {
    await this.cases.open(user, caseId);
    // One arrangement change at a time per case: the row lock of the case.
    await this.scope.manager.query(`SELECT id FROM cases WHERE practice_id = $1 AND id = $2 FOR UPDATE`, [user.practiceId, caseId]);
    const people = await this.peopleOf(user.practiceId, caseId);
    const problems = arrangementProblems(request, people);
    if (problems.length > 0) throw new InvalidBilling(problems);

    const current = await this.arrangementRow(user.practiceId, caseId);
    const thirdPartyPayerId =
      request.arrangement === PayerArrangement.ThirdParty && request.thirdParty
        ? await this.saveThirdParty(user.practiceId, caseId, current?.third_party_payer_id ?? null, request.thirdParty)
        : (current?.third_party_payer_id ?? null);
    await this.scope.manager.query(
      `INSERT INTO case_billing (case_id, practice_id, arrangement, payer_participant_id, shares, third_party_payer_id, individual_sessions_to_own_person, updated_by)
       VALUES ($2, $1, $3, $4, $5::jsonb, $6, $7, $8)
       ON CONFLICT (case_id) DO UPDATE SET arrangement = $3, payer_participant_id = $4, shares = $5::jsonb, third_party_payer_id = $6,
         individual_sessions_to_own_person = $7, updated_by = $8, updated_at = now()`,
      [
        user.practiceId,
        caseId,
        request.arrangement,
        request.arrangement === PayerArrangement.OnePerson ? request.payerParticipantId : null,
        JSON.stringify(request.arrangement === PayerArrangement.Shared ? (request.shares ?? []).map(({ participantId, percent }) => ({ participantId, percent })) : []),
        thirdPartyPayerId,
        request.individualSessionsToOwnPerson ?? current?.individual_sessions_to_own_person ?? true,
        user.id,
      ],
    );
    await this.audit.record(user.practiceId, { action: 'case.payers-change', recordType: AuditRecordType.Case, recordId: caseId, caseId });
    return this.describe(user.practiceId, caseId);
  }

  /** Who pays a session of `caseId` attended by `attendeeIds`: payer ids (made on first need) and their weights. */
  async payersFor(practiceId: string, caseId: string, attendeeIds: readonly string[]): Promise<PayerWeight[]> {
    const row = await this.arrangementRow(practiceId, caseId);
    const people = await this.peopleOf(practiceId, caseId);
    const payers = sessionPayers(row ? toArrangement(row) : NO_ARRANGEMENT, people, attendeeIds);
    const ids = await this.ensurePeoplePayers(practiceId, caseId);
    return payers.map(({ payer, weight }) => ({ payerId: 'participantId' in payer ? ids.get(payer.participantId) : row?.third_party_payer_id, weight }))
      .filter((entry): entry is PayerWeight => typeof entry.payerId === 'string');
  }

  /** A payer of this case, or undefined (another case's or practice's payer is unknown here). */
  async payerOfCase(practiceId: string, caseId: string, payerId: string): Promise<Payer | undefined> {
    const payer = await findPayer(this.scope.manager, practiceId, payerId);
    return payer?.caseId === caseId ? payer : undefined;
  }

  private async describe(practiceId: string, caseId: string): Promise<CaseBilling> {
    await this.ensurePeoplePayers(practiceId, caseId);
    const row = await this.arrangementRow(practiceId, caseId);
    const billing = row ? toArrangement(row) : NO_ARRANGEMENT;
    const { currency } = await readBillingSettings(this.scope.manager, practiceId);
    const balances = await caseBalances(this.scope.manager, practiceId, caseId);
    const thirdParty = row?.arrangement === PayerArrangement.ThirdParty ? balances.find((balance) => balance.payer.id === row.third_party_payer_id)?.payer : undefined;
    return {
      caseId,
      currency,
      ...billing,
      thirdParty: thirdParty ? { name: thirdParty.name, email: thirdParty.email, address: thirdParty.address } : null,
      balances,
    };
  }

  private async arrangementRow(practiceId: string, caseId: string): Promise<ArrangementRow | undefined> {
    const [row]: ArrangementRow[] = await this.scope.manager.query(
      `SELECT arrangement, payer_participant_id, shares, third_party_payer_id, individual_sessions_to_own_person FROM case_billing WHERE practice_id = $1 AND case_id = $2`,
      [practiceId, caseId],
    );
    return row;
  }

  private async peopleOf(practiceId: string, caseId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.scope.manager.query(`SELECT id FROM participants WHERE practice_id = $1 AND case_id = $2 ORDER BY position`, [
      practiceId,
      caseId,
    ]);
    return rows.map((row) => row.id);
  }

  /** The payer row that is this person, made on first need (a statement of nothing billed yet is an empty one). */
  async payerOfPerson(practiceId: string, caseId: string, participantId: string): Promise<string | undefined> {
    return (await this.ensurePeoplePayers(practiceId, caseId)).get(participantId);
  }

  /** Each person's payer row, made on first need; participant id → payer id. */
  private async ensurePeoplePayers(practiceId: string, caseId: string): Promise<Map<string, string>> {
    await this.scope.manager.query(
      `INSERT INTO billing_payers (practice_id, case_id, kind, participant_id)
       SELECT practice_id, case_id, 'participant', id FROM participants WHERE practice_id = $1 AND case_id = $2
       ON CONFLICT (case_id, participant_id) WHERE participant_id IS NOT NULL DO NOTHING`,
      [practiceId, caseId],
    );
    const rows: { id: string; participant_id: string }[] = await this.scope.manager.query(
      `SELECT id, participant_id FROM billing_payers WHERE practice_id = $1 AND case_id = $2 AND participant_id IS NOT NULL`,
      [practiceId, caseId],
    );
    return new Map(rows.map((row) => [row.participant_id, row.id]));
  }

  /** The case keeps one third-party payer row, updated in place, so its invoices stay addressed to it. */
  private async saveThirdParty(practiceId: string, caseId: string, existingId: string | null, details: SetCaseBillingDto['thirdParty'] & object): Promise<string> {
    const values = [practiceId, caseId, details.name, details.email ?? null, details.address ?? null];
    if (existingId) {
      await this.scope.manager.query(`UPDATE billing_payers SET name = $3, email = $4, address = $5 WHERE practice_id = $1 AND case_id = $2 AND id = $6`, [
        ...values,
        existingId,
      ]);
      return existingId;
    }
    const [{ id }]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO billing_payers (practice_id, case_id, kind, name, email, address) VALUES ($1, $2, 'third-party', $3, $4, $5) RETURNING id`,
      values,
    );
    return id;
  }
}

function toArrangement(row: ArrangementRow): CaseArrangement {
  return {
    arrangement: row.arrangement,
    payerParticipantId: row.payer_participant_id,
    shares: row.shares,
    individualSessionsToOwnPerson: row.individual_sessions_to_own_person,
  };
}
