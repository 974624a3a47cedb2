import { Alert, Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconMailForward } from '@tabler/icons-react';
import { type AgreementReminderResult, type CaseAgreement, type CaseDetail } from '@trustwork/contracts';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useSendAgreementReminder } from '../hooks/use-case-agreements';

/** The people who have something left to sign, in the case's order. */
function peopleWithSomethingToSign(caseRecord: CaseDetail, agreements: CaseAgreement[]) {
  return caseRecord.participants.filter((participant) =>
    agreements.some((agreement) => agreement.signers.some((signer) => signer.participantId === participant.id && signer.state !== 'signed')),
  );
}

/** An e-mail to whoever still has something to sign: both, or one person. */
export function ReminderMenu({ caseRecord, agreements, onSent }: { caseRecord: CaseDetail; agreements: CaseAgreement[]; onSent: (result: AgreementReminderResult) => void }) {
  const remind = useSendAgreementReminder();
  const sendReminder = useMutateOnce(remind);
  const people = peopleWithSomethingToSign(caseRecord, agreements);
  if (people.length === 0) return null;

  const send = (participantId?: string) =>
    sendReminder(
      { caseId: caseRecord.id, request: participantId ? { participantId } : {} },
      {
        onSuccess: onSent,
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't send the reminder", message: error.message }),
      },
    );

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={remind.isPending} leftSection={<IconMailForward size={16} aria-hidden />} rightSection={<IconChevronDown size={16} aria-hidden />}>
          Send a reminder
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>An e-mail with no clinical content</Menu.Label>
        {people.length > 1 && <Menu.Item onClick={() => send()}>To both</Menu.Item>}
        {people.map((person) => (
          <Menu.Item key={person.id} onClick={() => send(person.id)}>
            To {person.displayName}{people.length > 1 ? ' only' : ''}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Who the reminder went to, and who it skipped and why. */
export function ReminderSent({ result, onClose }: { result: AgreementReminderResult; onClose: () => void }) {
  const sent = result.sentTo.map((person) => person.displayName).join(' and ');
  return (
    <Alert
      color={result.sentTo.length > 0 ? 'teal' : 'orange'}
      variant="light"
      icon={<IconMailForward />}
      title={result.sentTo.length > 0 ? `Reminder sent to ${sent}` : 'No reminder was sent'}
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {result.skipped.map((person) => (
        <Text size="sm" key={person.participantId}>
          Not sent to {person.displayName}: {person.reason}.
        </Text>
      ))}
    </Alert>
  );
}
