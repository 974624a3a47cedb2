import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';

/** The parts of a TanStack query that say what failed and how to try again. */
interface FailedQuery {
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

type LoadFailedProps = {
  /** What didn't load, e.g. "We couldn't load your sessions". */
  title: string;
} & (
  | { query: FailedQuery }
  | {
      /** The API's own explanation. */
      message: string;
      /** Shows the button busy while the retry is under way. */
      retrying?: boolean;
      onRetry: () => void;
    }
);

/** A read that failed, in the API's words, with a way to try again: from a query, or spelled out. */
export function LoadFailed(props: LoadFailedProps) {
  const { title } = props;
  const { message, retrying, onRetry } =
    'query' in props
      ? { message: props.query.error?.message ?? '', retrying: props.query.isFetching, onRetry: () => void props.query.refetch() }
      : props;
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
