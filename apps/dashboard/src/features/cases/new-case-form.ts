import {
  BreachRole,
  CaseStatus,
  DEFAULT_CASE_AGREEMENT_IDS,
  RelationshipType,
  type CreateCaseRequest,
  type ParticipantInput,
} from '@trustwork/contracts';
import { FIRST_PHASE } from '@trustwork/trust-program';
import { type UseFormReturnType } from '@mantine/form';
import { isApiRequestError, type ApiRequestError } from '../../lib/api-client';
import { splitApiErrors } from '../../lib/form-errors';
import { validateEmail } from '../../lib/validation';

export interface ParticipantValues {
  displayName: string;
  pronouns: string;
  email: string;
  phone: string;
  breachRole: BreachRole;
}

export interface NewCaseValues {
  relationshipType: RelationshipType;
  participants: [ParticipantValues, ParticipantValues];
  presentingConcern: string;
  /** As the phase select holds it, "1" to "9". */
  phase: string;
  status: CaseStatus;
  clinicianIds: string[];
  /** The confidentiality agreement that states the case's policy; none until the therapist chooses. */
  confidentialityPolicyId: string | null;
  /** The other agreements both people sign. */
  agreementIds: string[];
}

// The API's limits, repeated on the inputs so nobody types past them.
export const NAME_MAX_LENGTH = 120;
export const PRONOUNS_MAX_LENGTH = 40;
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MAX_LENGTH = 30;
export const PRESENTING_CONCERN_MAX_LENGTH = 4000;
const PHONE_SHAPE = /^[+()\d\s.-]{5,30}$/;

const emptyParticipant = (): ParticipantValues => ({
  displayName: '',
  pronouns: '',
  email: '',
  phone: '',
  breachRole: BreachRole.NotStated,
});

export function initialNewCaseValues(clinicianIds: string[]): NewCaseValues {
  return {
    relationshipType: RelationshipType.Couple,
    participants: [emptyParticipant(), emptyParticipant()],
    presentingConcern: '',
    phase: String(FIRST_PHASE),
    status: CaseStatus.Intake,
    clinicianIds,
    confidentialityPolicyId: null,
    agreementIds: [...DEFAULT_CASE_AGREEMENT_IDS],
  };
}

/** The same checks the API makes, so most mistakes are caught before sending. */
export const newCaseValidation = {
  // The API would start the case without one; the practice's rule is that every case has one.
  confidentialityPolicyId: (value: string | null) => (value ? null : 'Choose a confidentiality policy.'),
  participants: {
    displayName: (value: string) => (value.trim() ? null : 'Enter their name.'),
    email: (value: string) => (value.trim() ? validateEmail(value) : null),
    phone: (value: string) =>
      !value.trim() || PHONE_SHAPE.test(value.trim()) ? null : 'Use digits, spaces and + ( ) - . only, like +44 7700 900123.',
  },
};

/** A trimmed optional field, left out of the request when blank. */
function optional(value: string): string | undefined {
  return value.trim() || undefined;
}

export function toParticipantInput(participant: ParticipantValues): ParticipantInput {
  return {
    displayName: participant.displayName.trim(),
    pronouns: optional(participant.pronouns),
    email: optional(participant.email),
    phone: optional(participant.phone),
    breachRole: participant.breachRole,
  };
}

/** `chooseClinicians` is false for a clinician: the API puts them on the case themselves. */
export function toCreateCaseRequest(values: NewCaseValues, chooseClinicians: boolean): CreateCaseRequest {
  return {
    relationshipType: values.relationshipType,
    presentingConcern: optional(values.presentingConcern),
    phase: Number(values.phase),
    status: values.status,
    clinicianIds: chooseClinicians ? values.clinicianIds : undefined,
    participants: values.participants.map(toParticipantInput),
    confidentialityPolicyId: values.confidentialityPolicyId ?? undefined,
    agreementIds: values.agreementIds,
  };
}

/** What the API calls each field, and what the form calls it. */
const FIELD_LABELS: Record<string, string> = {
  relationshipType: 'Relationship',
  presentingConcern: 'Presenting concern',
  phase: 'Phase',
  status: 'Status',
  clinicianIds: 'Clinicians',
  displayName: 'Name',
  pronouns: 'Pronouns',
  email: 'E-mail',
  phone: 'Phone',
  breachRole: 'Side of the breach',
  confidentialityPolicyId: 'Confidentiality policy',
  agreementIds: 'Agreements to sign',
};

const API_FIELDS = [
  'relationshipType',
  'presentingConcern',
  'phase',
  'status',
  'clinicianIds',
  'confidentialityPolicyId',
  'agreementIds',
  ...[0, 1].flatMap((index) =>
    ['displayName', 'pronouns', 'email', 'phone', 'breachRole'].map((field) => `participants.${index}.${field}`),
  ),
];

/**
 * A refused request's messages, each under its input where the API named one. The API writes
 * "participants.0.email must be …"; the form path is the same, and the message reads better
 * with the field's own label ("E-mail must be …").
 */
export function newCaseErrorsFromApi(error: ApiRequestError): {
  fieldErrors: Record<string, string>;
  formMessages: string[];
} {
  const { fieldErrors, formMessages } = splitApiErrors(error, API_FIELDS);
  const readable = Object.entries(fieldErrors).map(([path, message = '']) => {
    const field = path.split('.').pop() ?? path;
    return [path, `${FIELD_LABELS[field] ?? field}${message.slice(path.length)}.`.replace(/\.\.$/, '.')];
  });
  return { fieldErrors: Object.fromEntries(readable), formMessages };
}

type ErrorsFromApi = (error: ApiRequestError) => { fieldErrors: Record<string, string>; formMessages: string[] };

/**
 * A refused create (New case or intake): each message under its field, as `errorsFromApi`
 * places it, the rest above the form; then `reveal` brings the first error into view.
 */
export function showCreateErrors<Values>(
  error: Error,
  form: UseFormReturnType<Values>,
  setFormMessages: (messages: string[]) => void,
  errorsFromApi: ErrorsFromApi,
  reveal: (fieldErrors: Record<string, string>) => void,
): void {
  if (!isApiRequestError(error)) {
    setFormMessages([error.message]);
    reveal({});
    return;
  }
  const { fieldErrors, formMessages } = errorsFromApi(error);
  form.setErrors(fieldErrors);
  setFormMessages(formMessages);
  reveal(fieldErrors);
}
