import { AGREEMENT_FIELDS, type AgreementField } from '@trustwork/contracts';
import { createHash } from 'node:crypto';
import type { CaseNames } from './agreements.queries';

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** `{{names}}` in a body that are not fields, each once, in the order written. */
export function unknownFields(body: string): string[] {
  const known = new Set<string>(AGREEMENT_FIELDS);
  return [...new Set([...body.matchAll(FIELD)].map(([, name]) => name))].filter((name) => !known.has(name));
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cleo". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The document one person reads and signs: its title as a heading, then the body with the
 * case's names filled in. The same case renders the same text for both people, so the hash
 * each signs can be compared.
 */
export function renderAgreement(agreement: { title: string; body: string }, names: CaseNames, policyName: string | null): string {
  const values: Record<AgreementField, string> = {
    practice: names.practiceName,
    clinicians: joinNames(names.clinicians) || 'your therapist',
    people: joinNames(names.people),
    policy: policyName ?? 'not chosen yet',
  };
  const body = agreement.body.replace(FIELD, (whole, name: string) => (name in values ? values[name as AgreementField] : whole));
  return `# ${agreement.title}\n\n${body}`;
}

/** SHA-256 of the text's UTF-8 bytes, hex. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
