import { formatMoney, type MinorUnits } from '@trustwork/contracts';
import { useCurrency } from '../hooks/use-billing-settings';

/** An amount in the practice's currency, written the way this browser writes money. */
export function Money({ amount }: { amount: MinorUnits }) {
  const currency = useCurrency();
  return <>{formatMoney(amount, currency)}</>;
}

/** A table cell's props for an amount: right-aligned, on one line. */
export const MONEY_CELL = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;
