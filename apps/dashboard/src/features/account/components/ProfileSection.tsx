import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { type ChangeEmailRequest, type CurrentUser } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { LoadFailed } from '../../../components/LoadFailed';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateEmail, validateRequired } from '../../../lib/validation';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useChangeEmail, useMe, useUpdateMe } from '../hooks/use-account';
import { useCredentialFormErrors } from '../hooks/use-credential-form-errors';
import { SettingsSection } from './SettingsSection';

const NAME_FIELDS = ['name'] as const;
const EMAIL_FIELDS = ['email', 'currentPassword'] as const;

/** Your name and the address you sign in with. */
export function ProfileSection() {
  const me = useMe();
  const signedIn = useCurrentUser();
  const user = me.data ?? signedIn;
  return (
    <SettingsSection title="Profile" description="How colleagues see you, and the address you sign in with.">
      {me.isError ? (
        <LoadFailed title="We couldn't load your profile" query={me} />
      ) : (
        <>
          <NameForm user={user} />
          <EmailForm user={user} />
        </>
      )}
    </SettingsSection>
  );
}

function NameForm({ user }: { user: CurrentUser }) {
  const update = useUpdateMe();
  const send = useMutateOnce(update);
  const form = useForm({ initialValues: { name: user.name }, validate: { name: validateRequired('your name') } });
  const apiErrors = useApiFormErrors(form, NAME_FIELDS);

  const handleSubmit = form.onSubmit(({ name }) => {
    apiErrors.clear();
    if (name.trim() === user.name) return;
    send(
      { name: name.trim() },
      {
        onSuccess: (saved) => {
          form.resetDirty({ name: saved.name });
          notifications.show({ color: 'teal', message: `Your name is now ${saved.name}.` });
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack maw={420}>
        <FormAlert title="We couldn't change your name" messages={apiErrors.messages} />
        <TextInput label="Name" autoComplete="name" required {...form.getInputProps('name')} />
        <Group>
          <Button type="submit" variant="default" loading={update.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EmailForm({ user }: { user: CurrentUser }) {
  const change = useChangeEmail();
  const send = useMutateOnce(change);
  const form = useForm<ChangeEmailRequest>({
    mode: 'uncontrolled',
    initialValues: { email: '', currentPassword: '' },
    validate: {
      email: (value) => validateEmail(value) ?? (value.trim().toLowerCase() === user.email.toLowerCase() ? 'That is already your address.' : null),
      currentPassword: validateRequired('your password'),
    },
  });
  const apiErrors = useCredentialFormErrors(form, EMAIL_FIELDS, 'currentPassword');

  const handleSubmit = form.onSubmit(({ email, currentPassword }) => {
    apiErrors.clear();
    send(
      { email: email.trim(), currentPassword },
      {
        onSuccess: (_nothing, sent) => {
          form.reset();
          notifications.show({
            color: 'teal',
            title: `Check your inbox at ${sent.email}`,
            message: 'Open the link we sent there to finish the change. Until then you sign in with your current address.',
          });
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <Stack gap="sm">
      <div>
        <Title order={3} size="h5">
          E-mail
        </Title>
        <Text size="sm">
          You sign in as <strong>{user.email}</strong>.
        </Text>
      </div>
      {user.pendingEmail && (
        <Alert color="blue" variant="light" icon={<IconMailForward />} title={`Waiting for confirmation at ${user.pendingEmail}`}>
          Open the link we sent to that address to make it the one you sign in with. To use another address instead, change it
          again below.
        </Alert>
      )}
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
        <Stack maw={420}>
          <FormAlert title="We couldn't change your e-mail" messages={apiErrors.messages} />
          <TextInput
            label="New e-mail"
            type="email"
            autoComplete="email"
            description="We send a link there; the change happens when you open it."
            required
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Your password"
            autoComplete="current-password"
            required
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <Group>
            <Button type="submit" variant="default" loading={change.isPending}>
              Send confirmation link
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
