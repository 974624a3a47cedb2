import { useId } from 'react';
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Permission, type PracticeSummary, type UpdatePracticeRequest } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { browserTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { validateRequired } from '../../../lib/validation';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { useUpdatePractice } from '../hooks/use-team';

const API_FIELDS = ['name', 'timeZone'] as const;

// The runtime's list leaves out UTC itself; a practice may use it.
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

function timeZoneOptions(current: string): string[] {
  return TIME_ZONES.includes(current) ? TIME_ZONES : [current, ...TIME_ZONES];
}

function PracticeSettingsForm({ practice }: { practice: PracticeSummary }) {
  const titleId = useId();
  const save = useUpdatePractice();
  const form = useForm<Required<UpdatePracticeRequest>>({
    initialValues: { name: practice.name, timeZone: practice.timeZone },
    validate: {
      name: validateRequired("the practice's name"),
      timeZone: (value) => (value ? null : 'Choose a time zone.'),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const here = browserTimeZone();

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const changes: UpdatePracticeRequest = {};
    if (values.name.trim() !== practice.name) changes.name = values.name.trim();
    if (values.timeZone !== practice.timeZone) changes.timeZone = values.timeZone;
    if (Object.keys(changes).length === 0) return;
    save.mutate(changes, {
      onSuccess: (saved) => {
        form.resetDirty({ name: saved.name, timeZone: saved.timeZone });
        notifications.show({ color: 'teal', title: 'Practice settings saved', message: `Times are now shown in ${saved.timeZone}.` });
      },
      onError: apiErrors.show,
    });
  }, apiErrors.revealErrors);

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="lg" radius="md" mt="xl">
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
        <Stack>
          <div>
            <Title order={2} size="h4" id={titleId}>
              Practice settings
            </Title>
            <Text size="sm" c="dimmed">
              Every date and time in Trustwork is shown in {practice.timeZone}, for everyone in the practice.
            </Text>
          </div>
          <FormAlert title="We couldn't save the practice settings" messages={apiErrors.messages} />
          <TextInput label="Practice name" autoComplete="organization" required {...form.getInputProps('name')} />
          <Select
            label="Time zone"
            description={
              here === form.getValues().timeZone
                ? "Where the practice's sessions happen. This computer is in the same zone."
                : `Where the practice's sessions happen. This computer is set to ${here}.`
            }
            data={timeZoneOptions(practice.timeZone)}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No time zone by that name"
            required
            {...form.getInputProps('timeZone')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save practice settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The owner's practice-wide settings; other roles see none. */
export function PracticeSettingsPanel() {
  const canManageSettings = usePermission(Permission.ManageSettings);
  const { practice } = useCurrentUser();
  if (!canManageSettings) return null;
  return <PracticeSettingsForm practice={practice} />;
}
