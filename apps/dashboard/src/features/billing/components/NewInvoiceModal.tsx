import { Checkbox, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type Charge, type Invoice } from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { LoadFailed } from '../../../components/LoadFailed';
import { SectionLoader } from '../../../components/Loading';
import { formatCalendarDate } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCreateInvoice, useUninvoicedCharges } from '../hooks/use-invoices';
import { Money } from './Money';
import { PayerSelect, useCasePayers } from './PayerSelect';

const API_FIELDS = ['payerId', 'chargeIds'] as const;

interface NewInvoiceValues {
  payerId: string | null;
  /** Every charge starts ticked; the form keeps those the person unticked. */
  unticked: string[];
}

interface NewInvoiceFormProps {
  caseId: string;
  onCreated: (invoice: Invoice) => void;
  onCancel: () => void;
}

function NewInvoiceForm({ caseId, onCreated, onCancel }: NewInvoiceFormProps) {
  const charges = useUninvoicedCharges(caseId);
  const { payers } = useCasePayers(caseId);
  const create = useCreateInvoice(caseId);
  const send = useMutateOnce(create);
  const form = useForm<NewInvoiceValues>({
    initialValues: { payerId: null, unticked: [] },
    validate: {
      payerId: (value) => (value ? null : 'Choose who the invoice is for.'),
      unticked: (unticked, values) => (payerCharges(values.payerId).some((charge) => !unticked.includes(charge.id)) ? null : 'Tick at least one charge.'),
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS, (field) => (field === 'chargeIds' ? 'unticked' : field));

  function payerCharges(payerId: string | null): Charge[] {
    // A charge on a draft already belongs to that draft.
    return (charges.data ?? []).filter((charge) => charge.payerId === payerId && charge.invoiceId === null);
  }

  const { payerId, unticked } = form.getValues();
  const shown = payerCharges(payerId);
  const ticked = shown.filter((charge) => !unticked.includes(charge.id));
  const payerName = payers.find((payer) => payer.id === payerId)?.name ?? '';

  const tick = (tickedIds: string[]) =>
    form.setFieldValue(
      'unticked',
      shown.filter((charge) => !tickedIds.includes(charge.id)).map((charge) => charge.id),
    );

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    send(
      { caseId, request: { payerId: values.payerId as string, chargeIds: ticked.map((charge) => charge.id) } },
      {
        onSuccess: (invoice) => {
          notifications.show({ color: 'teal', title: 'Draft invoice created', message: `For ${invoice.payer.name}. Issue it when it is ready.` });
          onCreated(invoice);
        },
        onError: apiErrors.show,
      },
    );
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't create the invoice" messages={apiErrors.messages} />
        <PayerSelect
          caseId={caseId}
          required
          {...form.getInputProps('payerId')}
          onChange={(value) => {
            form.setFieldValue('payerId', value);
            form.setFieldValue('unticked', []);
          }}
        />
        {payerId && charges.isPending && <SectionLoader />}
        {payerId && charges.isError && <LoadFailed title="We couldn't load the charges" query={charges} />}
        {payerId && charges.isSuccess && shown.length === 0 && <Text c="dimmed">Nothing to invoice for {payerName} yet.</Text>}
        {shown.length > 0 && (
          <Checkbox.Group label="Charges to invoice" value={ticked.map((charge) => charge.id)} onChange={tick} error={form.errors.unticked}>
            <Stack gap="xs" mt="xs">
              {shown.map((charge) => (
                <Checkbox
                  key={charge.id}
                  value={charge.id}
                  label={
                    <>
                      {formatCalendarDate(charge.serviceDate)} · {charge.description} · <Money amount={charge.amount} />
                    </>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {shown.length > 0 && (
          <Text fw={600} aria-live="polite">
            Total: <Money amount={ticked.reduce((sum, charge) => sum + charge.amount, 0)} />
          </Text>
        )}
        <FormActions submitLabel="Create draft" saving={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

interface NewInvoiceModalProps {
  caseId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (invoice: Invoice) => void;
}

/** A draft invoice for one payer from their charges not yet invoiced, all ticked to start. */
export function NewInvoiceModal({ caseId, opened, onClose, onCreated }: NewInvoiceModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New invoice" size="lg" centered>
      <NewInvoiceForm
        caseId={caseId}
        onCancel={onClose}
        onCreated={(invoice) => {
          onClose();
          onCreated(invoice);
        }}
      />
    </Modal>
  );
}
