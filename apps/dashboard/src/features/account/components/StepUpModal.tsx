import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { STEP_UP_WINDOW_MINUTES, type StepUpRequest } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateRequired } from '../../../lib/validation';
import { useSession } from '../../auth/hooks/use-session';
import { stepUp } from '../api/account-api';
import { useCredentialFormErrors } from '../hooks/use-credential-form-errors';
import { normaliseCode, validateTwoFactorCode } from '../two-factor-code';
import { TwoFactorCodeInput } from './TwoFactorCodeInput';

const API_FIELDS = ['code', 'password'] as const;

interface StepUpModalProps {
  opened: boolean;
  /** True once the check has passed; false when the person gave up. */
  onDone: (verified: boolean) => void;
}

/** Asks for a code from the authenticator app, or the password when the person has no two-factor. */
export function StepUpModal({ opened, onDone }: StepUpModalProps) {
  const state = useSession();
  const withCode = state.status === 'signed-in' && state.user.twoFactorEnabled;
  return (
    // Above the dialog whose action asked for it. Its content is new each time it opens.
    <Modal opened={opened} onClose={() => onDone(false)} title="Confirm it's you" centered zIndex={300}>
      <StepUpForm key={withCode ? 'code' : 'password'} withCode={withCode} onDone={onDone} />
    </Modal>
  );
}

function StepUpForm({ withCode, onDone }: { withCode: boolean; onDone: StepUpModalProps['onDone'] }) {
  const check = useMutation({ mutationFn: stepUp });
  const send = useMutateOnce(check);
  const form = useForm<Required<StepUpRequest>>({
    initialValues: { code: '', password: '' },
    validate: withCode ? { code: validateTwoFactorCode } : { password: validateRequired('your password') },
  });
  const apiErrors = useCredentialFormErrors(form, API_FIELDS, withCode ? 'code' : 'password');

  const handleSubmit = form.onSubmit(({ code, password }) => {
    apiErrors.clear();
    send(withCode ? { code: normaliseCode(code) } : { password }, { onSuccess: () => onDone(true), onError: apiErrors.show });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <Text size="sm">
          {withCode ? 'Enter the code your authenticator app shows now.' : 'Enter your password.'} Exporting records and changing
          two-factor need a fresh check; you won&apos;t be asked again for {STEP_UP_WINDOW_MINUTES} minutes.
        </Text>
        <FormAlert title="We couldn't check it" messages={apiErrors.messages} />
        {withCode ? (
          <TwoFactorCodeInput required data-autofocus {...form.getInputProps('code')} />
        ) : (
          <PasswordInput label="Your password" autoComplete="current-password" required data-autofocus {...form.getInputProps('password')} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={check.isPending}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
