import { Injectable } from '@nestjs/common';
import { AGREEMENT_FIELDS, AuditRecordType, type AgreementDetail, type AgreementSummary } from '@trustwork/contracts';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { PracticeScope } from '../database/practice-scope';
import { AgreementCatalog, BUILT_IN_AGREEMENTS, practiceVersion, type AgreementRef, type AgreementVersion } from './agreement-catalog.service';
import { unknownFields } from './agreement-text';
import { templateVersionList, templateVersions } from './agreements.queries';
import { AgreementNotFound, AgreementVersionConflict, AgreementVersionNotFound, BuiltInAgreementIsReadOnly, InvalidAgreement } from './agreements.errors';
import type { AgreementQueryDto } from './dto/agreement-query.dto';
import type { CreateAgreementDto } from './dto/create-agreement.dto';
import type { UpdateAgreementDto } from './dto/update-agreement.dto';

/**
 * The practice's library of agreements: the built-ins (read-only, from libs/trust-program)
 * and its own, each edit of the text a new version, older versions kept readable. Templates
 * hold no one's clinical record, so reads are not audited; changes are.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly scope: PracticeScope,
    private readonly catalog: AgreementCatalog,
    private readonly audit: AuditService,
  ) {}

  /** Built-ins first, then the practice's own by title. */
  async list(user: AuthenticatedUser, query: AgreementQueryDto): Promise<AgreementSummary[]> {
    const builtIns = BUILT_IN_AGREEMENTS.filter((agreement) => !query.kind || agreement.kind === query.kind);
    const own = await templateVersions(this.scope.manager, user.practiceId, { kind: query.kind, includeArchived: query.includeArchived ?? false });
    return [...builtIns, ...own.map(practiceVersion)].map(summaryOf);
  }

  async detail(user: AuthenticatedUser, ref: AgreementRef, version?: number): Promise<AgreementDetail> {
    const found = await this.catalog.find(user.practiceId, ref, version);
    if (!found) {
      // Tell "no such agreement here" apart from "no such version of it".
      if (version === undefined || !(await this.catalog.find(user.practiceId, ref))) throw new AgreementNotFound();
      throw new AgreementVersionNotFound();
    }
    const versions =
      ref.source === 'built-in'
        ? [{ version: found.version, createdAt: null, createdBy: null }]
        : await templateVersionList(this.scope.manager, user.practiceId, ref.templateId);
    return { ...summaryOf(found), currentVersion: found.currentVersion, body: found.body, versions };
  }

  async create(user: AuthenticatedUser, request: CreateAgreementDto): Promise<AgreementDetail> {
    checkFields(request.body);
    const [template]: { id: string }[] = await this.scope.manager.query(
      `INSERT INTO agreement_templates (practice_id, kind, current_version, created_by) VALUES ($1, $2, 1, $3) RETURNING id`,
      [user.practiceId, request.kind, user.id],
    );
    await this.insertVersion(user, template.id, 1, request);
    await this.audit.record(user.practiceId, { action: 'agreement.create', recordType: AuditRecordType.Agreement, recordId: template.id });
    return this.detail(user, { source: 'practice', templateId: template.id });
  }

  /** A changed title or body is the next version: cases that use it ask both people to sign again. */
  async update(user: AuthenticatedUser, ref: AgreementRef, changes: UpdateAgreementDto): Promise<AgreementDetail> {
    if (ref.source === 'built-in') {
      if (!(await this.catalog.find(user.practiceId, ref))) throw new AgreementNotFound();
      throw new BuiltInAgreementIsReadOnly();
    }
    // Locked, so two edits at once make versions n+1 and n+2 rather than collide.
    const [template]: { current_version: number; archived: boolean }[] = await this.scope.manager.query(
      `SELECT current_version, archived_at IS NOT NULL AS archived FROM agreement_templates WHERE practice_id = $1 AND id = $2 FOR UPDATE`,
      [user.practiceId, ref.templateId],
    );
    if (!template) throw new AgreementNotFound();
    if (changes.version !== undefined && changes.version !== template.current_version) throw new AgreementVersionConflict(template.current_version);
    if (changes.title === undefined && changes.body === undefined && changes.archived === undefined) {
      throw new InvalidAgreement('send at least one of title, body or archived to change');
    }
    const current = (await this.catalog.find(user.practiceId, ref)) as AgreementVersion;
    const text = { title: changes.title ?? current.title, body: changes.body ?? current.body };
    const textChanged = text.title !== current.title || text.body !== current.body;
    const archivedChanged = changes.archived !== undefined && changes.archived !== template.archived;
    if (textChanged) {
      checkFields(text.body);
      await this.insertVersion(user, ref.templateId, template.current_version + 1, text);
    }
    if (textChanged || archivedChanged) {
      await this.scope.manager.query(
        `UPDATE agreement_templates SET current_version = current_version + $3::int, updated_at = now(),
           archived_at = CASE WHEN $4::boolean IS NULL THEN archived_at WHEN $4 THEN coalesce(archived_at, now()) ELSE NULL END
         WHERE practice_id = $1 AND id = $2`,
        [user.practiceId, ref.templateId, textChanged ? 1 : 0, changes.archived ?? null],
      );
      await this.audit.record(user.practiceId, { action: 'agreement.update', recordType: AuditRecordType.Agreement, recordId: ref.templateId });
    }
    return this.detail(user, ref);
  }

  private async insertVersion(user: AuthenticatedUser, templateId: string, version: number, text: { title: string; body: string }): Promise<void> {
    await this.scope.manager.query(
      `INSERT INTO agreement_template_versions (template_id, version, practice_id, title, body, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [templateId, version, user.practiceId, text.title, text.body, user.id],
    );
  }
}

function summaryOf(agreement: AgreementVersion): AgreementSummary {
  return {
    id: agreement.id,
    source: agreement.source,
    kind: agreement.kind,
    policyKind: agreement.policyKind,
    title: agreement.title,
    version: agreement.version,
    archived: agreement.archived,
  };
}

/** Every `{{name}}` must be a field filled in at signing. */
function checkFields(body: string): void {
  const unknown = unknownFields(body);
  if (unknown.length > 0) {
    const known = AGREEMENT_FIELDS.map((field) => `{{${field}}}`).join(', ');
    throw new InvalidAgreement(unknown.map((name) => `body uses {{${name}}}, which is not a field; the fields are ${known}`));
  }
}
