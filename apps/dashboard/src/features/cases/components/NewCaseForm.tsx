import { type ReactNode, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { Permission, Role } from '@trustwork/contracts';
import { Link, useNavigate } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { useTeamMembers } from '../../team/hooks/use-team';
import { CASE_STATUS_OPTIONS, PHASE_OPTIONS, RELATIONSHIP_OPTIONS } from '../case-options';
import { useCreateCase } from '../hooks/use-cases';
import {
  initialNewCaseValues,
  newCaseErrorsFromApi,
  newCaseValidation,
  PRESENTING_CONCERN_MAX_LENGTH,
  toCreateCaseRequest,
  type NewCaseValues,
} from '../new-case-form';
import { caseName, participantLabels } from '../participant-wording';
import { ParticipantFields } from './ParticipantFields';

interface ClinicianPickerProps {
  value: string[];
  onChange: (value: string[]) => void;
  error?: ReactNode;
}

/** An owner chooses who works with the pair, from the practice's active clinicians and owners. */
export function ClinicianPicker({ value, onChange, error }: ClinicianPickerProps) {
  const team = useTeamMembers();
  const options = useMemo(
    () =>
      (team.data ?? [])
        .filter((member) => member.active && member.role !== Role.Assistant)
        .map((member) => ({ value: member.id, label: member.name })),
    [team.data],
  );
  if (team.isError) {
    return (
      <Text size="sm" c="dimmed">
        We couldn&apos;t load your team, so the case will be assigned to you. You can change this from the case later.
      </Text>
    );
  }
  return (
    <MultiSelect
      label="Clinicians"
      description="Who works with this pair. Leave empty to assign someone later; owners see every case either way."
      placeholder={team.isPending ? 'Loading your team…' : value.length ? undefined : 'No one yet'}
      disabled={team.isPending}
      data={options}
      searchable
      nothingFoundMessage="No clinician by that name"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** The form that starts a case: the two people, where they are starting, and who sees them. */
export function NewCaseForm() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const createCase = useCreateCase();
  // Owners choose the clinicians; a clinician is put on the case they start.
  const chooseClinicians = usePermission(Permission.ViewAllCases);
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const form = useForm<NewCaseValues>({
    initialValues: initialNewCaseValues(chooseClinicians ? [user.id] : []),
    validate: newCaseValidation,
  });
  const [firstLabel, secondLabel] = participantLabels(form.values.relationshipType);

  // Closing the tab with details typed in would lose them without a word.
  useWindowEvent('beforeunload', (event) => {
    if (form.isDirty() && !createCase.isSuccess) event.preventDefault();
  });

  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first) form.getInputNode(first)?.focus();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormMessages([]);
    createCase.mutate(toCreateCaseRequest(values, chooseClinicians), {
      onSuccess: (created) => {
        notifications.show({
          color: 'teal',
          title: 'Case created',
          message: `${caseName(created.participants)} are now on the caseload.`,
        });
        void navigate(`/cases/${created.id}`);
      },
      onError: (error) => {
        if (!isApiRequestError(error)) {
          setFormMessages([error.message]);
          return;
        }
        const { fieldErrors, formMessages: other } = newCaseErrorsFromApi(error);
        form.setErrors(fieldErrors);
        setFormMessages(other);
        focusFirstError(fieldErrors);
      },
    });
  }, focusFirstError);

  return (
    <form noValidate onSubmit={handleSubmit}>
      <Stack gap="lg" maw={960}>
        {formMessages.length > 0 && (
          <Alert color="red" icon={<IconAlertCircle />} title="We couldn't create the case" role="alert">
            {formMessages.join(' ')}
          </Alert>
        )}

        <Paper component="section" aria-labelledby="new-case-people" withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h4" id="new-case-people">
              The two people
            </Title>
            <Radio.Group label="Relationship" required {...form.getInputProps('relationshipType')}>
              <Group gap="lg" mt="xs">
                {RELATIONSHIP_OPTIONS.map((option) => (
                  <Radio key={option.value} {...option} />
                ))}
              </Group>
            </Radio.Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <ParticipantFields form={form} index={0} legend={firstLabel} />
              <ParticipantFields form={form} index={1} legend={secondLabel} />
            </SimpleGrid>
          </Stack>
        </Paper>

        <Paper component="section" aria-labelledby="new-case-start" withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h4" id="new-case-start">
              Where they are starting
            </Title>
            <Textarea
              label="Presenting concern"
              description="What brought them to you, in a few sentences. Assistants never see this."
              autosize
              minRows={3}
              maxRows={10}
              maxLength={PRESENTING_CONCERN_MAX_LENGTH}
              {...form.getInputProps('presentingConcern')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label="Phase"
                description="Most pairs begin at phase 1; choose another if they arrive further along."
                data={PHASE_OPTIONS}
                allowDeselect={false}
                {...form.getInputProps('phase')}
              />
              <Select
                label="Status"
                description="Intake until you have agreed to work together."
                data={CASE_STATUS_OPTIONS}
                allowDeselect={false}
                {...form.getInputProps('status')}
              />
            </SimpleGrid>
            {chooseClinicians ? (
              <ClinicianPicker
                value={form.values.clinicianIds}
                onChange={(ids) => form.setFieldValue('clinicianIds', ids)}
                error={form.errors.clinicianIds}
              />
            ) : (
              <Text size="sm" c="dimmed">
                You will be the clinician on this case. The practice owner can add colleagues later.
              </Text>
            )}
          </Stack>
        </Paper>

        <Group justify="flex-end">
          <Button component={Link} to="/cases" variant="default">
            Cancel
          </Button>
          <Button type="submit" loading={createCase.isPending}>
            Create case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
