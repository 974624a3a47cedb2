import { AGREEMENT_FIELD_LABELS, AGREEMENT_FIELDS, type AgreementField } from '@trustwork/contracts';

/** A piece of a line: plain words, or a field filled in when the document is signed. */
export type TextPart = { text: string } | { field: AgreementField };

/** A heading (a line starting `# `) or a paragraph (lines up to a blank one). */
export interface TextBlock {
  kind: 'heading' | 'paragraph';
  parts: TextPart[];
}

const FIELD_PATTERN = /\{\{(\w+)\}\}/g;

const isField = (name: string): name is AgreementField => (AGREEMENT_FIELDS as readonly string[]).includes(name);

function parts(line: string): TextPart[] {
  const found: TextPart[] = [];
  let from = 0;
  for (const match of line.matchAll(FIELD_PATTERN)) {
    const name = match[1] ?? '';
    // An unknown `{{...}}` is refused on save; should one arrive anyway, it reads as written.
    if (!isField(name)) continue;
    if (match.index > from) found.push({ text: line.slice(from, match.index) });
    found.push({ field: name });
    from = match.index + match[0].length;
  }
  if (from < line.length) found.push({ text: line.slice(from) });
  return found;
}

/** A template's body as headings and paragraphs, its fields picked out. */
export function agreementBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', parts: parts(paragraph.join('\n')) });
    paragraph = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith('# ')) {
      endParagraph();
      blocks.push({ kind: 'heading', parts: parts(line.slice(2).trim()) });
    } else if (line.trim() === '') endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

/** How a field reads before it is filled in: «The practice's name». */
export const fieldPlaceholder = (field: AgreementField) => `«${AGREEMENT_FIELD_LABELS[field]}»`;
