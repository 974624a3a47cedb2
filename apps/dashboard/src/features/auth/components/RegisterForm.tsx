import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { type RegisterPracticeRequest } from '@trustwork/contracts';
import { isApiRequestError } from '../../../lib/api-client';
import { splitApiErrors } from '../../../lib/form-errors';
import { browserTimeZone } from '../../../lib/practice-time';
import { NEW_PASSWORD_HINT, validateEmail, validateNewPassword, validateRequired } from '../../../lib/validation';
import { useRegisterPractice } from '../hooks/use-auth-mutations';

type RegisterValues = RegisterPracticeRequest & { confirmPassword: string };

const API_FIELDS = ['practiceName', 'name', 'email', 'password'] as const;

export function RegisterForm() {
  const register = useRegisterPractice();
  // The practice's calendar starts in this browser's zone; the owner can change it in Practice settings.
  const timeZone = browserTimeZone();
  const form = useForm<RegisterValues>({
    mode: 'uncontrolled',
    initialValues: { practiceName: '', name: '', email: '', password: '', confirmPassword: '' },
    validate: {
      practiceName: validateRequired("your practice's name"),
      name: validateRequired('your name'),
      email: validateEmail,
      password: validateNewPassword,
      confirmPassword: (value, values) => (value === values.password ? null : 'The passwords do not match.'),
    },
  });

  const { error } = register;
  const formMessages = !error
    ? []
    : isApiRequestError(error)
      ? splitApiErrors(error, API_FIELDS).formMessages
      : [error.message];

  const handleSubmit = form.onSubmit(({ confirmPassword: _confirmPassword, ...values }) => {
    register.mutate(
      { ...values, practiceName: values.practiceName.trim(), name: values.name.trim(), email: values.email.trim(), timeZone },
      {
        onError: (failure) => {
          if (!isApiRequestError(failure)) return;
          if (failure.status === 409) form.setFieldError('email', failure.message);
          else form.setErrors(splitApiErrors(failure, API_FIELDS).fieldErrors);
        },
      },
    );
  });

  // A 409 is shown on the e-mail field, so it needs no banner as well.
  const showBanner = formMessages.length > 0 && !isApiRequestError(error, 409);

  return (
    <form noValidate onSubmit={handleSubmit}>
      <Stack>
        {showBanner && (
          <Alert color="red" icon={<IconAlertCircle />} title="We couldn't register your practice">
            {formMessages.join(' ')}
          </Alert>
        )}
        <TextInput
          label="Practice name"
          description="As your clients know it, e.g. Harbour Couples Therapy."
          autoComplete="organization"
          required
          key={form.key('practiceName')}
          {...form.getInputProps('practiceName')}
        />
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="email"
          description="You will sign in with this address."
          required
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="new-password"
          description={NEW_PASSWORD_HINT}
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          required
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Text size="sm" c="dimmed">
          Times will be shown in {timeZone}, this computer&apos;s time zone. You can change it later in Practice settings.
        </Text>
        <Button type="submit" loading={register.isPending} fullWidth>
          Register and sign in
        </Button>
      </Stack>
    </form>
  );
}
