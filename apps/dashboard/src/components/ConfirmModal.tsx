import { type ReactNode } from 'react';
import { Button, Group, Modal, Stack, type MantineColor } from '@mantine/core';
import { type UseMutationResult } from '@tanstack/react-query';
import { useMutateOnce } from '../lib/use-mutate-once';
import { FormAlert } from './FormAlert';

interface ConfirmModalProps<TData, TVariables> {
  opened: boolean;
  onClose: () => void;
  /** A question naming who or what it is about: "Sign out Sam Rivera everywhere?" */
  title: string;
  /** What happens next, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  color?: MantineColor;
  /** The change to make; a double-click sends it once. */
  mutation: UseMutationResult<TData, Error, TVariables>;
  variables: TVariables;
  /** After it is done, before the dialog closes: say so. */
  onConfirmed: (result: TData) => void;
  errorTitle: string;
}

/** Asks before an action that cannot simply be undone, then makes it. */
export function ConfirmModal<TData, TVariables>({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  color = 'red',
  mutation,
  variables,
  onConfirmed,
  errorTitle,
}: ConfirmModalProps<TData, TVariables>) {
  const send = useMutateOnce(mutation);

  const close = () => {
    mutation.reset();
    onClose();
  };

  const confirm = () =>
    send(variables, {
      onSuccess: (result) => {
        onConfirmed(result);
        close();
      },
    });

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack>
        <FormAlert title={errorTitle} messages={mutation.error ? [mutation.error.message] : []} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color={color} loading={mutation.isPending} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
