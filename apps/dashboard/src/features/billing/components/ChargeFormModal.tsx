import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { CHARGE_KIND_LABELS, MANUAL_CHARGE_KINDS, type Charge, type ChargeKind, type UpdateChargeRequest } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateRequired } from '../../../lib/validation';
import { validateOptionalFee } from '../billing-validation';
import { useCreateCharge, useUpdateCharge } from '../hooks/use-case-billing';
import { MoneyInput } from './MoneyInput';
import { PayerSelect } from './PayerSelect';

const API_FIELDS = ['kind', 'payerId', 'description', 'serviceDate', 'amount', 'reason'] as const;

/** The kinds added by hand that must say why. */
const NEEDS_REASON: readonly ChargeKind[] = ['manual', 'adjustment'];

interface ChargeValues {
  kind: ChargeKind;
  payerId: string | null;
  description: string;
  serviceDate: string | null;
  amount: number | null;
  reason: string;
}

function validateAmount(amount: number | null, values: ChargeValues): string | null {
  if (amount === null) return 'Enter the amount.';
  if (values.kind === 'adjustment') return amount === 0 ? 'Enter an amount other than zero: below zero reduces what is owed.' : validateOptionalFee(amount);
  return amount <= 0 ? 'Enter an amount above zero.' : validateOptionalFee(amount);
}

/** Only what differs from the charge as it is. */
function changesFrom(charge: Charge, values: ChargeValues): UpdateChargeRequest {
  const wanted: UpdateChargeRequest = {
    payerId: values.payerId as string,
    description: values.description.trim(),
    serviceDate: values.serviceDate as string,
    amount: values.amount as number,
  };
  return Object.fromEntries(Object.entries(wanted).filter(([field, value]) => charge[field as keyof Charge] !== value));
}

interface ChargeFormProps {
  caseId: string;
  /** null: a new charge. */
  charge: Charge | null;
  onDone: () => void;
}

function ChargeForm({ caseId, charge, onDone }: ChargeFormProps) {
  const today = practiceToday(usePracticeTimeZone());
  const create = useCreateCharge(caseId);
  const update = useUpdateCharge(caseId);
  const sendCreate = useMutateOnce(create);
  const sendUpdate = useMutateOnce(update);
  const form = useForm<ChargeValues>({
    initialValues: charge
      ? { ...charge, reason: charge.reason ?? '' }
      : { kind: 'manual', payerId: null, description: '', serviceDate: today, amount: null, reason: '' },
    validate: {
      payerId: (value) => (value ? null : 'Choose who pays this.'),
      description: validateRequired('what the charge is for, as the invoice will say it'),
      serviceDate: (value) => (value ? null : 'Choose the date.'),
      amount: validateAmount,
      reason: (value, values) => (!charge && NEEDS_REASON.includes(values.kind) && !value.trim() ? 'Say why this is charged: it stays on the record.' : null),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const { kind } = form.getValues();

  const done = (title: string) => (saved: Charge) => {
    notifications.show({ color: 'teal', title, message: saved.description });
    onDone();
  };
  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    if (charge) {
      const changes = changesFrom(charge, values);
      if (Object.keys(changes).length === 0) return onDone();
      sendUpdate({ chargeId: charge.id, changes }, { onSuccess: done('Charge saved'), onError: apiErrors.show });
      return;
    }
    sendCreate(
      {
        caseId,
        request: {
          kind: values.kind,
          payerId: values.payerId as string,
          description: values.description.trim(),
          serviceDate: values.serviceDate as string,
          amount: values.amount as number,
          reason: values.reason.trim() || null,
        },
      },
      { onSuccess: done('Charge added'), onError: apiErrors.show },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the charge" messages={apiErrors.messages} />
        {!charge && (
          <Select
            label="Kind"
            data={MANUAL_CHARGE_KINDS.map((value) => ({ value, label: CHARGE_KIND_LABELS[value] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('kind')}
            onChange={(value) => {
              const chosen = value as ChargeKind;
              form.setFieldValue('kind', chosen);
              // A fee's usual wording, unless something has been typed already.
              if (!form.getValues().description.trim() && !NEEDS_REASON.includes(chosen)) form.setFieldValue('description', CHARGE_KIND_LABELS[chosen]);
            }}
          />
        )}
        <PayerSelect caseId={caseId} required {...form.getInputProps('payerId')} />
        <TextInput label="Description" description="Printed on the invoice." required {...form.getInputProps('description')} />
        <DatePickerInput label="Date" leftSection={<IconCalendar size={16} aria-hidden />} required {...form.getInputProps('serviceDate')} />
        <MoneyInput
          label="Amount"
          description={kind === 'adjustment' ? 'Below zero (like -20.00) reduces what is owed.' : undefined}
          allowNegative={kind === 'adjustment'}
          required
          w={240}
          {...form.getInputProps('amount')}
        />
        {!charge && (
          <Textarea
            label="Reason"
            description="Kept with the charge for the record; not printed on the invoice."
            required={NEEDS_REASON.includes(kind)}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
        )}
        <FormActions submitLabel={charge ? 'Save charge' : 'Add charge'} saving={create.isPending || update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface ChargeFormModalProps {
  caseId: string;
  opened: boolean;
  charge: Charge | null;
  onClose: () => void;
}

export function ChargeFormModal({ caseId, opened, charge, onClose }: ChargeFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={charge ? 'Edit charge' : 'Add a charge'} centered>
      <ChargeForm key={charge?.id ?? 'new'} caseId={caseId} charge={charge} onDone={onClose} />
    </Modal>
  );
}
