import type { ClinicianRef } from './cases';

/*
 * Agreements: the documents each person of a case signs in the portal (informed consent,
 * the case's confidentiality policy, telehealth, e-mail). Built-in ones come with the product
 * (`builtin:<key>`, text in @trustwork/trust-program); a practice writes its own, versioned
 * like exercise templates. Each person signs their own copy of the text as it was rendered
 * for them; neither sees the other's signature.
 */

export const AgreementKind = {
  InformedConsent: 'informed-consent',
  Confidentiality: 'confidentiality',
  Telehealth: 'telehealth',
  EmailCommunication: 'email-communication',
  Other: 'other',
} as const;
export type AgreementKind = (typeof AgreementKind)[keyof typeof AgreementKind];
export const AGREEMENT_KINDS: readonly AgreementKind[] = Object.values(AgreementKind);
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  'informed-consent': 'Informed consent',
  confidentiality: 'Confidentiality policy',
  telehealth: 'Telehealth consent',
  'email-communication': 'Communication by e-mail',
  other: 'Other',
};

/**
 * What a case's confidentiality policy says about what one person tells the therapist alone.
 * `practice`: the practice's own wording (a practice agreement of kind `confidentiality`).
 */
export const ConfidentialityPolicyKind = {
  NoSecrets: 'no-secrets',
  LimitedSecrets: 'limited-secrets',
  KeptPrivate: 'kept-private',
  Practice: 'practice',
} as const;
export type ConfidentialityPolicyKind = (typeof ConfidentialityPolicyKind)[keyof typeof ConfidentialityPolicyKind];
export const CONFIDENTIALITY_POLICY_KINDS: readonly ConfidentialityPolicyKind[] = Object.values(ConfidentialityPolicyKind);

/** Built-in agreements answer to `builtin:<key>`; a practice's own to their UUID. */
export const BUILT_IN_AGREEMENT_ID_PREFIX = 'builtin:';

/** The agreement a new case gets when none are chosen: informed consent (plus its policy's). */
export const DEFAULT_CASE_AGREEMENT_IDS: readonly string[] = ['builtin:informed-consent'];

/**
 * Fields filled in when a document is rendered for a signer, written `{{name}}` in a body.
 * An unknown `{{...}}` in a body is refused when the template is saved.
 */
export const AgreementField = {
  PracticeName: 'practice',
  Clinicians: 'clinicians',
  People: 'people',
  Policy: 'policy',
} as const;
export type AgreementField = (typeof AgreementField)[keyof typeof AgreementField];
export const AGREEMENT_FIELDS: readonly AgreementField[] = Object.values(AgreementField);
export const AGREEMENT_FIELD_LABELS: Record<AgreementField, string> = {
  practice: "The practice's name",
  clinicians: 'The case’s clinicians',
  people: 'The two people’s names',
  policy: 'The case’s confidentiality policy',
};

/** Limits of a practice's own agreement. A body is plain text; a line starting `# ` is a heading. */
export const AGREEMENT_TITLE_MAX = 120;
export const AGREEMENT_BODY_MAX = 40_000;
/** The name a person types to sign. */
export const SIGNATURE_NAME_MAX = 120;
/** Why a case's policy changed. */
export const POLICY_CHANGE_REASON_MAX = 1000;

/** The statement a signer confirms; stored with the signature as it read when they signed. */
export const ELECTRONIC_SIGNATURE_STATEMENT =
  'I have read this agreement. By typing my full name and choosing "Sign", I intend to sign it electronically, and my typed name is my signature.';

// ---------------------------------------------------------------------------------------
// The practice's library of agreements (dashboard)

/** One agreement as the library lists it: its current version, without the body. */
export interface AgreementSummary {
  /** `builtin:<key>` or the template's UUID. */
  id: string;
  source: 'built-in' | 'practice';
  kind: AgreementKind;
  /** For kind `confidentiality`: which policy it states. Null otherwise. */
  policyKind: ConfidentialityPolicyKind | null;
  title: string;
  version: number;
  archived: boolean;
}

/** One version of an agreement: its body with `{{fields}}` not yet filled in. */
export interface AgreementDetail extends AgreementSummary {
  currentVersion: number;
  body: string;
  /** Every version, newest first, so older ones can be opened (`?version=`). */
  versions: { version: number; createdAt: string | null; createdBy: ClinicianRef | null }[];
}

/** `GET /api/agreements` query. */
export interface AgreementQuery {
  kind?: AgreementKind;
  includeArchived?: boolean;
}

/** `POST /api/agreements`: a practice's own agreement (owners). Kind `confidentiality` is the practice's own policy wording. */
export interface CreateAgreementRequest {
  kind: AgreementKind;
  title: string;
  body: string;
}

/**
 * `PATCH /api/agreements/:id`: every edit of the title or body writes a new version, and
 * cases that use it ask both people to sign again. Send `version` (the one you loaded) to be
 * told with a 409 when someone else edited it in the meantime. `archived` hides it from new cases.
 */
export interface UpdateAgreementRequest {
  title?: string;
  body?: string;
  archived?: boolean;
  version?: number;
}

// ---------------------------------------------------------------------------------------
// A case's policy and agreements (dashboard)

/** The policy a case works under, as the dashboard and the portal show it. */
export interface ConfidentialityPolicy {
  /** The confidentiality agreement that states it (`builtin:no-secrets`, or a practice template). */
  agreementId: string;
  kind: ConfidentialityPolicyKind;
  /** "No-secrets policy", or the practice agreement's title. */
  name: string;
  /** One plain sentence of what it means for what one person tells the therapist alone. */
  summary: string;
}

export interface PolicyChange {
  policy: { agreementId: string; name: string } | null;
  previous: { agreementId: string; name: string } | null;
  reason: string | null;
  changedAt: string;
  changedBy: ClinicianRef | null;
}

/** `PUT /api/cases/:id/confidentiality-policy`. A reason is required once the case has a policy. */
export interface ChangeConfidentialityPolicyRequest {
  agreementId: string;
  reason?: string;
}

/** `GET /api/cases/:id/agreements`: what each person has signed of the case's agreements. */
export interface CaseAgreements {
  policy: ConfidentialityPolicy | null;
  policyHistory: PolicyChange[];
  /** The case's own agreements plus its policy's agreement, in the order chosen. */
  agreements: CaseAgreement[];
  /** True once both people have signed the current informed consent (or the case asks for none). */
  informedConsentComplete: boolean;
}

export interface CaseAgreement {
  agreementId: string;
  kind: AgreementKind;
  title: string;
  /** The version people sign now. */
  version: number;
  /** True for the policy's agreement, which changes with the policy rather than being removed. */
  fromPolicy: boolean;
  /** One entry per person, in the case's order. */
  signers: AgreementSignerStatus[];
}

export interface AgreementSignerStatus {
  participantId: string;
  displayName: string;
  /** `signed`: this version under this policy; `outdated`: signed an earlier version or policy; `unsigned`: never. */
  state: 'signed' | 'outdated' | 'unsigned';
  /** The newest signature of this agreement by this person, current or not. */
  signature: SignatureRecord | null;
}

export interface SignatureRecord {
  id: string;
  version: number;
  typedName: string;
  signedAt: string;
  /** SHA-256 of the exact text the person was shown, hex. */
  documentHash: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/** `PUT /api/cases/:id/agreements`: the case's own agreements (the policy's is added for you). */
export interface SetCaseAgreementsRequest {
  agreementIds: string[];
}

/** `POST /api/cases/:id/agreements/reminders`: e-mail whoever still has something to sign. */
export interface AgreementReminderRequest {
  /** Only this person; both when left out. */
  participantId?: string;
}

export interface AgreementReminderResult {
  /** The people an e-mail went to. */
  sentTo: { participantId: string; displayName: string }[];
  /** People left out, and why ("nothing to sign", "no e-mail address", "no live portal link"). */
  skipped: { participantId: string; displayName: string; reason: string }[];
}

// ---------------------------------------------------------------------------------------
// The portal

/** `GET /api/portal/agreements`: this person's agreements; never the other person's status. */
export interface PortalAgreementSummary {
  agreementId: string;
  kind: AgreementKind;
  title: string;
  version: number;
  /** Always true: every agreement of a case is for both people, each signing their own copy. */
  appliesToBoth: true;
  state: 'to-sign' | 'signed';
  /** Set when `signed`. */
  signedAt: string | null;
}

/** `GET /api/portal/agreements/:agreementId`: the document as rendered for this person. */
export interface PortalAgreementDocument extends PortalAgreementSummary {
  /** The full text with its fields filled in; a line starting `# ` is a heading. */
  text: string;
  /** SHA-256 of `text` (UTF-8), hex: sent back when signing. */
  documentHash: string;
  statement: string;
}

/** `POST /api/portal/agreements/:agreementId/signature`. */
export interface SignAgreementRequest {
  /** The version that was read. */
  version: number;
  /** The `documentHash` of the text that was read: a changed text is refused with a 409. */
  documentHash: string;
  /** The signer's full name as they type it. */
  typedName: string;
  /** Must be true: the signer confirmed ELECTRONIC_SIGNATURE_STATEMENT. */
  intendToSign: boolean;
}

/** The answer to a signature: the person's own copy. */
export interface PortalSignature {
  agreementId: string;
  version: number;
  typedName: string;
  signedAt: string;
  documentHash: string;
}

/** The portal's statement of the case's policy before a person writes privately. Null: no policy yet. */
export interface PortalConfidentialityPolicy {
  name: string;
  /** e.g. "Under this case's no-secrets policy, what you write here may be brought into a joint session." */
  privateLineSentence: string;
}
