import { useRef } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { type PortalLinkCreated } from '@trustwork/contracts';
import { usePracticeTimeZone } from '../../../lib/practice-time';
import { useCopyText } from '../../../lib/use-copy-text';
import { linkDate } from '../portal-link-wording';

interface CopyLinkFieldProps {
  link: PortalLinkCreated;
  label: string;
  autoFocus?: boolean;
}

/** A new portal link, read-only, with a button that copies it (or selects it where copying is refused). */
export function CopyLinkField({ link, label, autoFocus = false }: CopyLinkFieldProps) {
  const timeZone = usePracticeTimeZone();
  const field = useRef<HTMLInputElement>(null);
  const { state: copy, copy: copyText } = useCopyText();

  const selectLink = () => field.current?.select();

  const copyLink = async () => {
    if (!(await copyText(link.url))) selectLink();
  };

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          ref={field}
          label={label}
          description={`Works until ${linkDate(link.expiresAt, timeZone)}.`}
          value={link.url}
          readOnly
          onFocus={selectLink}
          style={{ flex: 1 }}
          data-autofocus={autoFocus || undefined}
        />
        <Button
          variant={copy === 'copied' ? 'light' : 'filled'}
          leftSection={copy === 'copied' ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          onClick={() => void copyLink()}
        >
          {copy === 'copied' ? 'Copied' : 'Copy link'}
        </Button>
      </Group>
      <Text size="sm" c={copy === 'failed' ? 'red' : 'dimmed'} role="status" aria-live="polite">
        {copy === 'copied' && 'The link is on your clipboard.'}
        {copy === 'failed' && "Copying didn't work in this browser. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."}
      </Text>
    </Stack>
  );
}
