import { CPT_CODE_PATTERN, ICD10_CODE_PATTERN, MAX_AMOUNT_MINOR, NPI_PATTERN, type MinorUnits } from '@trustwork/contracts';

// Each check mirrors the API's, so a slip is caught as it is typed; the API has the final word.

export function validateOptionalFee(amount: MinorUnits | null): string | null {
  return amount !== null && Math.abs(amount) > MAX_AMOUNT_MINOR ? 'That amount is larger than Trustwork can record.' : null;
}

/** A fee that must be given: zero is allowed (a free first session). */
export function validateRequiredFee(amount: MinorUnits | null): string | null {
  return amount === null ? 'Enter the fee.' : validateOptionalFee(amount);
}

export function validateNpi(value: string): string | null {
  return value.trim() === '' || NPI_PATTERN.test(value.trim()) ? null : 'An NPI is ten digits.';
}

export function validateCptCode(value: string): string | null {
  return value.trim() === '' || CPT_CODE_PATTERN.test(value.trim())
    ? null
    : 'A CPT code is five characters: four digits, then a digit, F or T (like 90847).';
}

export function validateDiagnosisCode(value: string): string | null {
  if (value.trim() === '') return 'Enter a code, or remove this row.';
  return ICD10_CODE_PATTERN.test(value.trim())
    ? null
    : 'An ICD-10 code is a letter, two more characters, then optionally a dot and up to four more (like F43.23).';
}
