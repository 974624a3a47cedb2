import { AGREEMENT_BODY_MAX, AGREEMENT_FIELDS, AGREEMENT_KINDS, AGREEMENT_TITLE_MAX, CONFIDENTIALITY_POLICY_KINDS } from '@trustwork/contracts';
import { AGREEMENTS, POLICY_WORDING } from './agreements';
import { KEBAB_CASE } from './exercises/definition-checks';

describe('built-in agreements', () => {
  it('have unique kebab-case keys and a known kind', () => {
    const keys = AGREEMENTS.map((agreement) => agreement.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const agreement of AGREEMENTS) {
      expect(agreement.key).toMatch(KEBAB_CASE);
      expect(AGREEMENT_KINDS).toContain(agreement.kind);
      expect(agreement.version).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(AGREEMENTS.map((agreement) => [agreement.key, agreement] as const))('%s fits the limits a practice’s own agreement has', (_key, agreement) => {
    expect(agreement.title.length).toBeGreaterThan(0);
    expect(agreement.title.length).toBeLessThanOrEqual(AGREEMENT_TITLE_MAX);
    expect(agreement.body.length).toBeLessThanOrEqual(AGREEMENT_BODY_MAX);
    // The title is added as the document's heading when it is rendered.
    expect(agreement.body.startsWith('# ')).toBe(false);
    const fields = [...agreement.body.matchAll(/\{\{([^{}]*)\}\}/g)].map(([, name]) => name);
    for (const field of fields) expect(AGREEMENT_FIELDS).toContain(field);
    // No half-written field: every brace belongs to a {{field}}.
    expect(agreement.body.replace(/\{\{[^{}]*\}\}/g, '')).not.toMatch(/[{}]/);
  });

  it('states one policy per policy kind, each with the limits of confidentiality', () => {
    const policies = AGREEMENTS.filter((agreement) => agreement.kind === 'confidentiality');
    expect(policies.map((agreement) => agreement.policyKind)).toEqual(policies.map((agreement) => agreement.key));
    expect(policies.map((agreement) => agreement.key).sort()).toEqual(CONFIDENTIALITY_POLICY_KINDS.filter((kind) => kind !== 'practice').sort());
    for (const policy of policies) expect(policy.body).toMatch(/danger[^]*abuse[^]*court/i);
    for (const other of AGREEMENTS.filter((agreement) => agreement.kind !== 'confidentiality')) expect(other.policyKind).toBeNull();
  });

  it('has a summary and a private-line sentence for every policy kind', () => {
    for (const kind of CONFIDENTIALITY_POLICY_KINDS) {
      expect(POLICY_WORDING[kind].summary).toMatch(/^[A-Z].+\.$/);
      expect(POLICY_WORDING[kind].privateLineSentence('Our policy')).toMatch(/^[A-Z].+\.$/);
    }
    expect(POLICY_WORDING['no-secrets'].privateLineSentence('No-secrets policy')).toBe(
      "Under this case's no-secrets policy, what you write here may be brought into a joint session.",
    );
    expect(POLICY_WORDING.practice.privateLineSentence('Harbour Lane privacy')).toContain('"Harbour Lane privacy"');
  });
});
