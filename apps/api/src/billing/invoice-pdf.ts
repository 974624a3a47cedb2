import { formatMoney, INVOICE_KIND_LABELS, type Invoice } from '@trustwork/contracts';
import { PdfFont, renderPdf, type PdfPage } from '../common/pdf-document';

/** e.g. "4 December 2026": a calendar date reads the same wherever it is opened. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "INV-0007.pdf"; a draft has no number yet. */
export function invoicePdfFileName(invoice: Pick<Invoice, 'number' | 'kind'>): string {
  return invoice.number ? `${invoice.number}.pdf` : `draft-${invoice.kind}.pdf`;
}

const money = (invoice: Invoice, amount: number) => formatMoney(amount, invoice.currency, 'en-US');

/**
 * The invoice or credit note as the payer receives it: the practice's and the payer's details
 * as they were at issue, the lines, what was credited and paid, and what is still due. A draft
 * is marked DRAFT and carries no number. Also what the portal hands a person for their own invoice.
 */
export function invoicePdf(invoice: Invoice): Promise<Buffer> {
  const kind = INVOICE_KIND_LABELS[invoice.kind];
  const title = invoice.number ? `${kind} ${invoice.number}` : `${kind} (draft)`;
  return renderPdf(title, { practiceName: invoice.practice.name, caption: title }, (doc) => {
    doc.font(PdfFont.Bold).fontSize(16).fillColor('#000000').text(invoice.status === 'draft' ? `DRAFT ${kind.toLowerCase()}` : title);
    if (invoice.status === 'draft') doc.font(PdfFont.Body).fontSize(10).text('Not issued yet: no number, nothing is due.');
    if (invoice.corrects) doc.font(PdfFont.Body).fontSize(10.5).text(`Corrects invoice ${invoice.corrects.number}`);
    if (invoice.reason) doc.font(PdfFont.Body).fontSize(10.5).text(`Reason: ${invoice.reason}`);
    doc.moveDown(0.8);

    block(doc, 'From', [
      invoice.practice.name,
      invoice.practice.address,
      invoice.practice.taxId && `Tax id: ${invoice.practice.taxId}`,
      invoice.practice.npi && `NPI: ${invoice.practice.npi}`,
    ]);
    block(doc, 'To', [invoice.payerDetails.name, invoice.payerDetails.address, invoice.payerDetails.email]);
    block(doc, 'Dates', [invoice.issuedOn && `Issued on ${longDate(invoice.issuedOn)}`, invoice.dueOn && `Due on ${longDate(invoice.dueOn)}`]);

    doc.font(PdfFont.Bold).fontSize(12).text('Lines');
    doc.font(PdfFont.Body).fontSize(10.5);
    for (const line of invoice.lines) {
      const code = line.cptCode ? ` · CPT ${line.cptCode}` : '';
      doc.text(`${line.serviceDate} · ${line.description}${code} · ${money(invoice, line.amount)}`);
    }
    doc.moveDown(0.6);

    doc.font(PdfFont.Bold).fontSize(12).text(`Total: ${money(invoice, invoice.total)}`);
    if (invoice.kind === 'invoice') {
      doc
        .font(PdfFont.Body)
        .fontSize(10.5)
        .text(`Credited: ${money(invoice, invoice.credited)}`)
        .text(`Paid: ${money(invoice, invoice.paid)}`);
      if (invoice.status === 'issued') doc.font(PdfFont.Bold).fontSize(12).text(`Amount due: ${money(invoice, invoice.outstanding)}`);
      if (invoice.dueOn) doc.font(PdfFont.Body).fontSize(10.5).text(`Please pay by ${longDate(invoice.dueOn)}.`);
      if (invoice.practice.paymentInstructions) block(doc, 'How to pay', [invoice.practice.paymentInstructions]);
    }
  });
}

/** A heading and its lines, the empty ones left out. */
function block(doc: PdfPage, heading: string, lines: (string | null | undefined)[]): void {
  doc.moveDown(0.4).font(PdfFont.Bold).fontSize(11).fillColor('#000000').text(heading);
  doc.font(PdfFont.Body).fontSize(10.5);
  for (const line of lines) if (line) doc.text(line);
  doc.moveDown(0.4);
}
