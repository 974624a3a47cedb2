import { useState } from 'react';
import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { type TwoFactorEnrolment } from '@trustwork/contracts';
import { QRCodeSVG } from 'qrcode.react';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCredentialFormErrors } from '../hooks/use-credential-form-errors';
import { useConfirmTwoFactor, useStartTwoFactorEnrolment, useTwoFactorChanged } from '../hooks/use-two-factor';
import { validateTwoFactorCode } from '../two-factor-code';
import { CopyTextButton } from './CopyTextButton';
import { RecoveryCodesShownOnce } from './RecoveryCodesShownOnce';
import { TwoFactorCodeInput } from './TwoFactorCodeInput';

const API_FIELDS = ['code'] as const;

/** "JBSWY3DPEHPK3PXP" as "JBSW Y3DP EHPK 3PXP": easier to type without losing the place. */
function inGroups(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Turns two-factor on: a new secret as a QR code and as text, confirmed by the app's first
 * code, then the recovery codes, shown once. Used in "Your settings" and when the practice
 * requires two-factor before anything else.
 */
export function TwoFactorSetup({ onEnabled, headingOrder = 3 }: { onEnabled(): void; headingOrder?: HeadingOrder }) {
  const start = useStartTwoFactorEnrolment();
  const sendStart = useMutateOnce(start);
  const changed = useTwoFactorChanged();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes) {
    return (
      <RecoveryCodesShownOnce
        codes={recoveryCodes}
        headingOrder={headingOrder}
        onDone={() => {
          changed(true);
          onEnabled();
        }}
      />
    );
  }

  if (start.data) {
    return <ConfirmEnrolment enrolment={start.data} headingOrder={headingOrder} onConfirmed={setRecoveryCodes} onCancel={start.reset} />;
  }

  return (
    <Stack align="flex-start">
      <Text>
        Each time you sign in, Trustwork will also ask for a code from an authenticator app on your phone, such as Google
        Authenticator, Microsoft Authenticator or 1Password. A stolen password alone then cannot open your clients&apos; records.
      </Text>
      {start.error && (
        <Alert color="red" icon={<IconAlertCircle />} title="We couldn't start setting up two-factor" w="100%">
          {start.error.message}
        </Alert>
      )}
      <Button leftSection={<IconShieldLock size={16} aria-hidden />} loading={start.isPending} onClick={() => sendStart()}>
        Set up two-factor
      </Button>
    </Stack>
  );
}

/** 3 under a settings section's own heading; 2 directly under the page's title. */
type HeadingOrder = 2 | 3;

interface ConfirmEnrolmentProps {
  enrolment: TwoFactorEnrolment;
  headingOrder: HeadingOrder;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

function ConfirmEnrolment({ enrolment, headingOrder, onConfirmed, onCancel }: ConfirmEnrolmentProps) {
  const confirm = useConfirmTwoFactor();
  const send = useMutateOnce(confirm);
  const form = useForm({ initialValues: { code: '' }, validate: { code: validateTwoFactorCode } });
  const apiErrors = useCredentialFormErrors(form, API_FIELDS, 'code');

  const handleSubmit = form.onSubmit(({ code }) => {
    apiErrors.clear();
    send(code, {
      onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes),
      onError: (error) => apiErrors.show(error),
    });
  }, apiErrors.revealErrors);

  return (
    <Stack>
      <Title order={headingOrder} size="h5">
        1. Add Trustwork to your authenticator app
      </Title>
      <Group align="flex-start" gap="xl">
        <Paper withBorder p="sm" radius="md" bg="white">
          <QRCodeSVG value={enrolment.otpauthUrl} size={176} marginSize={1} title="QR code for your authenticator app" />
        </Paper>
        <Stack gap="xs" maw={360}>
          <Text size="sm">Scan the QR code with the app. Can&apos;t scan it? Choose to enter a setup key and type this one:</Text>
          <Code fz="md" p="sm" data-testid="two-factor-secret">
            {inGroups(enrolment.secret)}
          </Code>
          <CopyTextButton text={enrolment.secret} label="Copy key" />
        </Stack>
      </Group>
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
        <Stack>
          <Title order={headingOrder} size="h5">
            2. Enter the 6-digit code the app shows
          </Title>
          <FormAlert title="We couldn't turn on two-factor" messages={apiErrors.messages} />
          <TwoFactorCodeInput required data-autofocus {...form.getInputProps('code')} />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              Turn on two-factor
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
