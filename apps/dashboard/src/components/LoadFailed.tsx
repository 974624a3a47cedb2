import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';

interface LoadFailedProps {
  /** What didn't load, e.g. "We couldn't load your sessions". */
  title: string;
  /** The API's own explanation. */
  message: string;
  /** Shows the button busy while the retry is under way. */
  retrying?: boolean;
  onRetry: () => void;
}

/** A read that failed, in the API's words, with a way to try again. */
export function LoadFailed({ title, message, retrying, onRetry }: LoadFailedProps) {
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={retrying}
          onClick={onRetry}
        >
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}
