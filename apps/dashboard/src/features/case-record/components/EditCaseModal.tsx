import { Fieldset, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm, type GetInputPropsReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  BREACH_ROLE_LABELS,
  BREACH_ROLES,
  CASE_STATUS_LABELS,
  CaseStatus,
  Permission,
  RELATIONSHIP_TYPE_LABELS,
  RELATIONSHIP_TYPES,
  roleHasPermission,
  type CaseDetail,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { validateEmail } from '../../../lib/validation';
import { usePermission } from '../../auth/hooks/use-session';
import { useUpdateCase } from '../../cases/hooks/use-cases';
import { participantLabels, pronounsShownTo } from '../../cases/participant-wording';
import { useTeamMembers } from '../../team/hooks/use-team';
import { caseChanges, caseValues, type CaseValues } from '../case-changes';

const CASE_FIELDS = ['relationshipType', 'status', 'presentingConcern', 'clinicianIds', 'participants'] as const;
const PARTICIPANT_FIELDS = ['displayName', 'pronouns', 'email', 'phone', 'breachRole'];
const API_FIELDS = [...CASE_FIELDS, ...[0, 1].flatMap((place) => PARTICIPANT_FIELDS.map((field) => `participants.${place}.${field}`))];
const PARTICIPANT_API_FIELD = /^participants\.(\d)\.(\w+)$/;

const RELATIONSHIP_OPTIONS = RELATIONSHIP_TYPES.map((type) => ({ value: type, label: RELATIONSHIP_TYPE_LABELS[type] }));
// Closing has its own confirmation (More actions), so it is not one choice among these.
const STATUS_OPTIONS = [CaseStatus.Intake, CaseStatus.Active, CaseStatus.Paused].map((status) => ({
  value: status,
  label: CASE_STATUS_LABELS[status],
}));
const BREACH_ROLE_OPTIONS = BREACH_ROLES.map((role) => ({ value: role, label: BREACH_ROLE_LABELS[role] }));
// The same shape the API accepts; it has the final word.
const PHONE_SHAPE = /^[+()\d\s.-]{5,30}$/;

const maxLength = (limit: number) => (value: string) => (value.trim().length > limit ? `Use at most ${limit} characters.` : null);

/** Owners choose from the practice's active clinicians and owners; anyone already on the case stays listed. */
function ClinicianSelect({ caseRecord, inputProps }: { caseRecord: CaseDetail; inputProps: GetInputPropsReturnType }) {
  const team = useTeamMembers();
  const options = new Map(caseRecord.clinicians.map((clinician) => [clinician.id, clinician.name]));
  for (const member of team.data ?? []) {
    if (member.active && roleHasPermission(member.role, Permission.TakeCases)) options.set(member.id, member.name);
  }
  return (
    <MultiSelect
      label="Clinicians"
      description={team.isError ? "We couldn't load the team, so only the current clinicians are listed." : 'Who works with this case.'}
      placeholder={team.isPending ? 'Loading the team…' : undefined}
      data={[...options].map(([value, label]) => ({ value, label }))}
      searchable
      {...inputProps}
    />
  );
}

interface EditCaseFormProps {
  caseRecord: CaseDetail;
  onDone: () => void;
}

function EditCaseForm({ caseRecord, onDone }: EditCaseFormProps) {
  const clinical = usePermission(Permission.ViewClinicalRecords);
  const assignClinicians = usePermission(Permission.AssignClinicians);
  const updateCase = useUpdateCase();
  const initialValues = caseValues(caseRecord);
  const form = useForm<CaseValues>({
    initialValues,
    validate: {
      presentingConcern: maxLength(4000),
      participants: {
        displayName: (value) => (value.trim() ? maxLength(120)(value) : 'Enter a name.'),
        pronouns: maxLength(40),
        email: (value) => (value.trim() ? validateEmail(value) : null),
        phone: (value) => (!value.trim() || PHONE_SHAPE.test(value.trim()) ? null : 'Enter a phone number: digits, spaces and + ( ) - . only.'),
      },
    },
  });
  const rights = { clinical, assignClinicians };

  // The API names a participant's field by its place in the request, which lists only the people whose details changed.
  const fieldPath = (field: string): string | null => {
    const match = PARTICIPANT_API_FIELD.exec(field);
    if (!match) return field;
    const sent = caseChanges(initialValues, form.getValues(), rights).participants ?? [];
    const index = form.getValues().participants.findIndex((participant) => participant.id === sent[Number(match[1])]?.id);
    return index >= 0 ? `participants.${index}.${match[2]}` : null;
  };
  const apiErrors = useApiFormErrors(form, API_FIELDS, fieldPath);
  const labels = participantLabels(form.getValues().relationshipType);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const changes = caseChanges(initialValues, values, rights);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    updateCase.mutate(
      { caseId: caseRecord.id, changes },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Case details saved', message: 'The case now shows your changes.' });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the changes" messages={apiErrors.messages} />
        {!clinical && (
          <Text size="sm" c="dimmed">
            You can correct names and contact details. The case&apos;s clinician changes everything else.
          </Text>
        )}
        {clinical && (
          <SimpleGrid cols={{ base: 1, xs: caseRecord.status === CaseStatus.Closed ? 1 : 2 }}>
            <Select label="Relationship" data={RELATIONSHIP_OPTIONS} allowDeselect={false} {...form.getInputProps('relationshipType')} />
            {caseRecord.status !== CaseStatus.Closed && (
              <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
            )}
          </SimpleGrid>
        )}
        {assignClinicians && <ClinicianSelect caseRecord={caseRecord} inputProps={form.getInputProps('clinicianIds')} />}
        {clinical && (
          <Textarea
            label="Presenting concern"
            description="What brought them to therapy, in a few sentences."
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('presentingConcern')}
          />
        )}
        {form.getValues().participants.map((participant, index) => (
          <Fieldset key={participant.id} legend={labels[index] ?? 'Participant'} radius="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="Name" required autoComplete="off" {...form.getInputProps(`participants.${index}.displayName`)} />
              <TextInput
                label="Pronouns"
                description={pronounsShownTo(form.getValues().relationshipType, index)}
                placeholder="e.g. she/her"
                autoComplete="off"
                {...form.getInputProps(`participants.${index}.pronouns`)}
              />
              <TextInput label="E-mail" type="email" autoComplete="off" {...form.getInputProps(`participants.${index}.email`)} />
              <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps(`participants.${index}.phone`)} />
              {clinical && (
                <Select
                  label="Side of the breach"
                  data={BREACH_ROLE_OPTIONS}
                  allowDeselect={false}
                  {...form.getInputProps(`participants.${index}.breachRole`)}
                />
              )}
            </SimpleGrid>
          </Fieldset>
        ))}
        <FormActions submitLabel="Save changes" saving={updateCase.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface EditCaseModalProps {
  caseRecord: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

export function EditCaseModal({ caseRecord, opened, onClose }: EditCaseModalProps) {
  const clinical = usePermission(Permission.ViewClinicalRecords);
  return (
    <Modal opened={opened} onClose={onClose} title={clinical ? 'Edit case details' : 'Edit contact details'} size="lg" centered>
      {/* Mounted on opening, so the form starts from the case as it is now. */}
      <EditCaseForm caseRecord={caseRecord} onDone={onClose} />
    </Modal>
  );
}
