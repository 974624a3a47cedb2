import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  Permission,
  isCurrencyCode,
  rolesWith,
  type BillingService,
  type BillingSettings,
  type ClinicianCredentials,
  type SessionKind,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { BillingServiceNotFound, ClinicianNotFound, CurrencyLocked, InvalidBilling } from './billing.errors';
import { readBillingSettings } from './billing.queries';
import type { CreateBillingServiceDto, UpdateBillingServiceDto } from './dto/billing-service.dto';
import type { UpdateClinicianCredentialsDto } from './dto/clinician-credentials.dto';
import type { UpdateBillingSettingsDto } from './dto/update-billing-settings.dto';

interface ServiceRow {
  id: string;
  name: string;
  cpt_code: string | null;
  session_kind: SessionKind;
  default_duration_minutes: number;
  fee: number;
  archived: boolean;
}

const SERVICE_COLUMNS = `id, name, cpt_code, session_kind, default_duration_minutes, fee, archived_at IS NOT NULL AS archived`;

function toService(row: ServiceRow): BillingService {
  return {
    id: row.id,
    name: row.name,
    cptCode: row.cpt_code,
    sessionKind: row.session_kind,
    defaultDurationMinutes: row.default_duration_minutes,
    fee: row.fee,
    archived: row.archived,
  };
}

/** The practice's billing settings, the services it charges for, and its clinicians' credentials for superbills. */
@Injectable()
export class BillingSettingsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  settings(user: AuthenticatedUser): Promise<BillingSettings> {
    return readBillingSettings(this.scope.manager, user.practiceId);
  }

  /** Made on first change; what is left out stays. */
  async updateSettings(user: AuthenticatedUser, changes: UpdateBillingSettingsDto): Promise<BillingSettings> {
    // The row also counts invoice numbers: lock it so an issue cannot slip in while the currency changes.
    await this.scope.manager.query(`INSERT INTO billing_settings (practice_id) VALUES ($1) ON CONFLICT (practice_id) DO NOTHING`, [user.practiceId]);
    await this.scope.manager.query(`SELECT 1 FROM billing_settings WHERE practice_id = $1 FOR UPDATE`, [user.practiceId]);
    const current = await readBillingSettings(this.scope.manager, user.practiceId);
    if (changes.currency !== undefined && changes.currency !== current.currency) {
      if (!isCurrencyCode(changes.currency)) throw new InvalidBilling('currency must be a three-letter ISO 4217 code such as USD, EUR or GBP');
      if (await this.anyIssued(user.practiceId)) throw new CurrencyLocked();
    }
    const next = { ...current, ...definedOnly(changes) };
    await this.scope.manager.query(
      `UPDATE billing_settings SET currency = $2, tax_id = $3, npi = $4, late_cancellation_fee = $5, no_show_fee = $6,
         payment_terms_days = $7, payment_instructions = $8, updated_at = now()
       WHERE practice_id = $1`,
      [user.practiceId, next.currency, next.taxId, next.npi, next.lateCancellationFee, next.noShowFee, next.paymentTermsDays, next.paymentInstructions],
    );
    await this.audit.record(user.practiceId, { action: 'practice.billing-update', recordType: AuditRecordType.Practice, recordId: user.practiceId });
    return readBillingSettings(this.scope.manager, user.practiceId);
  }

  /** Active first, then joint before individual, then by name. */
  async services(user: AuthenticatedUser, includeArchived: boolean): Promise<BillingService[]> {
    const rows: ServiceRow[] = await this.scope.manager.query(
      `SELECT ${SERVICE_COLUMNS} FROM billing_services WHERE practice_id = $1 AND ($2 OR archived_at IS NULL)
       ORDER BY archived_at IS NOT NULL, session_kind = 'individual', name, id`,
      [user.practiceId, includeArchived],
    );
    return rows.map(toService);
  }

  async createService(user: AuthenticatedUser, request: CreateBillingServiceDto): Promise<BillingService> {
    const [row]: ServiceRow[] = await this.scope.manager.query(
      `INSERT INTO billing_services (practice_id, name, cpt_code, session_kind, default_duration_minutes, fee)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SERVICE_COLUMNS}`,
      [user.practiceId, request.name, request.cptCode ?? null, request.sessionKind, request.defaultDurationMinutes, request.fee],
    );
    await this.audit.record(user.practiceId, { action: 'billing-service.create', recordType: AuditRecordType.BillingService, recordId: row.id });
    return toService(row);
  }

  /** Archiving keeps the service on the charges already made from it. */
  async updateService(user: AuthenticatedUser, serviceId: string, changes: UpdateBillingServiceDto): Promise<BillingService> {
    const [row]: ServiceRow[] = await this.scope.manager.query(`SELECT ${SERVICE_COLUMNS} FROM billing_services WHERE practice_id = $1 AND id = $2 FOR UPDATE`, [
      user.practiceId,
      serviceId,
    ]);
    if (!row) throw new BillingServiceNotFound();
    // Only the CPT code may be cleared; null elsewhere keeps the stored value like a field left out.
    const current = toService(row);
    const next = {
      name: changes.name ?? current.name,
      cptCode: changes.cptCode === undefined ? current.cptCode : changes.cptCode,
      sessionKind: changes.sessionKind ?? current.sessionKind,
      defaultDurationMinutes: changes.defaultDurationMinutes ?? current.defaultDurationMinutes,
      fee: changes.fee ?? current.fee,
      archived: changes.archived ?? current.archived,
    };
    const [[updated]]: [ServiceRow[], number] = await this.scope.manager.query(
      `UPDATE billing_services SET name = $3, cpt_code = $4, session_kind = $5, default_duration_minutes = $6, fee = $7,
         archived_at = CASE WHEN NOT $8 THEN NULL ELSE COALESCE(archived_at, now()) END, updated_at = now()
       WHERE practice_id = $1 AND id = $2 RETURNING ${SERVICE_COLUMNS}`,
      [user.practiceId, serviceId, next.name, next.cptCode, next.sessionKind, next.defaultDurationMinutes, next.fee, next.archived],
    );
    await this.audit.record(user.practiceId, { action: 'billing-service.update', recordType: AuditRecordType.BillingService, recordId: serviceId });
    return toService(updated);
  }

  /** Active team members who take cases, with what superbills print for them. */
  async clinicians(user: AuthenticatedUser): Promise<ClinicianCredentials[]> {
    return this.readClinicians(user.practiceId, null);
  }

  async updateCredentials(user: AuthenticatedUser, userId: string, request: UpdateClinicianCredentialsDto): Promise<ClinicianCredentials> {
    const [found] = await this.readClinicians(user.practiceId, userId);
    if (!found) throw new ClinicianNotFound();
    await this.scope.manager.query(
      `INSERT INTO clinician_credentials (user_id, practice_id, licence, npi) VALUES ($2, $1, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET licence = $3, npi = $4, updated_at = now()`,
      [user.practiceId, userId, request.licence ?? null, request.npi ?? null],
    );
    await this.audit.record(user.practiceId, { action: 'user.credentials-update', recordType: AuditRecordType.User, recordId: userId });
    return { ...found, licence: request.licence ?? null, npi: request.npi ?? null };
  }

  private async readClinicians(practiceId: string, userId: string | null): Promise<ClinicianCredentials[]> {
    const rows: ClinicianCredentials[] = await this.scope.manager.query(
      `SELECT u.id AS "userId", u.name, cc.licence, cc.npi
       FROM users u LEFT JOIN clinician_credentials cc ON cc.user_id = u.id AND cc.practice_id = u.practice_id
       WHERE u.practice_id = $1 AND u.active AND u.role = ANY($2::text[]) AND ($3::uuid IS NULL OR u.id = $3)
       ORDER BY u.name, u.id`,
      [practiceId, rolesWith(Permission.TakeCases), userId],
    );
    return rows;
  }

  private async anyIssued(practiceId: string): Promise<boolean> {
    const [row]: { issued: boolean }[] = await this.scope.manager.query(
      `SELECT EXISTS (SELECT 1 FROM invoices WHERE practice_id = $1 AND status = 'issued') AS issued`,
      [practiceId],
    );
    return row.issued;
  }
}

/** The fields a PATCH named: left out (undefined) keeps the stored value; null clears it. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
