import { TEST_PASSWORD } from './test-secrets';

/** Secrets the whole suite uses, in any log line: shapes rather than values. */
const WELL_KNOWN_SECRETS: { name: string; pattern: RegExp }[] = [
  { name: 'the test password', pattern: new RegExp(TEST_PASSWORD, 'i') },
  { name: 'a bearer credential', pattern: /Bearer /i },
  // Our JWTs start with {"alg": … → "eyJ"; three base64url parts.
  { name: 'a JWT', pattern: /eyJ[\w-]+\.[\w-]+\.[\w-]+/ },
  { name: 'a portal link', pattern: /\/p\/#/ },
  { name: 'a calendar feed address', pattern: /calendar-feeds\/[\w-]{43}/ },
];

/** What in `log` gives away a secret: the well-known shapes plus `secrets` (exact text). */
export function secretsInLog(log: string, secrets: Record<string, string> = {}): string[] {
  const found = WELL_KNOWN_SECRETS.filter(({ pattern }) => pattern.test(log)).map(({ name }) => name);
  for (const [name, value] of Object.entries(secrets)) {
    if (log.includes(value)) found.push(name);
  }
  return found;
}
