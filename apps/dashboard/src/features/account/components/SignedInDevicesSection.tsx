import { useState } from 'react';
import { Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { type SignInSession } from '@trustwork/contracts';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { LoadFailed } from '../../../components/LoadFailed';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useSignInSessions, useSignOutOtherSessions, useSignOutSession } from '../hooks/use-sign-in-sessions';
import { SettingsSection } from './SettingsSection';

/** Where you are signed in now, with a way to end any of it. */
export function SignedInDevicesSection() {
  const sessions = useSignInSessions();
  return (
    <SettingsSection
      title="Signed-in devices"
      description="Every browser where you are signed in. Sign out any you don't recognise, and change your password."
    >
      {sessions.isPending ? (
        <Stack gap="xs" role="status" aria-busy="true">
          <VisuallyHidden>Loading your signed-in devices…</VisuallyHidden>
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Stack>
      ) : sessions.isError ? (
        <LoadFailed title="We couldn't load your signed-in devices" query={sessions} />
      ) : (
        <SignedInDevices sessions={sessions.data} />
      )}
    </SettingsSection>
  );
}

/** "Chrome on macOS, 203.0.113.7": enough to tell two devices apart. */
function deviceName(signedIn: SignInSession): string {
  return signedIn.ipAddress ? `${signedIn.browser}, ${signedIn.ipAddress}` : signedIn.browser;
}

function SignedInDevices({ sessions }: { sessions: SignInSession[] }) {
  const timeZone = usePracticeTimeZone();
  const signOutOne = useSignOutSession();
  const signOutOthers = useSignOutOtherSessions();
  const [ending, setEnding] = useState<{ session: SignInSession | null; opened: boolean }>({ session: null, opened: false });
  const [endingOthers, setEndingOthers] = useState(false);
  const others = sessions.filter((signedIn) => !signedIn.current).length;
  const endingSession = ending.session;

  return (
    <Stack>
      <SidewaysTable label="Signed-in devices" minWidth={640}>
        <Table verticalSpacing="sm" aria-label="Signed-in devices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Browser</Table.Th>
              <Table.Th scope="col">Address</Table.Th>
              <Table.Th scope="col">Signed in</Table.Th>
              <Table.Th scope="col">Last active</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Sign out</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((signedIn) => (
              <Table.Tr key={signedIn.id}>
                <Table.Th scope="row" fw={500}>
                  {signedIn.browser}
                  {signedIn.current && (
                    <Badge size="sm" variant="light" color="teal" ml={8} style={{ verticalAlign: 'middle' }}>
                      This device
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>{signedIn.ipAddress ?? 'Unknown'}</Table.Td>
                <Table.Td>{formatDateTime(signedIn.signedInAt, timeZone)}</Table.Td>
                <Table.Td>{formatDateTime(signedIn.lastActiveAt, timeZone)}</Table.Td>
                <Table.Td>
                  {!signedIn.current && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Sign out ${deviceName(signedIn)}`}
                      onClick={() => setEnding({ session: signedIn, opened: true })}
                    >
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SidewaysTable>
      <Text size="sm" c="dimmed">
        Times are in {timeZone} (practice time).
      </Text>
      {others === 0 ? (
        <Text size="sm">You are signed in on this device only.</Text>
      ) : (
        <Group>
          <Button variant="default" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => setEndingOthers(true)}>
            Sign out all other devices
          </Button>
        </Group>
      )}
      {endingSession && (
        <ConfirmModal
          opened={ending.opened}
          onClose={() => setEnding((current) => ({ ...current, opened: false }))}
          title={`Sign out ${endingSession.browser}?`}
          confirmLabel="Sign out"
          errorTitle="We couldn't sign that device out"
          mutation={signOutOne}
          variables={endingSession}
          onConfirmed={() => notifications.show({ color: 'teal', message: `${deviceName(endingSession)} is signed out.` })}
        >
          <Text size="sm">
            {deviceName(endingSession)} will need your password to open Trustwork again. Anything not yet saved there is lost.
          </Text>
        </ConfirmModal>
      )}
      <ConfirmModal
        opened={endingOthers}
        onClose={() => setEndingOthers(false)}
        title="Sign out all other devices?"
        confirmLabel="Sign out other devices"
        errorTitle="We couldn't sign your other devices out"
        mutation={signOutOthers}
        variables={undefined}
        onConfirmed={() => notifications.show({ color: 'teal', message: 'You are now signed in on this device only.' })}
      >
        <Text size="sm">
          {others === 1 ? 'The other device' : `The ${others} other devices`} will need your password to open Trustwork again.
          This device stays signed in.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
