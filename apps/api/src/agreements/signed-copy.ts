import { PdfFont, renderPdf, writeDocumentText } from '../common/pdf-document';
import type { SignatureWithText } from './agreements.queries';

/** A signed copy as it is downloaded. */
export interface SignedCopy {
  signatureId: string;
  /** e.g. `signed-consent-to-relational-therapy-2026-12-04.pdf`, so several copies sit side by side. */
  fileName: string;
  pdf: Buffer;
}

/** Letters and digits of the title only: a header value must stay plain ASCII whatever the practice named it. */
export function signedCopyFileName(signature: Pick<SignatureWithText, 'title' | 'signed_at'>): string {
  const words = signature.title
    .normalize('NFKD')
    // "ä" comes apart as "a" and a mark: keep the letter.
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `signed-${words || 'agreement'}-${new Date(signature.signed_at).toISOString().slice(0, 10)}.pdf`;
}

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
