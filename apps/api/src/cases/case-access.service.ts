import { Injectable } from '@nestjs/common';
import { Permission, roleHasPermission } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { PracticeScope } from '../database/practice-scope';
import { ClinicalRecordsNotForRole, CaseNotFound } from './cases.errors';
import { CaseClinician } from './entities/case-clinician.entity';
import { TherapyCase } from './entities/therapy-case.entity';

/**
 * Who may open which case: owners and assistants every case of the practice,
 * clinicians only the cases assigned to them. Anything else answers 404, so a case
 * id reveals nothing. Other features (sessions, notes) ask here before they read.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly scope: PracticeScope) {}

  /** The case, if this user may see it at all. */
  async open(user: AuthenticatedUser, caseId: string): Promise<TherapyCase> {
    const found = await this.scope.repository(TherapyCase).findOne({ where: { id: caseId, practiceId: user.practiceId } });
    if (!found) throw new CaseNotFound();
    if (!roleHasPermission(user.role, Permission.ViewAllCases) && !(await this.isAssigned(user, caseId))) throw new CaseNotFound();
    return found;
  }

  /** As `open`, and the user's role must allow clinical records (not an assistant). */
  async openClinical(user: AuthenticatedUser, caseId: string): Promise<TherapyCase> {
    const found = await this.open(user, caseId);
    this.assertClinical(user);
    return found;
  }

  assertClinical(user: AuthenticatedUser): void {
    if (!roleHasPermission(user.role, Permission.ViewClinicalRecords)) throw new ClinicalRecordsNotForRole();
  }

  private async isAssigned(user: AuthenticatedUser, caseId: string): Promise<boolean> {
    return this.scope.repository(CaseClinician).exists({ where: { caseId, userId: user.id, practiceId: user.practiceId } });
  }
}
