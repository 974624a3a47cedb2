import { useEffect, useRef, useState } from 'react';
import { formatMoment } from './dates';

/** An agreement's address under /api/portal/; ids may hold a colon (`builtin:informed-consent`). */
export function agreementPath(agreementId: string): string {
  return `agreements/${encodeURIComponent(agreementId)}`;
}

export type DocumentBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string };

/** An agreement's text in blocks: a line starting `# ` is a heading, blank lines separate paragraphs. */
export function documentBlocks(text: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('# ')) {
      endParagraph();
      blocks.push({ kind: 'heading', text: line.slice(2).trim() });
    } else if (line.trim() === '') endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

/** "1 agreement to read and sign", "2 agreements to read and sign". */
export function toSignWords(count: number): string {
  return `${count} ${count === 1 ? 'agreement' : 'agreements'} to read and sign`;
}

/** "Signed on 4 Dec 2026", in the person's own time zone. */
export function signedOn(signedAt: string | null): string {
  return signedAt ? `Signed on ${formatMoment(signedAt)}` : 'Signed';
}

/**
 * Whether the element (the end of a document) has been on screen. Where the browser cannot
 * tell (no IntersectionObserver), the document counts as read rather than locking the person out.
 */
export function useReachedEnd<T extends Element>() {
  const end = useRef<T>(null);
  const [reached, setReached] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = end.current;
    if (reached || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setReached(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [reached]);

  return { end, reached };
}
