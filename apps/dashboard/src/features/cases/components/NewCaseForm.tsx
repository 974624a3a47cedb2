import { useState } from 'react';
import { Button, Group, Paper, Radio, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Permission } from '@trustwork/contracts';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { useFormErrorFocus } from '../../../components/use-form-error-focus';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { RELATIONSHIP_OPTIONS } from '../case-options';
import { useCreateCase } from '../hooks/use-cases';
import {
  initialNewCaseValues,
  newCaseErrorsFromApi,
  newCaseValidation,
  showCreateErrors,
  toCreateCaseRequest,
  type NewCaseValues,
} from '../new-case-form';
import { caseName, participantLabels } from '../participant-wording';
import { CaseAgreementFields } from './CaseAgreementFields';
import { CaseStartFields } from './CaseStartFields';
import { ParticipantFields } from './ParticipantFields';

/** The form that starts a case: the two people, where they are starting, who sees them, and what they sign. */
export function NewCaseForm() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const createCase = useCreateCase();
  // Owners choose the clinicians; a clinician is put on the case they start.
  const chooseClinicians = usePermission(Permission.AssignClinicians);
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

  const { formRef, revealErrors } = useFormErrorFocus();

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
      onError: (error) => showCreateErrors(error, form, setFormMessages, newCaseErrorsFromApi, revealErrors),
    });
  }, revealErrors);

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit}>
      <Stack gap="lg" maw={960}>
        <FormAlert title="We couldn't create the case" messages={formMessages} />

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
            <CaseStartFields
              form={form}
              chooseClinicians={chooseClinicians}
              phaseDescription="Most pairs begin at phase 1; choose another if they arrive further along."
            />
          </Stack>
        </Paper>

        <Paper component="section" aria-labelledby="new-case-agreements" withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={2} size="h4" id="new-case-agreements">
              Agreements
            </Title>
            <CaseAgreementFields form={form} />
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
