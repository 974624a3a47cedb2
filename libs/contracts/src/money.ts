/**
 * Money is whole minor units (cents, pence, yen) everywhere: stored, sent and summed as
 * integers, never floating point. Only the browser's formatting divides.
 */
export type MinorUnits = number;

/** The largest amount one charge, payment or fee may carry: 1,000,000.00 in a two-digit currency. */
export const MAX_AMOUNT_MINOR = 100_000_000;

/** ISO 4217 code the practice bills in when it has not chosen one. */
export const DEFAULT_CURRENCY = 'USD';

/** Whether `code` is an ISO 4217 currency the runtime knows (three capital letters). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return Intl.supportedValuesOf('currency').includes(code);
}

/** How many digits follow the decimal point in `currency` (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyMinorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount for people, in their locale: `formatMoney(12345, 'USD')` is "$123.45" in en-US. */
export function formatMoney(minor: MinorUnits, currency: string, locale?: string): string {
  const digits = currencyMinorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** An amount as plain digits with the currency's decimals, for a CSV or a form field: "-123.45". */
export function minorToDecimal(minor: MinorUnits, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
}

/**
 * What a person typed ("150", "150.5", "1,250.00", "150,50", "1.250,00") in minor units,
 * without floating point; null when it is not an amount in this currency (too many
 * decimals, letters, empty). Both ways of writing decimals are read: a comma followed by
 * exactly three digits groups thousands ("1,250"), otherwise it is the decimal separator.
 */
export function parseMoney(text: string, currency: string): MinorUnits | null {
  const digits = currencyMinorDigits(currency);
  const match = /^(-?)([\d.,]+)$/.exec(text.trim().replace(/[\s'\u2019]/g, ''));
  if (!match) return null;
  const [, sign, body] = match;
  const decimalAt = decimalSeparatorIndex(body, digits);
  const whole = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fraction = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
  const grouping = decimalAt === -1 ? '' : body[decimalAt] === '.' ? ',' : '.';
  const wholeDigits = wholeNumberDigits(whole, grouping);
  if (wholeDigits === null || !/^\d*$/.test(fraction) || fraction.length > digits || wholeDigits + fraction === '') return null;
  const minor = Number(wholeDigits || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' ? -minor : minor;
}

/** Where the decimal separator is, or -1 when every separator groups thousands. */
function decimalSeparatorIndex(body: string, digits: number): number {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) return Math.max(lastDot, lastComma);
  const at = Math.max(lastDot, lastComma);
  if (at === -1 || body.indexOf(body[at]) !== at) return -1;
  const groupsThousands = body[at] === ',' && body.length - at - 1 === 3 && digits !== 3;
  return groupsThousands ? -1 : at;
}

/**
 * The digits of a whole number whose thousands may be grouped by one separator ("1,250,000"):
 * `grouping` when a decimal separator was found, else whichever it uses; null when grouped wrongly.
 */
function wholeNumberDigits(whole: string, grouping: string): string | null {
  if (/^\d*$/.test(whole)) return whole;
  const separator = grouping || (whole.includes(',') ? ',' : '.');
  const groups = whole.split(separator);
  const wellGrouped = groups.every((group, index) => (index === 0 ? /^\d{1,3}$/ : /^\d{3}$/).test(group));
  return wellGrouped ? groups.join('') : null;
}

/**
 * Splits `total` into parts in proportion to `weights`, summing exactly to `total`: each part
 * rounds down and the leftover minor units go to the largest remainders, earliest first.
 */
export function splitMinor(total: MinorUnits, weights: readonly number[]): MinorUnits[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum <= 0) throw new Error('splitMinor needs a positive weight');
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const exact = weights.map((weight) => (magnitude * weight) / weightSum);
  const parts = exact.map(Math.floor);
  let leftover = magnitude - parts.reduce((sum, part) => sum + part, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (leftover === 0) break;
    parts[index] += 1;
    leftover -= 1;
  }
  return parts.map((part) => sign * part || 0);
}
