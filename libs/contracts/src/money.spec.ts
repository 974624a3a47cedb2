import { currencyMinorDigits, formatMoney, isCurrencyCode, minorToDecimal, parseMoney, splitMinor } from './money';

describe('money in minor units', () => {
  it('knows how many digits each currency has after the point', () => {
    expect(currencyMinorDigits('USD')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
  });

  it('reads what a person typed without floating point', () => {
    expect(parseMoney('150', 'USD')).toBe(15000);
    expect(parseMoney('150.5', 'USD')).toBe(15050);
    expect(parseMoney(' 1,250.00 ', 'USD')).toBe(125000);
    expect(parseMoney('0.29', 'USD')).toBe(29);
    expect(parseMoney('-12.34', 'USD')).toBe(-1234);
    expect(parseMoney('150.', 'USD')).toBe(15000);
    expect(parseMoney('1250', 'JPY')).toBe(1250);
    expect(parseMoney('1.234', 'KWD')).toBe(1234);
    expect(parseMoney('1.2', 'KWD')).toBe(1200);
  });

  it('reads decimals written with a comma, and thousands grouped either way', () => {
    expect(parseMoney('150,50', 'EUR')).toBe(15050);
    expect(parseMoney('150,5', 'EUR')).toBe(15050);
    expect(parseMoney('1.250,00', 'EUR')).toBe(125000);
    expect(parseMoney('1 250,00', 'EUR')).toBe(125000);
    expect(parseMoney("1'250.00", 'CHF')).toBe(125000);
    expect(parseMoney('1,250', 'USD')).toBe(125000);
    expect(parseMoney('1,250,000.50', 'USD')).toBe(125000050);
    expect(parseMoney('1.250.000', 'EUR')).toBe(125000000);
    expect(parseMoney('1,234', 'KWD')).toBe(1234);
    for (const text of ['1,25,0', '12,34.5,6', '1.2.3,00', ',', '-', '1,2345']) expect(parseMoney(text, 'USD')).toBeNull();
  });

  it('refuses what is not an amount in the currency', () => {
    for (const text of ['', '  ', 'abc', '12.3.4', '1e3', '$12', '12.345']) expect(parseMoney(text, 'USD')).toBeNull();
    expect(parseMoney('12.5', 'JPY')).toBeNull();
    expect(parseMoney('1.2345', 'KWD')).toBeNull();
    expect(parseMoney('9'.repeat(20), 'USD')).toBeNull();
  });

  it('writes plain digits with the currency’s decimals', () => {
    expect(minorToDecimal(12345, 'USD')).toBe('123.45');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(0, 'USD')).toBe('0.00');
    expect(minorToDecimal(-12345, 'USD')).toBe('-123.45');
    expect(minorToDecimal(1250, 'JPY')).toBe('1250');
    expect(minorToDecimal(-7, 'JPY')).toBe('-7');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
    expect(minorToDecimal(5, 'KWD')).toBe('0.005');
  });

  it('reads back what it writes', () => {
    for (const [minor, currency] of [
      [123456, 'USD'],
      [-1, 'USD'],
      [98765, 'JPY'],
      [1001, 'KWD'],
    ] as const) {
      expect(parseMoney(minorToDecimal(minor, currency), currency)).toBe(minor);
    }
  });

  it('formats for people in their locale', () => {
    expect(formatMoney(12345, 'USD', 'en-US')).toBe('$123.45');
    expect(formatMoney(-500, 'USD', 'en-US')).toBe('-$5.00');
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMoney(1234, 'KWD', 'en-US')).toMatch(/^KWD\s1\.234$/);
    expect(formatMoney(123456, 'EUR', 'de-DE')).toMatch(/^1\.234,56\s€$/);
  });

  it('splits an amount so the parts always sum exactly', () => {
    expect(splitMinor(15001, [1, 1])).toEqual([7501, 7500]);
    expect(splitMinor(10000, [60, 40])).toEqual([6000, 4000]);
    expect(splitMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitMinor(1, [1, 1])).toEqual([1, 0]);
    expect(splitMinor(-15001, [1, 1])).toEqual([-7501, -7500]);
    expect(splitMinor(0, [1, 1])).toEqual([0, 0]);
    expect(splitMinor(999, [33, 67])).toEqual([330, 669]);
    for (const total of [1, 7, 101, 9999, 100_000_000]) {
      for (const weights of [[1, 1], [1, 2], [33, 67], [1, 1, 1]]) {
        expect(splitMinor(total, weights).reduce((sum, part) => sum + part, 0)).toBe(total);
      }
    }
  });

  it('needs a positive weight to split by', () => {
    expect(() => splitMinor(100, [0, 0])).toThrow();
    expect(() => splitMinor(100, [])).toThrow();
  });

  it('accepts only ISO 4217 codes the runtime knows', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('JPY')).toBe(true);
    expect(isCurrencyCode('KWD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('US')).toBe(false);
    expect(isCurrencyCode('USDX')).toBe(false);
    expect(isCurrencyCode('ZZZ')).toBe(false);
  });
});
