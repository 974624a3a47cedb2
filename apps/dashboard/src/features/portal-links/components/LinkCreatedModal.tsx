import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type PortalLinkCreated } from '@trustwork/contracts';
import { CopyLinkField } from './CopyLinkField';

interface LinkCreatedModalProps {
  /** The new link; null once the modal is closed, so the URL is not kept anywhere. */
  created: PortalLinkCreated | null;
  firstName: string;
  onClose: () => void;
}

/** Shows a new portal link once, for the therapist to copy and send themselves. */
export function LinkCreatedModal({ created, firstName, onClose }: LinkCreatedModalProps) {
  return (
    <Modal opened={created !== null} onClose={onClose} title={`Portal link for ${firstName}`} centered size="lg">
      {created && (
        <Stack>
          <Alert color="blue" icon={<IconInfoCircle />}>
            Send this to {firstName} yourself; we won&apos;t show it again. Anyone with the link can open {firstName}&apos;s
            homework, so send it only to them.
          </Alert>
          <CopyLinkField link={created} label="Portal link" autoFocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
