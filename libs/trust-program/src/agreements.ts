/**
 * The agreements every practice can ask both people of a case to sign, in the product's own
 * words, and how each confidentiality policy is put in one sentence. Keys are ids (cases
 * and signatures name them as `builtin:<key>`): never rename one; bump `version` whenever
 * the title or body changes, so everyone who signed the earlier text is asked to sign again.
 *
 * A body is plain text: blank lines part paragraphs, a line starting `# ` is a heading.
 * `{{practice}}`, `{{clinicians}}`, `{{people}}` and `{{policy}}` are filled in for each
 * signer (libs/contracts AGREEMENT_FIELDS). Wording rules: plain and warm, say what happens
 * and who decides, no legal padding; the limits of confidentiality are always stated.
 */

/** libs/contracts AgreementKind, spelled out here so this lib needs no dependency on contracts. */
export type BuiltInAgreementKind = 'informed-consent' | 'confidentiality' | 'telehealth' | 'email-communication';
/** libs/contracts ConfidentialityPolicyKind. */
export type PolicyKind = 'no-secrets' | 'limited-secrets' | 'kept-private' | 'practice';

export interface BuiltInAgreement {
  /** Stable kebab-case id. Never rename. */
  readonly key: string;
  readonly kind: BuiltInAgreementKind;
  /** For kind `confidentiality`: the policy it states (its key). */
  readonly policyKind: Exclude<PolicyKind, 'practice'> | null;
  /** Bump when the title or body changes. */
  readonly version: number;
  readonly title: string;
  readonly body: string;
}

export interface PolicyWording {
  /** One plain sentence for the case page: what happens with what one person says alone. */
  readonly summary: string;
  /** Said in the portal before a person writes privately to the therapist; `policyName` is the policy's name. */
  readonly privateLineSentence: (policyName: string) => string;
}

const LIMITS_OF_CONFIDENTIALITY = `# When the law comes first
Whatever this policy says, there are times your therapist must share information without your agreement:
- when someone is in serious danger of harming themselves or another person;
- when a child, or an adult who cannot protect themselves, is being abused or neglected, or is at risk of it;
- when a court orders records or testimony.
Where it is safe and possible, your therapist will tell you first.`;

export const AGREEMENTS: readonly BuiltInAgreement[] = [
  {
    key: 'informed-consent',
    kind: 'informed-consent',
    policyKind: null,
    version: 1,
    title: 'Consent to relational therapy',
    body: `This agreement is between {{people}} and {{practice}}, where {{clinicians}} will be your therapist. Please read it before your work together begins. Each of you signs your own copy.

# What this work is
Relational therapy helps two people understand what happens between them and change it: how you talk, how you repair after hurt, and how trust is rebuilt. Sessions are mostly joint, and at times your therapist may meet each of you alone.

# Two people, one treatment
In this work the client is your relationship, not either one of you. Your therapist does not take sides or act as anyone's advocate against the other. If one of you needs individual therapy, your therapist can help you find it elsewhere.

# What to expect
Therapy often helps: many people find they argue less destructively, feel understood and trust each other more. It can also be hard. Talking about painful things can bring up strong feelings for a time, and therapy cannot promise any particular result, including staying together or separating. You may also be given exercises to do between sessions.

# Sessions
Sessions are arranged with your therapist. If you cannot come, please say so as early as you can. Your therapist may also offer short check-ins and exercises through your personal Trustwork link.

# Confidentiality and records
What you share in therapy is kept confidential, within the limits of the law and of this case's confidentiality policy ({{policy}}), which you sign separately. Your therapist keeps notes of your sessions in {{practice}}'s secure records. Either of you may ask to see the records of your own part of the work.

# Fees
Fees, cancellations and payment are agreed with {{practice}} separately from this consent.

# Ending
Either of you, or your therapist, may end the work at any time. Where possible, a last session to close well is worth having. If your therapist believes the work is no longer helping, they will say so and suggest other options.

# Emergencies
Your therapist is not available around the clock, and Trustwork is not an emergency service. If you or someone else is in danger, call your local emergency number or go to the nearest emergency department.

# Your questions and your consent
Both of you may ask about anything in this agreement, now or later. Your consent is voluntary: you can withdraw it at any time by telling your therapist, and that will not be held against you.`,
  },
  {
    key: 'no-secrets',
    kind: 'confidentiality',
    policyKind: 'no-secrets',
    version: 1,
    title: 'No-secrets policy',
    body: `This policy covers what {{people}} tell {{clinicians}} at {{practice}} when the other person is not there: in an individual session, a phone call, a message, or a private note in Trustwork.

# What this policy says
Your therapist does not keep secrets between the two of you. Anything one of you tells your therapist alone may be brought into a joint session, when your therapist thinks it matters for the work.

# Why
Couples work depends on your therapist not holding information that one of you does not know. Keeping a secret for one person can leave your therapist unable to help the relationship honestly.

# What this means for you
Before you tell your therapist something alone, think about whether you are ready for it to be talked about together. If you are unsure, ask your therapist first how they would handle it. Where possible, your therapist will help you say it yourself rather than say it for you.

${LIMITS_OF_CONFIDENTIALITY}`,
  },
  {
    key: 'limited-secrets',
    kind: 'confidentiality',
    policyKind: 'limited-secrets',
    version: 1,
    title: 'Limited-secrets policy',
    body: `This policy covers what {{people}} tell {{clinicians}} at {{practice}} when the other person is not there: in an individual session, a phone call, a message, or a private note in Trustwork.

# What this policy says
Your therapist will usually keep what one of you says alone private. But your therapist decides whether something told alone has to come into the joint work, for example when keeping it would stop the therapy from helping, or would mean working against one of you without their knowledge.

# How that decision is made
If your therapist thinks something you said alone needs to come into joint sessions, they will tell you so first. They will give you time, and help you to share it yourself, in your own words. If you decide not to, your therapist may say that they cannot continue the joint work as it is, without saying why.

# What this means for you
You can speak to your therapist alone, knowing that nothing will be brought up without you being told first. If you are unsure whether something would need to be shared, ask before you tell it.

${LIMITS_OF_CONFIDENTIALITY}`,
  },
  {
    key: 'kept-private',
    kind: 'confidentiality',
    policyKind: 'kept-private',
    version: 1,
    title: 'Kept-private policy',
    body: `This policy covers what {{people}} tell {{clinicians}} at {{practice}} when the other person is not there: in an individual session, a phone call, a message, or a private note in Trustwork.

# What this policy says
What one of you tells your therapist alone stays between that person and your therapist. Your therapist will not bring it into joint sessions or tell the other person without your agreement.

# What this asks of your therapist
Holding something one person has not shared can limit what your therapist can do for the relationship. If a private matter makes the joint work impossible to do honestly, your therapist may encourage you to share it, or may say that the joint work cannot continue, without saying why.

# What this means for you
You can speak freely to your therapist alone. Please remember that your therapist will be holding what you say while working with both of you.

${LIMITS_OF_CONFIDENTIALITY}`,
  },
  {
    key: 'telehealth',
    kind: 'telehealth',
    policyKind: null,
    version: 1,
    title: 'Consent to sessions by video or phone',
    body: `{{people}} agree that some or all sessions with {{clinicians}} at {{practice}} may take place by video or phone.

# What is different
Sessions at a distance can work well, but the connection may fail, and your therapist sees and hears less of you than in the room. If a call drops, your therapist will try to reconnect; if that fails, they will phone or write to arrange what happens next.

# Privacy on your side
Please join from a private place where you cannot be overheard, on a device and network you trust. Each of you is responsible for privacy at your end. Sessions are not recorded by either side without everyone's agreement.

# Where you are
At the start of each session your therapist may ask where you are, so that help can be sent in an emergency. If your therapist believes someone is in danger, they may contact local emergency services.

# Choosing to meet in person
Either of you, or your therapist, may decide that video or phone is not right for a session or for the work, and ask to meet in person instead, where that is possible.`,
  },
  {
    key: 'email-communication',
    kind: 'email-communication',
    policyKind: null,
    version: 1,
    title: 'Consent to communication by e-mail',
    body: `{{people}} agree that {{practice}} and {{clinicians}} may contact them by e-mail.

# What e-mails are for
E-mails from {{practice}} are for practical things: appointments, reminders, and letting you know there is something waiting in your Trustwork space. Trustwork's own e-mails never contain what you have written or what your sessions are about.

# The risks
E-mail is not fully private. Someone else may be able to read your inbox, and messages can go to the wrong address. Please do not send anything by e-mail that you would not want someone else to read; use your Trustwork space or talk to your therapist instead.

# Response times
E-mail is not watched around the clock and is not for emergencies. If you or someone else is in danger, call your local emergency number.

# Changing your mind
You can ask at any time for e-mails to stop, or to change the address they go to.`,
  },
];

export const POLICY_WORDING: Readonly<Record<PolicyKind, PolicyWording>> = {
  'no-secrets': {
    summary: 'Anything one person tells the therapist alone may be brought into a joint session.',
    privateLineSentence: () => "Under this case's no-secrets policy, what you write here may be brought into a joint session.",
  },
  'limited-secrets': {
    summary: 'The therapist decides whether something one person says alone must come into the joint work, and says so first and helps them share it.',
    privateLineSentence: () =>
      "Under this case's limited-secrets policy, your therapist decides whether what you write here needs to come into a joint session, and would tell you first.",
  },
  'kept-private': {
    summary: 'What one person tells the therapist alone stays between them, except where the law requires otherwise.',
    privateLineSentence: () =>
      "Under this case's kept-private policy, what you write here stays between you and your therapist, except where the law requires otherwise.",
  },
  practice: {
    summary: "The practice's own wording says what happens with what one person tells the therapist alone.",
    privateLineSentence: (policyName) =>
      `Your practice's confidentiality policy, "${policyName}", says what may be brought into a joint session; you can read it under Agreements.`,
  },
};
