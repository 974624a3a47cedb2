import { Modal, NumberInput, Radio, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { SESSION_KIND_LABELS, SessionKind, type BillingService, type CreateBillingServiceRequest } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateRequired } from '../../../lib/validation';
import { useCreateBillingService, useUpdateBillingService } from '../hooks/use-billing-settings';
import { validateCptCode, validateRequiredFee } from '../billing-validation';
import { MoneyInput } from './MoneyInput';

const API_FIELDS = ['name', 'cptCode', 'sessionKind', 'defaultDurationMinutes', 'fee'] as const;

interface ServiceValues {
  name: string;
  cptCode: string;
  sessionKind: SessionKind;
  defaultDurationMinutes: number | string;
  fee: number | null;
}

function requestOf(values: ServiceValues): CreateBillingServiceRequest {
  return {
    name: values.name.trim(),
    cptCode: values.cptCode.trim() || null,
    sessionKind: values.sessionKind,
    defaultDurationMinutes: Number(values.defaultDurationMinutes),
    fee: values.fee as number,
  };
}

function ServiceForm({ service, onDone }: { service: BillingService | null; onDone: () => void }) {
  const create = useCreateBillingService();
  const update = useUpdateBillingService();
  const sendCreate = useMutateOnce(create);
  const sendUpdate = useMutateOnce(update);
  const form = useForm<ServiceValues>({
    initialValues: service
      ? { ...service, cptCode: service.cptCode ?? '' }
      : { name: '', cptCode: '', sessionKind: 'joint', defaultDurationMinutes: 50, fee: null },
    validate: {
      name: validateRequired("the service's name"),
      cptCode: validateCptCode,
      defaultDurationMinutes: (value) => {
        const minutes = Number(value);
        return value !== '' && Number.isInteger(minutes) && minutes > 0 ? null : 'Enter the length in whole minutes.';
      },
      fee: validateRequiredFee,
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const saved = (title: string) => (result: BillingService) => {
    notifications.show({ color: 'teal', title, message: result.name });
    onDone();
  };
  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const request = requestOf(values);
    if (service) sendUpdate({ serviceId: service.id, changes: request }, { onSuccess: saved('Service saved'), onError: apiErrors.show });
    else sendCreate(request, { onSuccess: saved('Service added'), onError: apiErrors.show });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the service" messages={apiErrors.messages} />
        <TextInput label="Name" description="Printed on invoices: the service's name, never clinical words." required {...form.getInputProps('name')} />
        <TextInput label="CPT code" description="Optional, for superbills, e.g. 90847." w={200} {...form.getInputProps('cptCode')} />
        <Radio.Group label="Kind" required {...form.getInputProps('sessionKind')}>
          <Group gap="md" mt={6}>
            {Object.values(SessionKind).map((kind) => (
              <Radio key={kind} value={kind} label={SESSION_KIND_LABELS[kind]} />
            ))}
          </Group>
        </Radio.Group>
        <NumberInput
          label="Length (minutes)"
          description="A session is charged from the service of its kind whose length is nearest."
          min={1}
          allowDecimal={false}
          allowNegative={false}
          required
          w={200}
          {...form.getInputProps('defaultDurationMinutes')}
        />
        <MoneyInput label="Fee" required w={240} {...form.getInputProps('fee')} />
        <FormActions submitLabel={service ? 'Save service' : 'Add service'} saving={create.isPending || update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface ServiceFormModalProps {
  opened: boolean;
  /** null: a new service. */
  service: BillingService | null;
  onClose: () => void;
}

export function ServiceFormModal({ opened, service, onClose }: ServiceFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={service ? `Edit ${service.name}` : 'Add a service'} centered>
      <ServiceForm key={service?.id ?? 'new'} service={service} onDone={onClose} />
    </Modal>
  );
}
