import { Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { SESSION_KIND_LABELS, SUGGESTED_SERVICES, type BillingService } from '@trustwork/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { billingKeys, createBillingService } from '../api/billing-settings-api';
import { validateRequiredFee } from '../billing-validation';
import { MoneyInput } from './MoneyInput';

interface FeeValues {
  fees: (number | null)[];
}

/** Creates the suggested services one after another, skipping any the practice already has (a retry after a failure). */
function useAddSuggestedServices(existing: readonly BillingService[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fees: number[]) => {
      const have = new Set(existing.map((service) => service.name));
      const added: BillingService[] = [];
      for (const [index, suggestion] of SUGGESTED_SERVICES.entries()) {
        if (!have.has(suggestion.name)) added.push(await createBillingService({ ...suggestion, fee: fees[index] }));
      }
      return added;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: billingKeys.services() }),
  });
}

function SuggestedServicesForm({ existing, onDone }: { existing: readonly BillingService[]; onDone: () => void }) {
  const add = useAddSuggestedServices(existing);
  const send = useMutateOnce(add);
  const form = useForm<FeeValues>({
    initialValues: { fees: SUGGESTED_SERVICES.map(() => null) },
    validate: (values) => Object.fromEntries(values.fees.map((fee, index) => [`fees.${index}`, validateRequiredFee(fee)])),
  });
  const apiErrors = useApiFormErrors(form, []);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    send(values.fees as number[], {
      onSuccess: (added) => {
        notifications.show({ color: 'teal', title: 'Services added', message: `${added.length} services are ready to charge from.` });
        onDone();
      },
      onError: apiErrors.show,
    });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <Text size="sm">Set a fee for each. You can change them, and add or archive services, at any time.</Text>
        <FormAlert title="We couldn't add every service" messages={apiErrors.messages} />
        {SUGGESTED_SERVICES.map((suggestion, index) => (
          <MoneyInput
            key={suggestion.name}
            label={`Fee: ${suggestion.name}`}
            description={`${SESSION_KIND_LABELS[suggestion.sessionKind]}, ${suggestion.defaultDurationMinutes} minutes, CPT ${suggestion.cptCode}`}
            required
            {...form.getInputProps(`fees.${index}`)}
          />
        ))}
        <FormActions submitLabel="Add these services" saving={add.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface SuggestedServicesModalProps {
  opened: boolean;
  existing: readonly BillingService[];
  onClose: () => void;
}

export function SuggestedServicesModal({ opened, existing, onClose }: SuggestedServicesModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add the common services" centered size="lg">
      <SuggestedServicesForm existing={existing} onDone={onClose} />
    </Modal>
  );
}
