import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CANCEL_REASON_MAX_LENGTH, SeriesScope, type CancelSessionRequest, type TherapySession } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCancelSession } from '../hooks/use-session-changes';
import { ScopeChoice } from './ScopeChoice';

interface CancelSessionModalProps {
  session: TherapySession;
  /** "14 Jul 2026, 10:00 – 10:50". */
  when: string;
  opened: boolean;
  onClose: () => void;
}

export function CancelSessionModal({ session, when, opened, onClose }: CancelSessionModalProps) {
  const cancel = useCancelSession();
  const send = useMutateOnce(cancel);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>(SeriesScope.This);

  const close = () => {
    cancel.reset();
    setReason('');
    setScope(SeriesScope.This);
    onClose();
  };

  const confirm = () => {
    const request: CancelSessionRequest = {};
    if (session.series) request.scope = scope;
    if (reason.trim()) request.reason = reason.trim();
    send(
      { sessionId: session.id, request },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Session cancelled', message: when });
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Cancel this session?" centered>
      <Stack>
        <FormAlert title="We couldn't cancel the session" messages={cancel.error ? [cancel.error.message] : []} />
        <Text size="sm">
          The session on <strong>{when}</strong> stays in the list, marked cancelled, and the time is free again. If this
          is a mistake you can mark it as scheduled again.
        </Text>
        {session.series && <ScopeChoice label="Cancel" value={scope} onChange={setScope} />}
        <Textarea
          label="Reason (optional)"
          description="Kept with the session, for the team."
          autosize
          minRows={2}
          maxLength={CANCEL_REASON_MAX_LENGTH}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Text size="sm">Remember to let them know.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep session
          </Button>
          <Button color="red" loading={cancel.isPending} onClick={confirm}>
            Cancel session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
