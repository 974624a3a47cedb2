import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** The footer every page of a document the practice hands out carries. */
export interface PdfFooter {
  practiceName: string;
  /** e.g. "Exported 4 December 2026" or "Signed copy". */
  caption: string;
}

export type PdfPage = InstanceType<typeof PDFDocument>;

const MARGIN = 56;

/** The faces a document uses: names are typed into every record, so pdfkit's Latin-1 Helvetica is not enough. */
export const PdfFont = { Body: 'body', Bold: 'bold', Mono: 'mono' } as const;
export type PdfFont = (typeof PdfFont)[keyof typeof PdfFont];

const FONT_FILES: Record<PdfFont, string> = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' };
let fonts: Record<PdfFont, Buffer> | undefined;

/** DejaVu (Latin, Greek, Cyrillic, Hebrew, Arabic and more), read once; pdfkit embeds only the letters used. */
function fontData(): Record<PdfFont, Buffer> {
  if (!fonts) {
    const folder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = {
      body: fs.readFileSync(path.join(folder, FONT_FILES.body)),
      bold: fs.readFileSync(path.join(folder, FONT_FILES.bold)),
      mono: fs.readFileSync(path.join(folder, FONT_FILES.mono)),
    };
  }
  return fonts;
}

/**
 * Builds a readable A4 document and writes "practice · caption · Page n of N" on every page
 * once the content is laid out. `write` adds the content with the PdfFont faces; the
 * document's metadata title is `title`.
 */
export function renderPdf(title: string, footer: PdfFooter, write: (doc: PdfPage) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: title, Creator: 'Trustwork' } });
  for (const [name, data] of Object.entries(fontData())) doc.registerFont(name, data);
  doc.font(PdfFont.Body);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc);
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(PdfFont.Body)
      .fontSize(8)
      .fillColor('#555555')
      .text(`${footer.practiceName} · ${footer.caption} · Page ${index - start + 1} of ${count}`, MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A document's text: a line starting `# ` is a heading, blank lines separate paragraphs. */
export function writeDocumentText(doc: PdfPage, text: string): void {
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n');
    for (const line of lines) {
      if (line.startsWith('# ')) doc.moveDown(0.4).font(PdfFont.Bold).fontSize(13).fillColor('#000000').text(line.slice(2));
      else doc.font(PdfFont.Body).fontSize(10.5).fillColor('#000000').text(line);
    }
    doc.moveDown(0.6);
  }
}
