import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ChangePasswordRequest } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { NewPasswordFields } from '../../../components/NewPasswordFields';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateNewPassword, validatePasswordsMatch, validateRequired } from '../../../lib/validation';
import { useChangePassword } from '../hooks/use-account';
import { useCredentialFormErrors } from '../hooks/use-credential-form-errors';

type PasswordValues = ChangePasswordRequest & { confirmPassword: string };

const API_FIELDS = ['currentPassword', 'newPassword'] as const;

interface PasswordChangeFormProps {
  /** "Current password", or "Temporary password" for someone choosing their own. */
  currentLabel: string;
  submitLabel: string;
  onChanged: () => void;
}

/** The password the person signs in with now, then the new one twice. */
export function PasswordChangeForm({ currentLabel, submitLabel, onChanged }: PasswordChangeFormProps) {
  const change = useChangePassword();
  const send = useMutateOnce(change);
  const form = useForm<PasswordValues>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: validateRequired(`your ${currentLabel.toLowerCase()}`),
      newPassword: validateNewPassword,
      confirmPassword: validatePasswordsMatch,
    },
  });
  const apiErrors = useCredentialFormErrors(form, API_FIELDS, 'currentPassword');

  const handleSubmit = form.onSubmit(({ currentPassword, newPassword }) => {
    apiErrors.clear();
    send(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          onChanged();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack maw={420}>
        <FormAlert title="We couldn't change your password" messages={apiErrors.messages} />
        <PasswordInput
          label={currentLabel}
          autoComplete="current-password"
          required
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordFields form={form} />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
