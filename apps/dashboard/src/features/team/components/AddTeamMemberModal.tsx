import { useState } from 'react';
import { Box, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  PASSWORD_MIN_LENGTH,
  ROLE_LABELS,
  ROLES,
  Role,
  type AddTeamMemberRequest,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { isApiRequestError } from '../../../lib/api-client';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
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
  const form = useForm<AddTeamMemberRequest>({
    initialValues: { name: '', email: '', role: Role.Clinician, temporaryPassword: '' },
    validate: {
      name: validateRequired('their name'),
      email: validateEmail,
      role: (value) => (ROLES.includes(value) ? null : 'Choose a role.'),
      temporaryPassword: validateNewPassword,
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const close = () => {
    form.reset();
    addMember.reset();
    apiErrors.clear();
    setPasswordVisible(false);
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
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
            apiErrors.revealErrors();
            return;
          }
          apiErrors.show(error);
        },
      },
    );
  }, apiErrors.revealErrors);

  const generatePassword = () => {
    form.setFieldValue('temporaryPassword', generateTemporaryPassword());
    // They will need to pass it on, so show it.
    setPasswordVisible(true);
  };

  return (
    <Modal opened={opened} onClose={close} title="Add team member" centered>
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
        <Stack>
          <FormAlert title="We couldn't add them" messages={apiErrors.messages} />
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
          <FormActions submitLabel="Add team member" saving={addMember.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
