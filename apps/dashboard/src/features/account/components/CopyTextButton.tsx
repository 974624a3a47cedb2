import { Button, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useCopyText } from '../../../lib/use-copy-text';

interface CopyTextButtonProps {
  text: string;
  /** "Copy key": what the button copies. */
  label: string;
}

/** Copies text shown beside it, and says whether it worked. */
export function CopyTextButton({ text, label }: CopyTextButtonProps) {
  const { state, copy } = useCopyText();
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant={state === 'copied' ? 'light' : 'default'}
        leftSection={state === 'copied' ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
        onClick={() => void copy(text)}
      >
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <Text size="sm" c={state === 'failed' ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {state === 'copied' && 'It is on your clipboard.'}
        {state === 'failed' && "Copying didn't work in this browser. Select the text and press Ctrl+C (⌘C on a Mac)."}
      </Text>
    </Stack>
  );
}
