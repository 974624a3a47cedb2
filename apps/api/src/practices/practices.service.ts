import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  CANCELLATION_NOTICE_DEFAULT_HOURS,
  IDLE_TIMEOUT_DEFAULT_MINUTES,
  REMINDER_LEAD_DEFAULT_HOURS,
  type PracticeSummary,
} from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import type { UpdatePracticeDto } from './dto/update-practice.dto';
import { Practice } from './practice.entity';
import { OwnTwoFactorNeededFirst } from './practices.errors';

const SUMMARY_COLUMNS = {
  id: true,
  name: true,
  timeZone: true,
  idleTimeoutMinutes: true,
  requireTwoFactor: true,
  reminderLeadHours: true,
  cancellationNoticeHours: true,
  officeAddress: true,
} as const;

@Injectable()
export class PracticesService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  private get practices() {
    return this.scope.repository(Practice);
  }

  /** Call inside `PracticeScope.run(id, …)` with the new practice's id. */
  async create(id: string, name: string, timeZone = 'UTC'): Promise<PracticeSummary> {
    const practice = {
      id,
      name,
      timeZone,
      idleTimeoutMinutes: IDLE_TIMEOUT_DEFAULT_MINUTES,
      requireTwoFactor: false,
      reminderLeadHours: REMINDER_LEAD_DEFAULT_HOURS,
      cancellationNoticeHours: CANCELLATION_NOTICE_DEFAULT_HOURS,
      officeAddress: null,
    };
    await this.practices.insert(practice);
    return toSummary(practice);
  }

  async summary(id: string): Promise<PracticeSummary> {
    return toSummary(await this.practices.findOneOrFail({ select: SUMMARY_COLUMNS, where: { id } }));
  }

  async update(actor: AuthenticatedUser, changes: UpdatePracticeDto): Promise<PracticeSummary> {
    const practice = await this.practices.findOneOrFail({ select: SUMMARY_COLUMNS, where: { id: actor.practiceId } });
    if (changes.requireTwoFactor && !practice.requireTwoFactor && !(await this.hasTwoFactor(actor))) throw new OwnTwoFactorNeededFirst();
    if (changes.name !== undefined) practice.name = changes.name;
    if (changes.timeZone !== undefined) practice.timeZone = changes.timeZone;
    if (changes.idleTimeoutMinutes !== undefined) practice.idleTimeoutMinutes = changes.idleTimeoutMinutes;
    if (changes.requireTwoFactor !== undefined) practice.requireTwoFactor = changes.requireTwoFactor;
    if (changes.reminderLeadHours !== undefined) practice.reminderLeadHours = changes.reminderLeadHours;
    if (changes.cancellationNoticeHours !== undefined) practice.cancellationNoticeHours = changes.cancellationNoticeHours;
    if (changes.officeAddress !== undefined) practice.officeAddress = changes.officeAddress;
    await this.practices.save(practice);
    await this.audit.record(actor.practiceId, { action: 'practice.update', recordType: AuditRecordType.Practice, recordId: actor.practiceId });
    return toSummary(practice);
  }

  /** Requiring two-factor of everyone would otherwise shut out the owner who asked for it. */
  private async hasTwoFactor(actor: AuthenticatedUser): Promise<boolean> {
    const [row]: { enabled: boolean }[] = await this.scope.manager.query(
      'SELECT two_factor_enabled_at IS NOT NULL AS enabled FROM users WHERE id = $1 AND practice_id = $2',
      [actor.id, actor.practiceId],
    );
    return row?.enabled === true;
  }
}

function toSummary(practice: Pick<Practice, keyof typeof SUMMARY_COLUMNS>): PracticeSummary {
  return {
    id: practice.id,
    name: practice.name,
    timeZone: practice.timeZone,
    idleTimeoutMinutes: practice.idleTimeoutMinutes,
    requireTwoFactor: practice.requireTwoFactor,
    reminderLeadHours: practice.reminderLeadHours,
    cancellationNoticeHours: practice.cancellationNoticeHours,
    officeAddress: practice.officeAddress,
  };
}
