import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the test mailbox received it: its recipients and its raw text, quoted-printable decoded. */
export interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port, keeping every message it is given. */
export async function startMailbox(): Promise<{ url: string; messages: Received[]; stop: () => Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((address) => address.address.toLowerCase()), raw: decodeQuotedPrintable(Buffer.concat(chunks).toString()) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The body of one MIME part of a message. */
export function partOf(message: Received, type: 'text/plain' | 'text/html'): string {
  const match = new RegExp(`Content-Type: ${type}[^]*?\\r?\\n\\r?\\n([^]*?)\\r?\\n--`).exec(message.raw);
  if (!match) throw new Error(`no ${type} part in:\n${message.raw}`);
  return match[1];
}
