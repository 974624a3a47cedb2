import { minorToDecimal, type MinorUnits } from '@trustwork/contracts';
import type { OutstandingInvoice } from './billing-reports.queries';

const HEADER = ['Invoice', 'Issued on', 'Due on', 'Case', 'Payer', 'Total', 'Credited', 'Paid', 'Outstanding', 'Days', 'Age'];

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell: a would-be formula made text with a leading apostrophe (numbers stay numbers), quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The outstanding invoices as the accountant's spreadsheet: one row each, then a "Total" row. */
export function agingCsv(invoices: OutstandingInvoice[], currency: string, ageOf: (days: number) => string): string {
  const money = (minor: MinorUnits) => minorToDecimal(minor, currency);
  const sum = (pick: (invoice: OutstandingInvoice) => MinorUnits) => invoices.reduce((total, invoice) => total + pick(invoice), 0);
  const rows = invoices.map((invoice) => [
    invoice.number,
    invoice.issuedOn,
    invoice.dueOn ?? '',
    invoice.caseName,
    invoice.payer.name,
    money(invoice.total),
    money(invoice.credited),
    money(invoice.paid),
    money(invoice.outstanding),
    String(invoice.days),
    ageOf(invoice.days),
  ]);
  const totals = ['Total', '', '', '', '', money(sum((i) => i.total)), money(sum((i) => i.credited)), money(sum((i) => i.paid)), money(sum((i) => i.outstanding)), '', ''];
  return [HEADER, ...rows, totals].map(csvLine).join('');
}
