import { TextInput, type TextInputProps } from '@mantine/core';
import { currencyMinorDigits, minorToDecimal, parseMoney, type MinorUnits } from '@trustwork/contracts';
import { useRef, useState } from 'react';
import { useCurrency } from '../hooks/use-billing-settings';

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** Minor units; null while empty or not an amount. Optional, as Mantine's `getInputProps` types it; read once, as the starting text. */
  value?: MinorUnits | null;
  onChange: (value: MinorUnits | null) => void;
  /** Allow amounts below zero (adjustments). */
  allowNegative?: boolean;
  /** Whether the text is empty or an amount: lets a form with an optional amount refuse what is neither. */
  onValidChange?: (valid: boolean) => void;
}

/**
 * An amount typed as people write it ("150", "150.50"), held as integer minor units: the
 * text is parsed without floating point, and a wrong amount says why in the field.
 */
export function MoneyInput({ value, onChange, allowNegative = false, onValidChange, error, ...props }: MoneyInputProps) {
  const currency = useCurrency();
  const [text, setText] = useState(value === null || value === undefined ? '' : minorToDecimal(value, currency));
  const amountOf = (typed: string): MinorUnits | null => {
    const amount = typed.trim() === '' ? null : parseMoney(typed, currency);
    return amount !== null && !allowNegative && amount < 0 ? null : amount;
  };
  const ownError =
    text.trim() !== '' && amountOf(text) === null
      ? currencyMinorDigits(currency) === 0
        ? `Enter a whole amount in ${currency}, like 150.`
        : `Enter an amount in ${currency}, like 150.${'0'.repeat(currencyMinorDigits(currency))}.`
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
        const amount = amountOf(next);
        onChange(amount);
        onValidChange?.(next.trim() === '' || amount !== null);
      }}
    />
  );
}

/**
 * For forms with optional amounts: MoneyInput gives null both for "empty" and for "not an
 * amount", so this remembers which fields hold text that is not an amount.
 */
export function useMoneyTextChecks() {
  const invalid = useRef(new Set<string>());
  return {
    track: (field: string) => (valid: boolean) => {
      if (valid) invalid.current.delete(field);
      else invalid.current.add(field);
    },
    isInvalid: (field: string) => invalid.current.has(field),
  };
}
