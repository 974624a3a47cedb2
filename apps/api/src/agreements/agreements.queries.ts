import type { AgreementKind, ClinicianRef, ConfidentialityPolicyKind, SignatureRecord } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';

/** One version of a practice template, as the library and the cases read it. */
export interface TemplateVersionRow {
  id: string;
  kind: AgreementKind;
  currentVersion: number;
  archived: boolean;
  version: number;
  title: string;
  body: string;
}

const TEMPLATE_COLUMNS = `t.id, t.kind, t.current_version AS "currentVersion", t.archived_at IS NOT NULL AS archived, v.version, v.title, v.body`;

/** The practice's templates at their current version (or `version`), narrowed as asked. */
export function templateVersions(
  db: EntityManager,
  practiceId: string,
  filter: { ids?: string[]; kind?: AgreementKind; includeArchived?: boolean; version?: number },
): Promise<TemplateVersionRow[]> {
  return db.query(
    `SELECT ${TEMPLATE_COLUMNS} FROM agreement_templates t
     JOIN agreement_template_versions v ON v.template_id = t.id AND v.version = coalesce($5::int, t.current_version)
     WHERE t.practice_id = $1 AND ($2::uuid[] IS NULL OR t.id = ANY($2::uuid[])) AND ($3::text IS NULL OR t.kind = $3)
       AND ($4::boolean OR t.archived_at IS NULL)
     ORDER BY lower(v.title), t.id`,
    [practiceId, filter.ids ?? null, filter.kind ?? null, filter.includeArchived ?? true, filter.version ?? null],
  );
}

export async function templateVersionList(
  db: EntityManager,
  practiceId: string,
  templateId: string,
): Promise<{ version: number; createdAt: string | null; createdBy: ClinicianRef | null }[]> {
  const rows: { version: number; created_at: Date; user_id: string | null; user_name: string | null }[] = await db.query(
    `SELECT v.version, v.created_at, u.id AS user_id, u.name AS user_name FROM agreement_template_versions v
     LEFT JOIN users u ON u.id = v.created_by
     WHERE v.practice_id = $1 AND v.template_id = $2 ORDER BY v.version DESC`,
    [practiceId, templateId],
  );
  return rows.map((row) => ({
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.user_id ? { id: row.user_id, name: row.user_name ?? '' } : null,
  }));
}

export interface PolicyChangeRow {
  agreement_id: string;
  policy_kind: ConfidentialityPolicyKind;
  policy_name: string;
  previous_agreement_id: string | null;
  previous_name: string | null;
  reason: string | null;
  changed_at: Date;
  user_id: string | null;
  user_name: string | null;
}

/** Every policy change of the case, oldest first: the last is the case's policy. */
export function policyChanges(db: EntityManager, practiceId: string, caseId: string): Promise<PolicyChangeRow[]> {
  return db.query(
    `SELECT pc.agreement_id, pc.policy_kind, pc.policy_name, pc.previous_agreement_id, pc.previous_name, pc.reason, pc.changed_at,
            u.id AS user_id, u.name AS user_name
     FROM case_policy_changes pc LEFT JOIN users u ON u.id = pc.changed_by
     WHERE pc.practice_id = $1 AND pc.case_id = $2 ORDER BY pc.changed_at, pc.id`,
    [practiceId, caseId],
  );
}

/** The case's own agreements (not its policy's), in the order chosen. */
export async function caseAgreementIds(db: EntityManager, practiceId: string, caseId: string): Promise<string[]> {
  const rows: { agreement_id: string }[] = await db.query(
    `SELECT agreement_id FROM case_agreements WHERE practice_id = $1 AND case_id = $2 ORDER BY position, agreement_id`,
    [practiceId, caseId],
  );
  return rows.map((row) => row.agreement_id);
}

export interface CaseParticipantRow {
  id: string;
  displayName: string;
  email: string | null;
  hasLiveLink: boolean;
}

export function caseParticipants(db: EntityManager, practiceId: string, caseId: string): Promise<CaseParticipantRow[]> {
  return db.query(
    `SELECT p.id, p.display_name AS "displayName", nullif(trim(p.email), '') AS email,
       EXISTS (SELECT 1 FROM portal_links l WHERE l.practice_id = $1 AND l.participant_id = p.id AND l.revoked_at IS NULL AND l.expires_at > now()) AS "hasLiveLink"
     FROM participants p WHERE p.practice_id = $1 AND p.case_id = $2 ORDER BY p.position`,
    [practiceId, caseId],
  );
}

export interface SignatureRow {
  id: string;
  participant_id: string;
  agreement_id: string;
  kind: AgreementKind;
  title: string;
  version: number;
  policy_agreement_id: string | null;
  document_hash: string;
  typed_name: string;
  signed_at: Date;
  ip_address: string | null;
  user_agent: string | null;
}

export interface SignatureWithText extends SignatureRow {
  document_text: string;
  statement: string;
}

const SIGNATURE_COLUMNS = `s.id, s.participant_id, s.agreement_id, s.kind, s.title, s.version, s.policy_agreement_id, s.document_hash,
  s.typed_name, s.signed_at, s.ip_address, s.user_agent`;

/** Each person's newest signature of each agreement of the case. */
export function newestSignatures(db: EntityManager, practiceId: string, caseId: string): Promise<SignatureRow[]> {
  return db.query(
    `SELECT DISTINCT ON (s.participant_id, s.agreement_id) ${SIGNATURE_COLUMNS}
     FROM agreement_signatures s WHERE s.practice_id = $1 AND s.case_id = $2
     ORDER BY s.participant_id, s.agreement_id, s.signed_at DESC, s.id`,
    [practiceId, caseId],
  );
}

/** Signatures with the texts signed, oldest first, narrowed to one person or one signature when asked. */
export function signaturesWithText(
  db: EntityManager,
  practiceId: string,
  caseId: string,
  filter: { participantId?: string; signatureId?: string; agreementId?: string } = {},
): Promise<SignatureWithText[]> {
  return db.query(
    `SELECT ${SIGNATURE_COLUMNS}, s.document_text, s.statement FROM agreement_signatures s
     WHERE s.practice_id = $1 AND s.case_id = $2 AND ($3::uuid IS NULL OR s.participant_id = $3)
       AND ($4::uuid IS NULL OR s.id = $4) AND ($5::text IS NULL OR s.agreement_id = $5)
     ORDER BY s.signed_at, s.id`,
    [practiceId, caseId, filter.participantId ?? null, filter.signatureId ?? null, filter.agreementId ?? null],
  );
}

export function toSignatureRecord(row: SignatureRow): SignatureRecord {
  return {
    id: row.id,
    version: row.version,
    typedName: row.typed_name,
    signedAt: new Date(row.signed_at).toISOString(),
    documentHash: row.document_hash,
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
  };
}

/** What a rendered document and a signed copy need of the case: names and the practice's clock. */
export interface CaseNames {
  practiceName: string;
  timeZone: string;
  clinicians: string[];
  people: string[];
}

export async function caseNames(db: EntityManager, practiceId: string, caseId: string): Promise<CaseNames> {
  const [row]: { practice_name: string; time_zone: string; clinicians: string[] | null; people: string[] | null }[] = await db.query(
    `SELECT pr.name AS practice_name, pr.time_zone,
       (SELECT array_agg(u.name ORDER BY u.name) FROM case_clinicians cc JOIN users u ON u.id = cc.user_id
         WHERE cc.practice_id = $1 AND cc.case_id = $2) AS clinicians,
       (SELECT array_agg(p.display_name ORDER BY p.position) FROM participants p WHERE p.practice_id = $1 AND p.case_id = $2) AS people
     FROM practices pr WHERE pr.id = $1`,
    [practiceId, caseId],
  );
  return { practiceName: row.practice_name, timeZone: row.time_zone, clinicians: row.clinicians ?? [], people: row.people ?? [] };
}
