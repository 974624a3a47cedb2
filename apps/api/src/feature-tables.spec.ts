import fs from 'node:fs';
import path from 'node:path';

/**
 * Each table has one owning feature, and only that feature writes it: any other goes
 * through the owner's service (see CONTRIBUTING.md). Reads for read models may join freely.
 */
const TABLE_OWNERS: Record<string, string> = {
  practices: 'practices',
  users: 'users',
  refresh_tokens: 'auth',
  sign_in_sessions: 'auth',
  cases: 'cases',
  participants: 'cases',
  case_clinicians: 'cases',
  case_events: 'cases',
  case_phase_changes: 'cases',
  sessions: 'sessions',
  notes: 'notes',
  note_addenda: 'notes',
  exercise_templates: 'exercises',
  exercise_template_versions: 'exercises',
  portal_links: 'portal',
  assignments: 'assignments',
  submissions: 'assignments',
  check_ins: 'check-ins',
  safety_reports: 'safety-reports',
  case_alerts: 'alerts',
  measure_scores: 'measures',
  reminder_deliveries: 'reminders',
  audit_events: 'audit',
  account_tokens: 'account',
  recovery_codes: 'two-factor',
  two_factor_challenges: 'two-factor',
  audit_chain: 'audit',
  audit_chain_heads: 'audit',
  agreement_templates: 'agreements',
  agreement_template_versions: 'agreements',
  case_agreements: 'agreements',
  case_policy_changes: 'agreements',
  agreement_signatures: 'agreements',
  session_series: 'sessions',
  session_attendance: 'sessions',
  calendar_feeds: 'calendar-feeds',
  billing_settings: 'billing',
  billing_services: 'billing',
  clinician_credentials: 'billing',
  billing_payers: 'billing',
  case_billing: 'billing',
  invoices: 'billing',
  billing_charges: 'billing',
  payments: 'billing',
  payment_allocations: 'billing',
  participant_diagnoses: 'billing',
};

/** Folders that set up or fill the whole database rather than serve one feature. */
const WHOLE_DATABASE = new Set(['database']);

const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b/g;
const ENTITY_WRITE = /\brepository\((\w+)\)\s*\.\s*(?:save|insert|update|upsert|delete|remove|increment|decrement)\(/g;

const SOURCE = __dirname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.int-spec.ts') ? [full] : [];
  });
}

const featureOf = (file: string) => path.relative(SOURCE, file).split(path.sep)[0];

/** Entity class name → the table its @Entity decorator names. */
function entityTables(files: string[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const file of files.filter((candidate) => candidate.endsWith('.entity.ts'))) {
    for (const [, table, name] of fs.readFileSync(file, 'utf8').matchAll(/@Entity\(\{\s*name:\s*'([a-z_]+)'[^)]*\)\s*export class (\w+)/g)) tables.set(name, table);
  }
  return tables;
}

describe('who writes which table', () => {
  const files = sourceFiles(SOURCE).filter((file) => !WHOLE_DATABASE.has(featureOf(file)));
  const entities = entityTables(files);
  const writes = files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const tables = [...[...text.matchAll(SQL_WRITE)].map(([, table]) => table), ...[...text.matchAll(ENTITY_WRITE)].map(([, entity]) => entities.get(entity) ?? `entity ${entity}`)];
    return tables.filter((table) => table in TABLE_OWNERS || table.startsWith('entity ')).map((table) => ({ file: path.relative(SOURCE, file), table }));
  });

  it('knows the table of every entity written', () => {
    expect(writes.filter(({ table }) => table.startsWith('entity ')).map(({ file, table }) => `${file}: ${table}`)).toEqual([]);
  });

  it('lets only the owning feature write a table', () => {
    const strangers = writes.filter(({ file, table }) => TABLE_OWNERS[table] && TABLE_OWNERS[table] !== featureOf(path.join(SOURCE, file)));
    expect(strangers.map(({ file, table }) => `${file} writes ${table}, which ${TABLE_OWNERS[table]} owns`)).toEqual([]);
  });

  it('finds the writes it checks', () => {
    // A guard against a pattern that silently stops matching.
    expect(new Set(writes.map(({ table }) => table)).size).toBeGreaterThan(15);
  });
});
