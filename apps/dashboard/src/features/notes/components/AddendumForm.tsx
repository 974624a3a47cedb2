import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { isApiRequestError } from '../../../lib/api-client';
import { splitApiErrors } from '../../../lib/form-errors';
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
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const form = useForm({ initialValues: { body: '' }, validate: { body: validateBody } });

  const handleSubmit = form.onSubmit(({ body }) => {
    setFormMessages([]);
    addAddendum.mutate(
      { sessionId, addendum: { body: body.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Addendum added to the note.' });
          form.reset();
        },
        onError: (error) => {
          if (!isApiRequestError(error)) {
            setFormMessages([error.message]);
            return;
          }
          const { fieldErrors, formMessages: other } = splitApiErrors(error, API_FIELDS);
          form.setErrors(fieldErrors);
          setFormMessages(other);
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formMessages.length > 0 && (
          <Alert color="red" icon={<IconAlertCircle />} title="The addendum wasn't added">
            {formMessages.join(' ')}
          </Alert>
        )}
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
