import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { type AuditChainVerification } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useVerifyAuditChain } from '../hooks/use-verify-audit-chain';
import { actionLabel } from './audit-wording';

const events = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'event' : 'events'}`;

function IntegrityResult({ result, timeZone }: { result: AuditChainVerification; timeZone: string }) {
  const checkedAt = formatDateTime(result.verifiedAt, timeZone);
  if (result.intact) {
    return (
      <Alert color="green" icon={<IconShieldCheck />} title="The audit log is intact">
        All {events(result.checkedEvents)} are as they were recorded (checked {checkedAt}).
      </Alert>
    );
  }
  const broken = result.firstBrokenEvent;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="The audit log has been changed">
      <Stack gap="xs">
        <Text size="sm">
          {broken
            ? `The event recorded ${formatDateTime(broken.occurredAt, timeZone)} (${actionLabel(broken.action) ?? broken.action}) is not as it was written, or an event just before it was removed.`
            : 'The most recent events were removed after they were recorded.'}{' '}
          Trustwork never changes or deletes audit events, so this was done directly in the database.
        </Text>
        <Text size="sm">
          Keep a note of this (checked {checkedAt}) and ask whoever runs your Trustwork server to look into it. Events before it are intact
          {broken ? ` (${events(result.checkedEvents - 1)})` : ` (${events(result.checkedEvents)})`}.
        </Text>
      </Stack>
    </Alert>
  );
}

/** The owner's check that no one changed or removed audit events outside Trustwork. */
export function AuditIntegrityCheck() {
  const timeZone = usePracticeTimeZone();
  const check = useVerifyAuditChain();
  const checkOnce = useMutateOnce(check);

  return (
    <Stack gap="sm" mb="lg">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm" c="dimmed">
          Each event is sealed to the one before it, so a change made outside Trustwork shows up here.
        </Text>
        <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={check.isPending} onClick={() => checkOnce()}>
          Check integrity
        </Button>
      </Group>
      {check.isPending && (
        <Text size="sm" role="status">
          Checking every event in the log…
        </Text>
      )}
      {!check.isPending && check.data && <IntegrityResult result={check.data} timeZone={timeZone} />}
      {!check.isPending && check.isError && (
        <Alert color="red" icon={<IconAlertTriangle />} title="We couldn't check the audit log">
          {check.error.message} Try again in a moment.
        </Alert>
      )}
    </Stack>
  );
}
