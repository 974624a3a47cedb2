import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CaseStatus, type CaseDetail } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useUpdateCase } from '../../cases/hooks/use-cases';
import { caseName } from '../../cases/participant-wording';

interface CloseCaseModalProps {
  caseRecord: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

export function CloseCaseModal({ caseRecord, opened, onClose }: CloseCaseModalProps) {
  const timeZone = usePracticeTimeZone();
  const updateCase = useUpdateCase();
  const send = useMutateOnce(updateCase);
  const { nextSession } = caseRecord;

  const close = () => {
    updateCase.reset();
    onClose();
  };

  const confirm = () =>
    send(
      { caseId: caseRecord.id, changes: { status: CaseStatus.Closed } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Case closed', message: 'You can reopen it from the case page at any time.' });
          close();
        },
      },
    );

  return (
    <Modal opened={opened} onClose={close} title="Close this case?" centered>
      <Stack>
        <FormAlert title="We couldn't close the case" messages={updateCase.error ? [updateCase.error.message] : []} />
        <Text size="sm">
          Closing marks the work with {caseName(caseRecord.participants)} as finished. Nothing is deleted: the timeline,
          sessions and signed notes stay on record, and the case can still be exported.
        </Text>
        {nextSession && (
          <Text size="sm" fw={500}>
            A session is still booked for {formatDateTime(nextSession.startsAt, timeZone)}. Closing does not cancel it; cancel
            it on the Sessions tab if it won&apos;t go ahead.
          </Text>
        )}
        <Text size="sm">You can reopen the case at any time.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep it open
          </Button>
          <Button color="red" loading={updateCase.isPending} onClick={confirm}>
            Close case
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
