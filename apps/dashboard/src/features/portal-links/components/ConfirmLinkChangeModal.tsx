import { type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { FormAlert } from '../../../components/FormAlert';

interface ConfirmLinkChangeModalProps {
  opened: boolean;
  title: string;
  /** What happens to the participant's current link. */
  children: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  confirmColor?: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Ending a participant's current link locks them out at once, so the therapist confirms it first. */
export function ConfirmLinkChangeModal({
  opened,
  title,
  children,
  cancelLabel,
  confirmLabel,
  confirmColor,
  pending,
  error,
  onConfirm,
  onClose,
}: ConfirmLinkChangeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <FormAlert title="That didn't work" messages={error ? [error.message] : []} />
        <Text size="sm">{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button color={confirmColor} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
