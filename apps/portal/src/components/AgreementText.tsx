import type { Ref } from 'react';
import { documentBlocks } from '../lib/agreements';

interface AgreementTextProps {
  text: string;
  /** Placed after the last line, to tell when the person has reached the end. */
  endRef?: Ref<HTMLDivElement>;
}

/** An agreement as the person reads it: its headings as headings, its paragraphs as written. */
export function AgreementText({ text, endRef }: AgreementTextProps) {
  return (
    <article className="agreement-text" aria-label="The agreement">
      {documentBlocks(text).map((block, index) =>
        block.kind === 'heading' ? <h2 key={index}>{block.text}</h2> : <p key={index}>{block.text}</p>,
      )}
      {endRef && <div ref={endRef} className="agreement-end" aria-hidden="true" />}
    </article>
  );
}
