import { Injectable } from '@nestjs/common';
import { AgreementKind, BUILT_IN_AGREEMENT_ID_PREFIX, ConfidentialityPolicyKind, type AgreementSummary } from '@trustwork/contracts';
import { AGREEMENTS, type BuiltInAgreement } from '@trustwork/trust-program';
import { isUUID } from 'class-validator';
import { PracticeScope } from '../database/practice-scope';
import { templateVersions, type TemplateVersionRow } from './agreements.queries';

/** One version of an agreement, built-in or the practice's own, with its body's fields not yet filled in. */
export interface AgreementVersion extends AgreementSummary {
  currentVersion: number;
  body: string;
}

/** What an agreement id names: a built-in by key, or a practice template by its UUID. */
export type AgreementRef = { source: 'built-in'; key: string } | { source: 'practice'; templateId: string };

const BUILT_IN_KEY = /^[a-z0-9-]{1,60}$/;

/** `builtin:<key>` or a UUID; null for anything that cannot name an agreement. */
export function parseAgreementRef(id: string): AgreementRef | null {
  if (id.startsWith(BUILT_IN_AGREEMENT_ID_PREFIX)) {
    const key = id.slice(BUILT_IN_AGREEMENT_ID_PREFIX.length);
    return BUILT_IN_KEY.test(key) ? { source: 'built-in', key } : null;
  }
  return isUUID(id, 'loose') ? { source: 'practice', templateId: id.toLowerCase() } : null;
}

export const refId = (ref: AgreementRef): string => (ref.source === 'built-in' ? `${BUILT_IN_AGREEMENT_ID_PREFIX}${ref.key}` : ref.templateId);

function builtInVersion(agreement: BuiltInAgreement): AgreementVersion {
  return {
    id: `${BUILT_IN_AGREEMENT_ID_PREFIX}${agreement.key}`,
    source: 'built-in',
    kind: agreement.kind,
    policyKind: agreement.policyKind,
    title: agreement.title,
    version: agreement.version,
    currentVersion: agreement.version,
    archived: false,
    body: agreement.body,
  };
}

export const BUILT_IN_AGREEMENTS: readonly AgreementVersion[] = AGREEMENTS.map(builtInVersion);
const BUILT_INS_BY_ID = new Map(BUILT_IN_AGREEMENTS.map((agreement) => [agreement.id, agreement]));

export function practiceVersion(row: TemplateVersionRow): AgreementVersion {
  return {
    id: row.id,
    source: 'practice',
    kind: row.kind,
    policyKind: row.kind === AgreementKind.Confidentiality ? ConfidentialityPolicyKind.Practice : null,
    title: row.title,
    version: Number(row.version),
    currentVersion: Number(row.currentVersion),
    archived: row.archived,
    body: row.body,
  };
}

/** Finds agreements by id for the library, the cases and the portal alike. */
@Injectable()
export class AgreementCatalog {
  constructor(private readonly scope: PracticeScope) {}

  /** The current versions of those of `ids` that exist (archived ones too), by id; unknown ids are left out. */
  async current(practiceId: string, ids: readonly string[]): Promise<Map<string, AgreementVersion>> {
    const found = new Map<string, AgreementVersion>();
    const templateIds: string[] = [];
    for (const id of ids) {
      const ref = parseAgreementRef(id);
      if (ref?.source === 'practice') templateIds.push(ref.templateId);
      const builtIn = ref?.source === 'built-in' ? BUILT_INS_BY_ID.get(id) : undefined;
      if (builtIn) found.set(id, builtIn);
    }
    if (templateIds.length > 0) {
      for (const row of await templateVersions(this.scope.manager, practiceId, { ids: templateIds })) found.set(row.id, practiceVersion(row));
    }
    return found;
  }

  /** One agreement at its current version or `version`; null when there is no such agreement or version. */
  async find(practiceId: string, ref: AgreementRef, version?: number): Promise<AgreementVersion | null> {
    if (ref.source === 'built-in') {
      const builtIn = BUILT_INS_BY_ID.get(refId(ref));
      return builtIn && (version === undefined || version === builtIn.version) ? builtIn : null;
    }
    const [row] = await templateVersions(this.scope.manager, practiceId, { ids: [ref.templateId], version });
    return row ? practiceVersion(row) : null;
  }
}
