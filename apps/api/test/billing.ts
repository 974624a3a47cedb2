import type { CaseBilling } from '@trustwork/contracts';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { PortalPerson, SignedIn } from './test-app';

/** Reads a binary answer (a PDF) into a Buffer: `.buffer(true).parse(asBuffer)`. */
export const asBuffer = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Has Alex and Sam share the case's cost 50/50, and answers each one's payer id. */
export async function shareFiftyFifty(
  http: TestAgent,
  owner: SignedIn,
  caseId: string,
  couple: { alex: PortalPerson; sam: PortalPerson },
): Promise<{ alex: string; sam: string }> {
  const billing = (
    await http
      .put(`/api/cases/${caseId}/billing`)
      .set(owner.auth)
      .send({ arrangement: 'shared', shares: [{ participantId: couple.alex.id, percent: 50 }, { participantId: couple.sam.id, percent: 50 }] })
      .expect(200)
  ).body as CaseBilling;
  const payerOf = (participantId: string) => billing.balances.find((balance) => balance.payer.participantId === participantId)?.payer.id as string;
  return { alex: payerOf(couple.alex.id), sam: payerOf(couple.sam.id) };
}
