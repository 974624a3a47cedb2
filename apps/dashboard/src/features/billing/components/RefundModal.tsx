import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { formatMoney, type MinorUnits, type Payment } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { formatCalendarDate, practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrency } from '../hooks/use-billing-settings';
import { useRefundPayment } from '../hooks/use-payments';
import { MoneyInput } from './MoneyInput';

const API_FIELDS = ['amount', 'refundedOn', 'reason'] as const;
const REASON_MAX = 1000;

interface RefundValues {
  amount: MinorUnits | null;
  refundedOn: string | null;
  reason: string;
}

/** What of a payment can still be given back. */
export const refundable = (payment: Payment): MinorUnits => payment.amount - payment.refunded;

function RefundForm({ caseId, payment, onDone }: { caseId: string; payment: Payment; onDone: () => void }) {
  const currency = useCurrency();
  const today = practiceToday(usePracticeTimeZone());
  const most = refundable(payment);
  const refund = useRefundPayment(caseId);
  const send = useMutateOnce(refund);
  const form = useForm<RefundValues>({
    initialValues: { amount: most, refundedOn: today, reason: '' },
    validate: {
      amount: (amount) =>
        amount === null || amount <= 0 ? 'Enter the amount given back.' : amount > most ? `You can refund at most ${formatMoney(most, currency)}.` : null,
      refundedOn: (date) =>
        !date
          ? 'Choose the day the money was given back.'
          : date > today
            ? 'Choose today or an earlier date.'
            : date < payment.receivedOn
              ? `Choose a day from ${formatCalendarDate(payment.receivedOn)}, when the payment was received.`
              : null,
      reason: (reason) => (!reason.trim() ? 'Say why the money was given back.' : reason.trim().length > REASON_MAX ? `Use at most ${REASON_MAX} characters.` : null),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    send(
      { paymentId: payment.id, request: { amount: values.amount as MinorUnits, refundedOn: values.refundedOn as string, reason: values.reason.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Refund recorded', message: `${formatMoney(values.amount as MinorUnits, currency)} to ${payment.payer.name}.` });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't record the refund" messages={apiErrors.messages} />
        <Text size="sm">
          Records money given back to {payment.payer.name} from their payment of {formatMoney(payment.amount, currency)} on {formatCalendarDate(payment.receivedOn)}.
          Give the money back yourself: Trustwork does not move it.
        </Text>
        <MoneyInput label="Amount" description={`Up to ${formatMoney(most, currency)}.`} required {...form.getInputProps('amount')} value={form.getValues().amount} />
        <DatePickerInput
          label="Date"
          description="The day the money was given back."
          leftSection={<IconCalendar size={16} aria-hidden />}
          minDate={payment.receivedOn}
          maxDate={today}
          required
          {...form.getInputProps('refundedOn')}
        />
        <Textarea label="Reason" required autosize minRows={2} maxRows={6} {...form.getInputProps('reason')} />
        <FormActions submitLabel="Refund" saving={refund.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface RefundModalProps {
  caseId: string;
  /** The payment to refund from; null while closed. */
  payment: Payment | null;
  onClose: () => void;
}

/** Records money given back from a payment, up to what has not been refunded already. */
export function RefundModal({ caseId, payment, onClose }: RefundModalProps) {
  return (
    <Modal opened={payment !== null} onClose={onClose} title={payment ? `Refund to ${payment.payer.name}` : 'Refund'} centered>
      {payment && <RefundForm caseId={caseId} payment={payment} onDone={onClose} />}
    </Modal>
  );
}
