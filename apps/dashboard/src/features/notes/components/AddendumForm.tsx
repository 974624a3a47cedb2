import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useAddAddendum } from '../hooks/use-notes';
import { NOTE_TEXT_MAX_LENGTH } from './note-templates';

const API_FIELDS = ['body'] as const;

function validateBody(value: string): string | null {
  if (!value.trim()) return 'Write the addendum before adding it.';
  if (value.trim().length > NOTE_TEXT_MAX_LENGTH) return `Keep it under ${NOTE_TEXT_MAX_LENGTH.toLocaleString()} characters.`;
  return null;
}

export function AddendumForm({ caseId, sessionId }: { caseId: string; sessionId: string }) {
  const addAddendum = useAddAddendum(caseId);
  const form = useForm({ initialValues: { body: '' }, validate: { body: validateBody } });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit(({ body }) => {
    apiErrors.clear();
    addAddendum.mutate(
      { sessionId, addendum: { body: body.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Addendum added to the note.' });
          form.reset();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormAlert title="The addendum wasn't added" messages={apiErrors.messages} />
        <Textarea
          label="New addendum"
          description="It will carry today's date and your name, and can't be changed once added."
          required
          autosize
          minRows={3}
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={addAddendum.isPending}>
            Add addendum
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
