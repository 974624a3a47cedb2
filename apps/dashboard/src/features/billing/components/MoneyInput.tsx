import { TextInput, type TextInputProps } from '@mantine/core';
import { currencyMinorDigits, minorToDecimal, parseMoney, type MinorUnits } from '@trustwork/contracts';
import { useState } from 'react';
import { useCurrency } from '../hooks/use-billing-settings';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** Minor units; null while empty or not an amount. */
  value: MinorUnits | null;
  onChange: (value: MinorUnits | null) => void;
  /** Allow amounts below zero (adjustments). */
  allowNegative?: boolean;
}

/**
 * An amount typed as people write it ("150", "150.50"), held as integer minor units: the
 * text is parsed without floating point, and a wrong amount says why in the field.
 */
export function MoneyInput({ value, onChange, allowNegative = false, error, ...props }: MoneyInputProps) {
  const currency = useCurrency();
  const [text, setText] = useState(value === null ? '' : minorToDecimal(value, currency));
  const parsed = text.trim() === '' ? null : parseMoney(text, currency);
  const digits = currencyMinorDigits(currency);
  const ownError =
    text.trim() !== '' && (parsed === null || (!allowNegative && parsed < 0))
      ? digits === 0
        ? `Enter a whole amount in ${currency}, like 150.`
        : `Enter an amount in ${currency}, like 150.${'0'.repeat(digits)}.`
      : null;
  return (
    <TextInput
      {...props}
      inputMode="decimal"
      leftSection={<span aria-hidden>{currency}</span>}
      leftSectionWidth={48}
      value={text}
      error={error ?? ownError}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const amount = next.trim() === '' ? null : parseMoney(next, currency);
        onChange(amount !== null && !allowNegative && amount < 0 ? null : amount);
      }}
    />
  );
}
