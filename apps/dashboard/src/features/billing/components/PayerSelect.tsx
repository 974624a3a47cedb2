import { Select, type SelectProps } from '@mantine/core';
import { type Payer } from '@trustwork/contracts';
import { useCaseBilling } from '../hooks/use-case-billing';

/** The case's payers, as the case's billing lists them (everyone it has ever billed). */
export function useCasePayers(caseId: string) {
  const billing = useCaseBilling(caseId);
  const payers: Payer[] = billing.data?.balances.map((balance) => balance.payer) ?? [];
  return { payers, isPending: billing.isPending, error: billing.error };
}

interface PayerSelectProps extends Omit<SelectProps, 'data' | 'label'> {
  caseId: string;
}

/** "Payer": one of the case's people or its third party. */
export function PayerSelect({ caseId, error, ...props }: PayerSelectProps) {
  const { payers, isPending, error: loadError } = useCasePayers(caseId);
  return (
    <Select
      {...props}
      label="Payer"
      data={payers.map((payer) => ({ value: payer.id, label: payer.name }))}
      placeholder={isPending ? 'Loading payers…' : payers.length === 0 ? 'Nobody is billed on this case yet' : 'Choose who pays'}
      disabled={isPending || payers.length === 0}
      error={error ?? (loadError ? `We couldn't load the payers: ${loadError.message}` : undefined)}
      allowDeselect={false}
    />
  );
}
