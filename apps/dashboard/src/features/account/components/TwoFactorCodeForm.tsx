import { type ReactNode } from 'react';
import { Button, Group, Stack, type MantineColor } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type UseMutationResult } from '@tanstack/react-query';
import { type TwoFactorCodeRequest } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCredentialFormErrors } from '../hooks/use-credential-form-errors';
import { validateTwoFactorCode } from '../two-factor-code';
import { TwoFactorCodeInput } from './TwoFactorCodeInput';

const API_FIELDS = ['code'] as const;

interface TwoFactorCodeFormProps<TData> {
  /** What the code confirms, and what follows. */
  children: ReactNode;
  confirmLabel: string;
  color?: MantineColor;
  errorTitle: string;
  mutation: UseMutationResult<TData, Error, TwoFactorCodeRequest>;
  /** After the change is made (the mutation's own result may be what shows next). */
  onConfirmed?: (result: TData) => void;
  onCancel: () => void;
}

/** A change to two-factor itself, confirmed with a code from the app. */
export function TwoFactorCodeForm<TData>({ children, confirmLabel, color, errorTitle, mutation, onConfirmed, onCancel }: TwoFactorCodeFormProps<TData>) {
  const send = useMutateOnce(mutation);
  const form = useForm({ initialValues: { code: '' }, validate: { code: validateTwoFactorCode } });
  const apiErrors = useCredentialFormErrors(form, API_FIELDS, 'code');

  const handleSubmit = form.onSubmit(({ code }) => {
    apiErrors.clear();
    send({ code }, { onSuccess: onConfirmed, onError: apiErrors.show });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        {children}
        <FormAlert title={errorTitle} messages={apiErrors.messages} />
        <TwoFactorCodeInput required data-autofocus {...form.getInputProps('code')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={color} loading={mutation.isPending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
