import { spawn } from 'node:child_process';
import path from 'node:path';

/** A PDF's text (pages joined, pdf.js's own line breaks) and its number of pages. */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'read-pdf.cjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`reading the PDF failed (exit ${code})`));
      else resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as { text: string; pages: number });
    });
    child.stdin.end(pdf);
  });
}

/** The text with every run of white space removed, to find a hash a line break split. */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}
