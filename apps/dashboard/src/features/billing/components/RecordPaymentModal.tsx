import { useEffect, useId } from 'react';
import { Checkbox, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import {
  formatMoney,
  MAX_AMOUNT_MINOR,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  type InvoiceSummary,
  type MinorUnits,
  type PaymentMethod,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { formatCalendarDate, practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrency } from '../hooks/use-billing-settings';
import { useCaseBilling } from '../hooks/use-case-billing';
import { useCaseInvoices } from '../hooks/use-invoices';
import { useRecordPayment } from '../hooks/use-payments';
import { Money } from './Money';
import { MoneyInput } from './MoneyInput';
import { PayerSelect } from './PayerSelect';

const API_FIELDS = ['payerId', 'method', 'amount', 'receivedOn', 'reference', 'allocations'] as const;
const REFERENCE_MAX = 200;

interface PaymentValues {
  payerId: string | null;
  method: PaymentMethod | null;
  amount: MinorUnits | null;
  receivedOn: string | null;
  reference: string;
  /** Leave the split to the API: the oldest outstanding invoices are paid first. */
  oldestFirst: boolean;
  /** By invoice id, when the person chooses the split. */
  allocations: Record<string, MinorUnits | null>;
}

/** The payer's issued invoices still owed, oldest first: the order the API pays them in. */
function owedInvoices(invoices: InvoiceSummary[], payerId: string | null): InvoiceSummary[] {
  return invoices
    .filter((invoice) => invoice.kind === 'invoice' && invoice.status === 'issued' && invoice.outstanding > 0 && invoice.payer.id === payerId)
    .sort((a, b) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') || (a.number ?? '').localeCompare(b.number ?? ''));
}

/** How `amount` pays `invoices` oldest first, by invoice id; what is left stays on account. */
export function oldestFirstSplit(amount: MinorUnits, invoices: InvoiceSummary[]): Record<string, MinorUnits> {
  let left = amount;
  return Object.fromEntries(
    invoices.map((invoice) => {
      const part = Math.min(left, invoice.outstanding);
      left -= part;
      return [invoice.id, part];
    }),
  );
}

/** Who most likely paid: the only payer who owes something, or the case's only payer. */
function useLikelyPayer(caseId: string): string | null {
  const balances = useCaseBilling(caseId).data?.balances ?? [];
  const owing = balances.filter((balance) => balance.outstanding > 0);
  const only = owing.length === 1 ? owing : balances.length === 1 ? balances : [];
  return only[0]?.payer.id ?? null;
}

function RecordPaymentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const applyToId = useId();
  const currency = useCurrency();
  const today = practiceToday(usePracticeTimeZone());
  const invoices = useCaseInvoices(caseId);
  const record = useRecordPayment(caseId);
  const send = useMutateOnce(record);
  const form = useForm<PaymentValues>({
    initialValues: { payerId: null, method: PAYMENT_METHODS[0], amount: null, receivedOn: today, reference: '', oldestFirst: true, allocations: {} },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.payerId) errors.payerId = 'Choose who paid.';
      if (!values.method) errors.method = 'Choose how they paid.';
      if (values.amount === null || values.amount <= 0) errors.amount = 'Enter the amount received.';
      else if (values.amount > MAX_AMOUNT_MINOR) errors.amount = `Enter at most ${formatMoney(MAX_AMOUNT_MINOR, currency)}.`;
      if (!values.receivedOn) errors.receivedOn = 'Choose the day it was received.';
      else if (values.receivedOn > today) errors.receivedOn = 'Choose today or an earlier date.';
      if (values.reference.trim().length > REFERENCE_MAX) errors.reference = `Use at most ${REFERENCE_MAX} characters.`;
      if (!values.oldestFirst) {
        let applied = 0;
        for (const invoice of owedInvoices(invoices.data ?? [], values.payerId)) {
          const part = values.allocations[invoice.id] ?? 0;
          applied += part;
          if (part > invoice.outstanding) errors[`allocations.${invoice.id}`] = `${invoice.number ?? 'This invoice'} has ${formatMoney(invoice.outstanding, currency)} owed.`;
        }
        if (values.amount !== null && applied > values.amount) errors.allocations = 'The amounts applied add up to more than the payment.';
      }
      return errors;
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const likelyPayer = useLikelyPayer(caseId);
  // Once the balances arrive, unless the person has chosen already.
  useEffect(() => {
    if (likelyPayer && !form.getValues().payerId) form.setFieldValue('payerId', likelyPayer);
  }, [likelyPayer, form]);
  const values = form.getValues();
  const owed = owedInvoices(invoices.data ?? [], values.payerId);
  const split = oldestFirstSplit(values.amount ?? 0, owed);

  const handleSubmit = form.onSubmit((submitted) => {
    apiErrors.clear();
    const allocations = submitted.oldestFirst
      ? undefined
      : owed.flatMap((invoice) => {
          const amount = submitted.allocations[invoice.id] ?? 0;
          return amount > 0 ? [{ invoiceId: invoice.id, amount }] : [];
        });
    send(
      {
        caseId,
        request: {
          payerId: submitted.payerId as string,
          method: submitted.method as PaymentMethod,
          amount: submitted.amount as MinorUnits,
          receivedOn: submitted.receivedOn as string,
          reference: submitted.reference.trim() || null,
          allocations,
        },
      },
      {
        onSuccess: (payment) => {
          notifications.show({ color: 'teal', title: 'Payment recorded', message: `${formatMoney(payment.amount, currency)} from ${payment.payer.name}.` });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't record the payment" messages={apiErrors.messages} />
        <PayerSelect caseId={caseId} required {...form.getInputProps('payerId')} />
        <Select
          label="Method"
          required
          data={PAYMENT_METHODS.map((method) => ({ value: method, label: PAYMENT_METHOD_LABELS[method] }))}
          placeholder="How they paid"
          allowDeselect={false}
          {...form.getInputProps('method')}
        />
        <MoneyInput label="Amount" required {...form.getInputProps('amount')} value={values.amount} />
        <DatePickerInput
          label="Received on"
          leftSection={<IconCalendar size={16} aria-hidden />}
          maxDate={today}
          required
          {...form.getInputProps('receivedOn')}
        />
        <TextInput label="Reference" description="Optional: a cheque number or a transfer's reference." {...form.getInputProps('reference')} />
        {owed.length > 0 && (
          <Stack gap="xs">
            <Text fw={500} size="sm" id={applyToId}>
              Apply to
            </Text>
            <Checkbox
              label="Pay the oldest invoices first"
              description="What is left after the invoices owed stays on account."
              {...form.getInputProps('oldestFirst', { type: 'checkbox' })}
              onChange={(event) => {
                const oldestFirst = event.currentTarget.checked;
                form.setFieldValue('oldestFirst', oldestFirst);
                // Choosing starts from the automatic split, so only what differs needs typing.
                if (!oldestFirst) form.setFieldValue('allocations', split);
              }}
            />
            <Table aria-labelledby={applyToId}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Invoice</Table.Th>
                  <Table.Th ta="right">Owed</Table.Th>
                  <Table.Th ta="right">Applied</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {owed.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      {invoice.number} ({invoice.issuedOn && formatCalendarDate(invoice.issuedOn)})
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={invoice.outstanding} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {values.oldestFirst ? (
                        <Money amount={split[invoice.id]} />
                      ) : (
                        <MoneyInput
                          aria-label={`Applied to ${invoice.number ?? 'invoice'}`}
                          {...form.getInputProps(`allocations.${invoice.id}`)}
                          value={values.allocations[invoice.id] ?? null}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {form.errors.allocations && (
              <Text c="red" size="sm" role="alert" tabIndex={-1} data-form-error>
                {form.errors.allocations}
              </Text>
            )}
          </Stack>
        )}
        <FormActions submitLabel="Record payment" saving={record.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Money received by hand (cash, cheque, a transfer, a card taken elsewhere), and which invoices it pays. */
export function RecordPaymentModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record payment" size="lg" centered>
      <RecordPaymentForm caseId={caseId} onDone={onClose} />
    </Modal>
  );
}
