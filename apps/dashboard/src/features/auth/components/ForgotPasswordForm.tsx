import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { PASSWORD_RESET_LINK_MINUTES } from '@trustwork/contracts';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateEmail } from '../../../lib/validation';
import { useRequestPasswordReset } from '../hooks/use-auth-mutations';
import { describeSignInError } from '../sign-in-errors';

/** Asks for a reset link. The answer reads the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const send = useMutateOnce(request);
  const form = useForm({ mode: 'uncontrolled', initialValues: { email: '' }, validate: { email: validateEmail } });

  if (request.isSuccess) {
    return (
      <Alert color="teal" icon={<IconMailCheck />} title="Check your e-mail" role="status">
        If {request.variables.email} has a Trustwork account, a link to choose a new password is on its way. It works once,
        for {PASSWORD_RESET_LINK_MINUTES} minutes. Nothing there? Check your spam folder, or{' '}
        {/* Back to the form, the address still in it, to send again or correct a typo. */}
        <Anchor component="button" type="button" inherit onClick={() => request.reset()}>
          ask again
        </Anchor>
        .
      </Alert>
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit((values) => send({ email: values.email.trim() }))}>
      <Stack>
        {request.error && (
          <Alert color="red" icon={<IconAlertCircle />} title="We couldn't send the link">
            {describeSignInError(request.error)}
          </Alert>
        )}
        <TextInput label="E-mail" type="email" autoComplete="username" required key={form.key('email')} {...form.getInputProps('email')} />
        <Button type="submit" loading={request.isPending} fullWidth>
          Send me a link
        </Button>
      </Stack>
    </form>
  );
}
