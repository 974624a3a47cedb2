import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { PAYMENT_TERMS_DAYS, type BillingSettings, type UpdateBillingSettingsRequest } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateNpi, validateOptionalFee } from '../billing-validation';
import { useBillingSettings, useUpdateBillingSettings } from '../hooks/use-billing-settings';
import { MoneyInput, useMoneyTextChecks } from './MoneyInput';

const API_FIELDS = ['currency', 'taxId', 'npi', 'lateCancellationFee', 'noShowFee', 'paymentTermsDays', 'paymentInstructions'] as const;
const CURRENCIES = Intl.supportedValuesOf('currency');
const FEES = [
  { field: 'lateCancellationFee', label: 'Late cancellation fee', description: 'Charged when a person cancels inside the notice period.' },
  { field: 'noShowFee', label: 'No-show fee', description: 'Charged when a session is marked as missed.' },
] as const;
const CURRENCY_LOCKED_HINT = 'The currency cannot change once an invoice has been issued.';

/** Text fields are edited as text: blank means none. */
interface SettingsValues {
  currency: string;
  taxId: string;
  npi: string;
  lateCancellationFee: number | null;
  noShowFee: number | null;
  paymentTermsDays: number | string;
  paymentInstructions: string;
}

function valuesOf(settings: BillingSettings): SettingsValues {
  return { ...settings, taxId: settings.taxId ?? '', npi: settings.npi ?? '', paymentInstructions: settings.paymentInstructions ?? '' };
}

/** Only what differs from the settings as they are, so a save never rewrites what someone else just changed. */
function changesFrom(settings: BillingSettings, values: SettingsValues): UpdateBillingSettingsRequest {
  const wanted: BillingSettings = {
    ...values,
    taxId: values.taxId.trim() || null,
    npi: values.npi.trim() || null,
    paymentTermsDays: Number(values.paymentTermsDays),
    paymentInstructions: values.paymentInstructions.trim() || null,
  };
  return Object.fromEntries(Object.entries(wanted).filter(([field, value]) => settings[field as keyof BillingSettings] !== value));
}

/** The practice's currency, ids, fees for missed sessions, and what invoices say about paying. */
export function BillingSettingsForm() {
  const settings = useBillingSettings();
  if (settings.data) return <SettingsForm settings={settings.data} />;
  if (settings.isError) return <LoadFailed title="We couldn't load the billing settings" query={settings} />;
  return <Skeleton height={420} radius="md" maw={720} aria-label="Loading the billing settings" />;
}

function SettingsForm({ settings }: { settings: BillingSettings }) {
  const save = useUpdateBillingSettings();
  const send = useMutateOnce(save);
  // The API is the one that knows whether an invoice has been issued: it answers 409.
  const [currencyLocked, setCurrencyLocked] = useState(false);
  const amounts = useMoneyTextChecks();
  const feeRule = (field: (typeof FEES)[number]['field']) => (amount: number | null) =>
    amounts.isInvalid(field) ? 'Enter an amount, or leave it empty for no fee.' : validateOptionalFee(amount);
  const form = useForm<SettingsValues>({
    initialValues: valuesOf(settings),
    validate: {
      currency: (value) => (value ? null : 'Choose a currency.'),
      npi: validateNpi,
      lateCancellationFee: feeRule('lateCancellationFee'),
      noShowFee: feeRule('noShowFee'),
      paymentTermsDays: (value) => {
        const days = Number(value);
        return value !== '' && Number.isInteger(days) && days >= PAYMENT_TERMS_DAYS.min && days <= PAYMENT_TERMS_DAYS.max
          ? null
          : `Choose a whole number of days from ${PAYMENT_TERMS_DAYS.min} to ${PAYMENT_TERMS_DAYS.max}.`;
      },
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    apiErrors.clear();
    const changes = changesFrom(settings, values);
    if (Object.keys(changes).length === 0) {
      notifications.show({ color: 'gray', title: 'Nothing to save', message: 'The billing settings are as you see them.' });
      return;
    }
    send(changes, {
      onSuccess: (saved) => {
        form.resetDirty(valuesOf(saved));
        notifications.show({ color: 'teal', title: 'Billing settings saved', message: `Amounts are in ${saved.currency}.` });
      },
      onError: (error) => {
        if (isApiRequestError(error, 409) && 'currency' in changes) {
          setCurrencyLocked(true);
          form.setFieldValue('currency', settings.currency);
        }
        apiErrors.show(error);
      },
    });
  }, apiErrors.revealErrors);

  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit} aria-label="Billing settings">
        <Stack>
          <FormAlert title="We couldn't save the billing settings" messages={apiErrors.messages} />
          <Select
            label="Currency"
            description={currencyLocked ? CURRENCY_LOCKED_HINT : 'Every fee, charge and invoice is in this currency.'}
            data={CURRENCIES}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No currency by that code"
            disabled={currencyLocked}
            required
            w={{ base: '100%', sm: 240 }}
            {...form.getInputProps('currency')}
          />
          <TextInput label="Tax id" description="Printed on invoices and superbills." {...form.getInputProps('taxId')} />
          <TextInput label="Practice NPI" description="The practice's ten-digit National Provider Identifier, for superbills." inputMode="numeric" {...form.getInputProps('npi')} />
          {FEES.map(({ field, label, description }) => (
            <MoneyInput
              key={field}
              label={label}
              description={`${description} Leave it empty for no fee.`}
              placeholder="No fee"
              onValidChange={amounts.track(field)}
              w={{ base: '100%', sm: 320 }}
              {...form.getInputProps(field)}
            />
          ))}
          <NumberInput
            label="Payment terms (days)"
            description={`Days from an invoice's issue to its due date, from ${PAYMENT_TERMS_DAYS.min} to ${PAYMENT_TERMS_DAYS.max}.`}
            min={PAYMENT_TERMS_DAYS.min}
            max={PAYMENT_TERMS_DAYS.max}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            required
            w={{ base: '100%', sm: 320 }}
            {...form.getInputProps('paymentTermsDays')}
          />
          <Textarea
            label="How to pay"
            description="Printed on invoices and statements, e.g. the bank details for a transfer."
            autosize
            minRows={3}
            {...form.getInputProps('paymentInstructions')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save billing settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
