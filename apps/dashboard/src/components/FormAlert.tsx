import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** Messages from a failed save that belong to no single field. */
export function FormAlert({ title, messages }: { title: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title}>
      {messages.join(' ')}
    </Alert>
  );
}
