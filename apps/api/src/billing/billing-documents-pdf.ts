import { formatMoney, type MinorUnits, type Statement, type Superbill } from '@trustwork/contracts';
import { PdfFont, renderPdf, writeDocumentText, type PdfPage } from '../common/pdf-document';
import type { PracticeHeading } from './billing-documents.queries';

// A PDF has no browser locale to follow, so amounts and dates are written the en-US way.
const LOCALE = 'en-US';
const calendar = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A YYYY-MM-DD date, which names a day and no time zone: "Apr 2, 2026". */
const day = (date: string): string => calendar.format(new Date(`${date}T00:00:00Z`));

const ENTRY_WORDS: Record<Statement['entries'][number]['kind'], string> = {
  invoice: 'Invoice',
  'credit-note': 'Credit note',
  payment: 'Payment received',
  refund: 'Refund',
};

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** Rows of cells under bold headers; a row that would run into the footer starts a new page. */
function writeTable(doc: PdfPage, columns: Column[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const writeRow = (cells: string[], font: PdfFont) => {
    if (doc.y + 28 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    let bottom = top;
    cells.forEach((cell, index) => {
      const { width, align = 'left' } = columns[index];
      doc.font(font).fontSize(9.5).fillColor('#000000').text(cell, x, top, { width: width - 6, align });
      bottom = Math.max(bottom, doc.y);
      x += width;
    });
    doc.x = left;
    doc.y = bottom + 4;
  };
  writeRow(
    columns.map((column) => column.header),
    PdfFont.Bold,
  );
  for (const row of rows) writeRow(row, PdfFont.Body);
  doc.moveDown(0.6);
}

const practiceLines = (practice: { name: string; address: string | null }, extra: string[] = []): string =>
  [practice.name, practice.address, ...extra].filter((line): line is string => Boolean(line)).join('\n');

/** A payer's account over a period, with a running balance, as the payer reads it. */
export function statementPdf(statement: Statement, practice: PracticeHeading): Promise<Buffer> {
  const money = (amount: MinorUnits) => formatMoney(amount, statement.currency, LOCALE);
  const { payer } = statement;
  return renderPdf('Statement', { practiceName: practice.name, caption: `Statement for ${payer.name}` }, (doc) => {
    writeDocumentText(
      doc,
      [
        '# Statement',
        practiceLines(practice),
        [`For: ${payer.name}`, payer.address, `Period: ${day(statement.from)} to ${day(statement.to)}`].filter(Boolean).join('\n'),
        `Opening balance on ${day(statement.from)}: ${money(statement.openingBalance)}`,
      ].join('\n\n'),
    );
    if (statement.entries.length === 0) writeDocumentText(doc, 'Nothing was invoiced, credited, paid or refunded in this period.');
    else
      writeTable(
        doc,
        [
          { header: 'Date', width: 80 },
          { header: 'What', width: 175 },
          { header: 'Amount', width: 114, align: 'right' },
          { header: 'Balance', width: 114, align: 'right' },
        ],
        statement.entries.map((entry) => [day(entry.date), `${ENTRY_WORDS[entry.kind]} ${entry.reference}`, money(entry.amount), money(entry.balance)]),
      );
    writeDocumentText(doc, `Closing balance on ${day(statement.to)}: ${money(statement.closingBalance)}`);
    if (practice.paymentInstructions) writeDocumentText(doc, `# How to pay\n${practice.paymentInstructions}`);
  });
}

/** One person's sessions over a period, with what an insurer asks for: codes, providers, fees and what was paid. */
export function superbillPdf(superbill: Superbill): Promise<Buffer> {
  const money = (amount: MinorUnits) => formatMoney(amount, superbill.currency, LOCALE);
  const { practice } = superbill;
  const practiceIds = [practice.taxId && `Tax id: ${practice.taxId}`, practice.npi && `NPI: ${practice.npi}`].filter((line): line is string => Boolean(line));
  return renderPdf('Superbill', { practiceName: practice.name, caption: `Superbill for ${superbill.personName}` }, (doc) => {
    writeDocumentText(
      doc,
      [
        '# Superbill',
        practiceLines(practice, practiceIds),
        `Client: ${superbill.personName}\nPeriod: ${day(superbill.from)} to ${day(superbill.to)}`,
        '# Providers',
        superbill.clinicians.length === 0
          ? 'No sessions in this period.'
          : superbill.clinicians
              .map((clinician) => [clinician.name, clinician.licence && `Licence: ${clinician.licence}`, clinician.npi && `NPI: ${clinician.npi}`].filter(Boolean).join(' · '))
              .join('\n'),
        '# Diagnosis codes (ICD-10-CM)',
        superbill.diagnoses.length === 0
          ? 'None entered.'
          : superbill.diagnoses.map((diagnosis) => (diagnosis.description ? `${diagnosis.code}: ${diagnosis.description}` : diagnosis.code)).join('\n'),
        '# Services',
      ].join('\n\n'),
    );
    if (superbill.lines.length === 0) writeDocumentText(doc, 'No sessions were invoiced in this period.');
    else
      writeTable(
        doc,
        [
          { header: 'Date', width: 70 },
          { header: 'CPT', width: 45 },
          { header: 'Service', width: 140 },
          { header: 'Provider', width: 88 },
          { header: 'Fee', width: 70, align: 'right' },
          { header: 'Paid', width: 70, align: 'right' },
        ],
        superbill.lines.map((line) => [day(line.serviceDate), line.cptCode ?? '', line.description, line.clinicianName ?? '', money(line.fee), money(line.paid)]),
      );
    writeDocumentText(doc, `Total fees: ${money(superbill.totalFee)}\nTotal paid: ${money(superbill.totalPaid)}`);
  });
}
