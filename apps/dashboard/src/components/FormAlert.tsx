import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** Messages from a failed save that belong to no single field; focusable, so a refused submit can take the person to it. */
export function FormAlert({ title, messages }: { title: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title} role="alert" tabIndex={-1} data-form-error>
      {messages.join(' ')}
    </Alert>
  );
}
