import { useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { type PortalLinkCreated } from '@trustwork/contracts';
import { usePracticeTimeZone } from '../../../lib/practice-time';
import { linkDate } from '../portal-link-wording';

interface LinkCreatedModalProps {
  /** The new link; null once the modal is closed, so the URL is not kept anywhere. */
  created: PortalLinkCreated | null;
  firstName: string;
  onClose: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Shows a new portal link once, for the therapist to copy and send themselves. */
export function LinkCreatedModal({ created, firstName, onClose }: LinkCreatedModalProps) {
  const timeZone = usePracticeTimeZone();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  const close = () => {
    setCopy('idle');
    onClose();
  };

  const selectLink = () => field.current?.select();

  const copyLink = async () => {
    if (!created) return;
    try {
      // Missing outside a secure context (plain http), and refused without permission.
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(created.url);
      setCopy('copied');
    } catch {
      selectLink();
      setCopy('failed');
    }
  };

  return (
    <Modal opened={created !== null} onClose={close} title={`Portal link for ${firstName}`} centered size="lg">
      {created && (
        <Stack>
          <Alert color="blue" icon={<IconInfoCircle />}>
            Send this to {firstName} yourself; we won&apos;t show it again. Anyone with the link can open {firstName}&apos;s
            homework, so send it only to them.
          </Alert>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              ref={field}
              label="Portal link"
              description={`Works until ${linkDate(created.expiresAt, timeZone)}.`}
              value={created.url}
              readOnly
              onFocus={selectLink}
              style={{ flex: 1 }}
              data-autofocus
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
