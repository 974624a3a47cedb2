import { PdfFont, renderPdf, writeDocumentText } from '../common/pdf-document';
import type { SignatureWithText } from './agreements.queries';

/** e.g. "4 December 2026 at 16:30 (Europe/London)": the practice's clock, named, so the copy reads the same anywhere. */
function signedOn(at: Date, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
  return `${formatted} (${timeZone})`;
}

/**
 * The signed copy: the exact text signed, then the signature block. The hash is printed in a
 * fixed-width font in two lines of 32, so it can be compared by eye with a fresh SHA-256 of the text.
 */
export function signedCopyPdf(signature: SignatureWithText, practice: { practiceName: string; timeZone: string }): Promise<Buffer> {
  return renderPdf(signature.title, { practiceName: practice.practiceName, caption: 'Signed copy' }, (doc) => {
    writeDocumentText(doc, signature.document_text);
    doc.moveDown(0.6).font(PdfFont.Bold).fontSize(12).fillColor('#000000').text('Signature');
    doc
      .font(PdfFont.Body)
      .fontSize(10.5)
      .text(`Typed name: ${signature.typed_name}`)
      .text(`Signed electronically on ${signedOn(new Date(signature.signed_at), practice.timeZone)}`)
      .text(`Statement confirmed: ${signature.statement}`)
      .text(`Agreement version: ${signature.version}`)
      .text(`Signed from address: ${signature.ip_address ?? 'not recorded'}`)
      .text(`Browser: ${signature.user_agent ?? 'not recorded'}`)
      .moveDown(0.4)
      .text('Document SHA-256:');
    doc.font(PdfFont.Mono).fontSize(10).text(signature.document_hash.slice(0, 32)).text(signature.document_hash.slice(32));
  });
}
