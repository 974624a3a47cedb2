import { Injectable } from '@nestjs/common';
import type { PortalWelcome } from '@trustwork/contracts';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import type { AuthenticatedParticipant } from './authenticated-participant';

interface WelcomeRow {
  own_name: string;
  other_name: string;
  therapist_name: string | null;
  practice_name: string;
  has_email: boolean;
  homework_reminders: boolean;
}

/** What a participant sees of their own portal. Names are first names only: the portal may be read over a shoulder. */
@Injectable()
export class PortalService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly audit: AuditService,
  ) {}

  async welcome(participant: AuthenticatedParticipant): Promise<PortalWelcome> {
    // The therapist is the case's first active clinician in the order the dashboard lists them.
    const [row]: WelcomeRow[] = await this.scope.manager.query(
      `SELECT own.display_name AS own_name, other.display_name AS other_name, pr.name AS practice_name,
         nullif(trim(own.email), '') IS NOT NULL AS has_email, own.homework_reminders,
         (SELECT u.name FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
           WHERE cc.case_id = own.case_id AND u.active ORDER BY u.name LIMIT 1) AS therapist_name
       FROM participants own
       JOIN practices pr ON pr.id = own.practice_id
       JOIN participants other ON other.case_id = own.case_id AND other.id <> own.id
       WHERE own.practice_id = $1 AND own.id = $2`,
      [participant.practiceId, participant.participantId],
    );
    await this.audit.record(participant.practiceId, {
      action: 'participant.read',
      recordType: 'participant',
      recordId: participant.participantId,
      caseId: participant.caseId,
    });
    return {
      participant: { firstName: firstName(row.own_name) },
      otherParticipant: { firstName: firstName(row.other_name) },
      therapist: row.therapist_name ? { name: row.therapist_name } : null,
      practice: { name: row.practice_name },
      expiresAt: participant.linkExpiresAt.toISOString(),
      reminders: { email: row.has_email, homework: row.homework_reminders },
    };
  }
}

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0];
}
