import { Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatMoney, type Invoice, type MinorUnits } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { formatCalendarDate } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrency } from '../hooks/use-billing-settings';
import { useCreateCreditNote } from '../hooks/use-invoices';
import { MoneyInput } from './MoneyInput';

const API_FIELDS = ['reason', 'lines'] as const;
const REASON_MAX = 1000;

interface CreditNoteValues {
  reason: string;
  scope: 'whole' | 'lines';
  /** By charge id: what to credit against that line. */
  amounts: Record<string, MinorUnits | null>;
}

interface CreditNoteFormProps {
  caseId: string;
  invoice: Invoice;
  onDone: () => void;
}

function CreditNoteForm({ caseId, invoice, onDone }: CreditNoteFormProps) {
  const currency = useCurrency();
  const create = useCreateCreditNote(caseId);
  const send = useMutateOnce(create);
  // Only a line that charged something can be credited.
  const creditable = invoice.lines.filter((line) => line.amount > 0);
  const form = useForm<CreditNoteValues>({
    initialValues: { reason: '', scope: 'whole', amounts: Object.fromEntries(creditable.map((line) => [line.chargeId, null])) },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.reason.trim()) errors.reason = 'Say why the invoice is being corrected.';
      else if (values.reason.trim().length > REASON_MAX) errors.reason = `Use at most ${REASON_MAX} characters.`;
      if (values.scope === 'lines') {
        for (const line of creditable) {
          const amount = values.amounts[line.chargeId];
          if (amount !== null && amount > line.amount) errors[`amounts.${line.chargeId}`] = `Credit at most ${formatMoney(line.amount, currency)} on this line.`;
        }
        const anything = creditable.some((line) => (values.amounts[line.chargeId] ?? 0) > 0);
        if (!anything && creditable[0]) errors[`amounts.${creditable[0].chargeId}`] = 'Enter an amount to credit on at least one line.';
      }
      return errors;
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS, (field) => (field === 'lines' ? null : field));
  const { scope } = form.getValues();

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const lines =
      values.scope === 'whole'
        ? undefined
        : creditable.flatMap((line) => {
            const amount = values.amounts[line.chargeId] ?? 0;
            return amount > 0 ? [{ chargeId: line.chargeId, amount }] : [];
          });
    send(
      { invoiceId: invoice.id, request: { reason: values.reason.trim(), lines } },
      {
        onSuccess: (note) => {
          notifications.show({ color: 'teal', title: `Credit note ${note.number ?? ''} issued`, message: `Against invoice ${invoice.number ?? ''}.` });
          onDone();
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't issue the credit note" messages={apiErrors.messages} />
        <Text size="sm">A credit note is issued at once, with its own number, and reduces what {invoice.payer.name} owes on this invoice.</Text>
        <Textarea label="Reason" description="Printed on the credit note." required autosize minRows={2} maxRows={6} {...form.getInputProps('reason')} />
        <Radio.Group label="What to credit" {...form.getInputProps('scope')}>
          <Stack gap="xs" mt={6}>
            <Radio value="whole" label="Whole invoice" description="Everything still owed on it." />
            <Radio value="lines" label="Chosen amounts per line" />
          </Stack>
        </Radio.Group>
        {scope === 'lines' &&
          creditable.map((line) => (
              <MoneyInput
                key={line.chargeId}
                label={`Credit for ${line.description}, ${formatCalendarDate(line.serviceDate)}`}
                description={`Up to ${formatMoney(line.amount, currency)}.`}
                {...form.getInputProps(`amounts.${line.chargeId}`)}
                value={form.getValues().amounts[line.chargeId] ?? null}
              />
          ))}
        <FormActions submitLabel="Issue credit note" saving={create.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface CreditNoteModalProps {
  caseId: string;
  invoice: Invoice;
  opened: boolean;
  onClose: () => void;
}

/** Corrects an issued invoice: the whole of what is owed, or chosen amounts against its lines. */
export function CreditNoteModal({ caseId, invoice, opened, onClose }: CreditNoteModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Credit note for ${invoice.number ?? 'this invoice'}`} size="lg" centered>
      <CreditNoteForm caseId={caseId} invoice={invoice} onDone={onClose} />
    </Modal>
  );
}
