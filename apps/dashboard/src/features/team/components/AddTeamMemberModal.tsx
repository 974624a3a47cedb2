import { useState } from 'react';
import { Alert, Box, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import {
  PASSWORD_MIN_LENGTH,
  ROLE_LABELS,
  ROLES,
  Role,
  type AddTeamMemberRequest,
} from '@trustwork/contracts';
import { isApiRequestError } from '../../../lib/api-client';
import { splitApiErrors } from '../../../lib/form-errors';
import { validateEmail, validateNewPassword, validateRequired } from '../../../lib/validation';
import { useAddTeamMember } from '../hooks/use-team';
import { generateTemporaryPassword } from '../utils/temporary-password';

const API_FIELDS = ['name', 'email', 'role', 'temporaryPassword'] as const;
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

interface AddTeamMemberModalProps {
  opened: boolean;
  onClose: () => void;
}

export function AddTeamMemberModal({ opened, onClose }: AddTeamMemberModalProps) {
  const addMember = useAddTeamMember();
  const [passwordVisible, setPasswordVisible] = useState(false);
  const [formMessages, setFormMessages] = useState<string[]>([]);
  const form = useForm<AddTeamMemberRequest>({
    initialValues: { name: '', email: '', role: Role.Clinician, temporaryPassword: '' },
    validate: {
      name: validateRequired('their name'),
      email: validateEmail,
      role: (value) => (ROLES.includes(value) ? null : 'Choose a role.'),
      temporaryPassword: validateNewPassword,
    },
  });

  const close = () => {
    form.reset();
    addMember.reset();
    setFormMessages([]);
    setPasswordVisible(false);
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormMessages([]);
    addMember.mutate(
      { ...values, name: values.name.trim(), email: values.email.trim() },
      {
        onSuccess: (member) => {
          notifications.show({
            color: 'teal',
            title: `${member.name} has been added to the team`,
            message: 'Share their temporary password with them privately.',
          });
          close();
        },
        onError: (error) => {
          if (isApiRequestError(error, 409)) {
            form.setFieldError('email', error.message);
            return;
          }
          if (!isApiRequestError(error)) {
            setFormMessages([error.message]);
            return;
          }
          const { fieldErrors, formMessages: other } = splitApiErrors(error, API_FIELDS);
          form.setErrors(fieldErrors);
          setFormMessages(other);
        },
      },
    );
  });

  const generatePassword = () => {
    form.setFieldValue('temporaryPassword', generateTemporaryPassword());
    // They will need to pass it on, so show it.
    setPasswordVisible(true);
  };

  return (
    <Modal opened={opened} onClose={close} title="Add team member" centered>
      <form noValidate onSubmit={handleSubmit}>
        <Stack>
          {formMessages.length > 0 && (
            <Alert color="red" icon={<IconAlertCircle />} title="We couldn't add them">
              {formMessages.join(' ')}
            </Alert>
          )}
          <TextInput label="Name" autoComplete="off" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="off"
            description="They will sign in with this address."
            required
            {...form.getInputProps('email')}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label="Temporary password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person or by phone.`}
            autoComplete="new-password"
            required
            visible={passwordVisible}
            onVisibilityChange={setPasswordVisible}
            // The button sits beside the box itself, so the hint above and any error below keep the full width.
            inputContainer={(input) => (
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Box flex={1}>{input}</Box>
                <Button variant="default" onClick={generatePassword}>
                  Generate
                </Button>
              </Group>
            )}
            {...form.getInputProps('temporaryPassword')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={addMember.isPending}>
              Add team member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
