import { Injectable } from '@nestjs/common';
import { Permission, rolesWith, type PortalPrivateReaders, type PortalWelcome } from '@trustwork/contracts';
import { AgreementRecordsService } from '../agreements/agreement-records.service';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import type { AuthenticatedParticipant } from '../common/authenticated-participant';

interface ReaderRow {
  name: string;
  assigned: boolean;
}

/** Roles that read clinical records (safety reports among them), and of those, the ones that open every case. */
const READER_ROLES = rolesWith(Permission.ViewClinicalRecords);
const EVERY_CASE_READER_ROLES = rolesWith(Permission.ViewClinicalRecords, Permission.ViewAllCases);

interface WelcomeRow {
  own_name: string;
  other_name: string;
  other_pronouns: string | null;
  therapist_name: string | null;
  practice_name: string;
  has_email: boolean;
  homework_reminders: boolean;
  session_reminders: boolean;
}

/** What a participant sees of their own portal. Names are first names only: the portal may be read over a shoulder. */
@Injectable()
export class PortalService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
    private readonly agreements: AgreementRecordsService,
  ) {}

  async welcome(participant: AuthenticatedParticipant): Promise<PortalWelcome> {
    // The therapist is the case's first active clinician in the order the dashboard lists them.
    const [row]: WelcomeRow[] = await this.scope.manager.query(
      `SELECT own.display_name AS own_name, other.display_name AS other_name, nullif(trim(other.pronouns), '') AS other_pronouns,
         pr.name AS practice_name,
         nullif(trim(own.email), '') IS NOT NULL AS has_email, own.homework_reminders, own.session_reminders,
         (SELECT u.name FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
           WHERE cc.case_id = own.case_id AND u.active ORDER BY u.name LIMIT 1) AS therapist_name
       FROM participants own
       JOIN practices pr ON pr.id = own.practice_id
       JOIN participants other ON other.case_id = own.case_id AND other.id <> own.id
       WHERE own.practice_id = $1 AND own.id = $2`,
      [participant.practiceId, participant.participantId],
    );
    const privateReaders = await this.privateReaders(participant);
    const { confidentialityPolicy, agreementsToSign } = await this.agreements.portalSummary(participant.practiceId, participant.caseId, participant.participantId);
    await this.audit.record(participant.practiceId, {
      action: 'participant.read',
      recordType: 'participant',
      recordId: participant.participantId,
      caseId: participant.caseId,
    });
    return {
      participant: { firstName: firstName(row.own_name) },
      otherParticipant: { firstName: firstName(row.other_name), pronouns: row.other_pronouns },
      therapist: row.therapist_name ? { name: row.therapist_name } : null,
      practice: { name: row.practice_name },
      privateReaders,
      expiresAt: participant.linkExpiresAt.toISOString(),
      reminders: { email: row.has_email, homework: row.homework_reminders, sessions: row.session_reminders },
      confidentialityPolicy,
      agreementsToSign,
    };
  }

  /** Everyone CaseAccess lets read this case's safety reports, so the portal can name them truthfully. */
  private async privateReaders(participant: AuthenticatedParticipant): Promise<PortalPrivateReaders> {
    const rows: ReaderRow[] = await this.scope.manager.query(
      `SELECT u.name, cc.user_id IS NOT NULL AS assigned
       FROM users u
       LEFT JOIN case_clinicians cc ON cc.user_id = u.id AND cc.case_id = $2 AND cc.practice_id = $1
       WHERE u.practice_id = $1 AND u.active AND u.role = ANY($3::text[])
         AND (cc.user_id IS NOT NULL OR u.role = ANY($4::text[]))
       ORDER BY u.name, u.id`,
      [participant.practiceId, participant.caseId, READER_ROLES, EVERY_CASE_READER_ROLES],
    );
    const names = (assigned: boolean) => rows.filter((row) => row.assigned === assigned).map((row) => ({ name: row.name }));
    return { therapists: names(true), practiceOwners: names(false) };
  }
}

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0];
}
