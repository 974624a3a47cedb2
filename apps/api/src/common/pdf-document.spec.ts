import { pdfText } from '../../test/pdf-text';
import { renderPdf, writeDocumentText } from './pdf-document';

describe('renderPdf', () => {
  it('writes headings and paragraphs, and numbers every page in the footer', async () => {
    const pdf = await renderPdf('Agreement', { practiceName: 'Harbour Counselling', caption: 'Signed copy' }, (doc) => {
      writeDocumentText(doc, `# How we work\n\nSigned by Łucja Wiśniewska, Ζωή and Алёна.\n\n${'A paragraph of plain words. '.repeat(400)}`);
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('How we work');
    // Names are typed by people everywhere: letters beyond Latin-1 come out as written.
    expect(text).toContain('Signed by Łucja Wiśniewska, Ζωή and Алёна.');
    expect(text).toMatch(/Harbour Counselling · Signed copy · Page 1 of \d/);
    expect(text).not.toContain('# How');
  });
});
