import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { NewPasswordFields } from '../../../components/NewPasswordFields';
import { isApiRequestError } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateNewPassword, validatePasswordsMatch } from '../../../lib/validation';
import { useCompletePasswordReset } from '../hooks/use-auth-mutations';
import { useLinkToken } from '../hooks/use-link-token';
import { type SignInNavigationState } from '../navigation';

const API_FIELDS = ['newPassword'] as const;
const AFTER_RESET: SignInNavigationState = { notice: { kind: 'password-reset' } };

function AskAgain({ children }: { children: string }) {
  return (
    <Alert color="red" icon={<IconAlertCircle />} title="This link doesn't work">
      <Stack gap="xs" align="flex-start">
        {children}
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** The page an e-mailed reset link opens: a new password, twice. */
export function ResetPasswordForm() {
  const token = useLinkToken();
  const navigate = useNavigate();
  const reset = useCompletePasswordReset();
  const send = useMutateOnce(reset);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: {
      newPassword: validateNewPassword,
      confirmPassword: validatePasswordsMatch,
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  if (!token) return <AskAgain>The link is incomplete. Open it again from the e-mail, or ask for a new one.</AskAgain>;

  const submit = form.onSubmit(({ newPassword }) =>
    send(
      { token, newPassword },
      {
        onSuccess: () => {
          // The reset has ended every session, this browser's too.
          if (session.getState().status === 'signed-in') session.end();
          void navigate('/sign-in', { replace: true, state: AFTER_RESET });
        },
        onError: apiErrors.show,
      },
    ),
    apiErrors.revealErrors,
  );
  // A 400 that names no field is about the link (expired, used).
  const linkRefused = isApiRequestError(reset.error, 400) && apiErrors.messages.length > 0;

  return (
    <form noValidate ref={apiErrors.formRef} onSubmit={submit}>
      <Stack>
        {linkRefused ? (
          <AskAgain>{apiErrors.messages.join(' ')}</AskAgain>
        ) : (
          <FormAlert title="We couldn't change your password" messages={apiErrors.messages} />
        )}
        <NewPasswordFields form={form} />
        <Button type="submit" loading={reset.isPending} fullWidth>
          Change password
        </Button>
      </Stack>
    </form>
  );
}
