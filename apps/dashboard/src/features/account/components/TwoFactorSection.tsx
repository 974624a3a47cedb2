import { useId, useState } from 'react';
import { Badge, Button, Group, Modal, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type TwoFactorStatus } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { useDisableTwoFactor, useRegenerateRecoveryCodes, useTwoFactorStatus } from '../hooks/use-two-factor';
import { RecoveryCodesShownOnce } from './RecoveryCodesShownOnce';
import { SettingsSection } from './SettingsSection';
import { TwoFactorCodeForm } from './TwoFactorCodeForm';
import { TwoFactorSetup } from './TwoFactorSetup';

/** Whether signing in needs a code from the phone as well as the password, and its recovery codes. */
export function TwoFactorSection() {
  const status = useTwoFactorStatus();
  const enabled = status.data?.enabled;
  return (
    <SettingsSection
      title="Two-factor sign-in"
      badge={
        enabled !== undefined && (
          <Badge variant="light" color={enabled ? 'teal' : 'gray'}>
            {enabled ? 'On' : 'Off'}
          </Badge>
        )
      }
    >
      {status.isPending ? (
        <Stack gap="xs" role="status" aria-busy="true">
          <VisuallyHidden>Loading your two-factor settings…</VisuallyHidden>
          <Skeleton height={16} width="70%" />
          <Skeleton height={36} width={180} />
        </Stack>
      ) : status.isError ? (
        <LoadFailed title="We couldn't load your two-factor settings" query={status} />
      ) : status.data.enabled ? (
        <TwoFactorOn status={status.data} />
      ) : (
        <TwoFactorSetup
          onEnabled={() => notifications.show({ color: 'teal', title: 'Two-factor is on', message: 'From now on, signing in asks for a code from your app.' })}
        />
      )}
    </SettingsSection>
  );
}

type Dialog = 'regenerate' | 'turn-off' | null;

function TwoFactorOn({ status }: { status: TwoFactorStatus }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const requiredId = useId();
  const few = status.recoveryCodesLeft <= 2;
  return (
    <Stack>
      <Text size="sm">Signing in asks for a code from your authenticator app as well as your password.</Text>
      <Text size="sm" c={few ? 'orange.8' : undefined}>
        {status.recoveryCodesLeft === 1 ? '1 recovery code left.' : `${status.recoveryCodesLeft} recovery codes left.`}
        {few && ' Make new ones before you run out.'}
      </Text>
      <Group>
        <Button variant="default" onClick={() => setDialog('regenerate')}>
          Make new recovery codes
        </Button>
        <Button
          variant="light"
          color="red"
          disabled={status.requiredByPractice}
          aria-describedby={status.requiredByPractice ? requiredId : undefined}
          onClick={() => setDialog('turn-off')}
        >
          Turn off two-factor
        </Button>
      </Group>
      {status.requiredByPractice && (
        <Text size="sm" c="dimmed" id={requiredId}>
          Your practice requires two-factor for everyone, so it stays on. The practice owner can change that in Practice settings.
        </Text>
      )}
      <RegenerateCodesModal opened={dialog === 'regenerate'} onClose={() => setDialog(null)} />
      <TurnOffModal opened={dialog === 'turn-off'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function TurnOffModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const disable = useDisableTwoFactor();
  const close = () => {
    disable.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Turn off two-factor?" centered>
      <TwoFactorCodeForm
        confirmLabel="Turn off two-factor"
        color="red"
        errorTitle="We couldn't turn off two-factor"
        mutation={disable}
        onCancel={close}
        onConfirmed={() => {
          notifications.show({ color: 'teal', title: 'Two-factor is off', message: 'Signing in needs only your password again.' });
          close();
        }}
      >
        <Text size="sm">
          Signing in will need only your password, and your recovery codes stop working. Enter a code from your app to
          confirm.
        </Text>
      </TwoFactorCodeForm>
    </Modal>
  );
}

function RegenerateCodesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const regenerate = useRegenerateRecoveryCodes();
  const codes = regenerate.data?.recoveryCodes;
  const close = () => {
    regenerate.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="New recovery codes"
      centered
      size="lg"
      // Once shown, the codes stay until the person says they have saved them.
      closeOnClickOutside={!codes}
      closeOnEscape={!codes}
      withCloseButton={!codes}
    >
      {codes ? (
        <RecoveryCodesShownOnce
          codes={codes}
          // Under the dialog's own title, an h2.
          headingOrder={3}
          onDone={() => {
            notifications.show({ color: 'teal', message: 'Your new recovery codes are ready to use. The old ones no longer work.' });
            close();
          }}
        />
      ) : (
        <TwoFactorCodeForm
          confirmLabel="Make new codes"
          errorTitle="We couldn't make new recovery codes"
          mutation={regenerate}
          onCancel={close}
        >
          <Text size="sm">Your old recovery codes stop working as soon as the new ones are made. Enter a code from your app to confirm.</Text>
        </TwoFactorCodeForm>
      )}
    </Modal>
  );
}
