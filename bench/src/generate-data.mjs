// `npm run bench:data`: fills the benchmark database with a large installation — 50 practices,
// 10,000 cases (half in one practice), 20,000 participants, 1,000,000 check-ins, 200,000
// homework sheets and 100,000 sessions with signed, encrypted notes. Rows are made inside
// PostgreSQL (INSERT … SELECT over generate_series) from hash-based "random" values, so the
// same data comes out on every machine; only the notes are encrypted here, in batches.
// Idempotent: a complete dataset of this version is left alone, anything else is rebuilt.
import cliProgress from 'cli-progress';
import process from 'node:process';
import {
  BENCH_PASSWORD,
  benchIdSql,
  benchSecrets,
  builtApi,
  fail,
  LARGEST_PRACTICE,
  log,
  openBenchDatabase,
  ownerEmail,
  portalTokenSql,
  requirePg,
  SMALL_PRACTICE,
  stopOnSignals,
  trustProgram,
  YEAR_CASE_NUMBER,
} from './bench-environment.mjs';

/** Bump when the shape of the data changes, so older datasets are rebuilt. */
const DATASET_VERSION = 'trustwork-bench-1';
const PRACTICES = 50;
const CASES = 10_000;
const LARGEST_PRACTICE_CASES = 5_000;
const SMALL_PRACTICE_CASES = 100;
const CHECK_INS_PER_PARTICIPANT = 50;
const SESSIONS_PER_CASE = 10;
const SHEETS_PER_PARTICIPANT = 10;
const NOTE_BATCH = 5_000;
const CASE_CHUNK = 500;

const EXPECTED = {
  practices: PRACTICES,
  cases: CASES,
  participants: CASES * 2,
  check_ins: CASES * 2 * CHECK_INS_PER_PARTICIPANT,
  submissions: CASES * 2 * SHEETS_PER_PARTICIPANT,
  sessions_with_signed_notes: CASES * SESSIONS_PER_CASE,
};

/** Practice number → its first case number and how many cases it has. */
function practicePlan() {
  const plan = [
    { practice: LARGEST_PRACTICE, cases: LARGEST_PRACTICE_CASES },
    { practice: SMALL_PRACTICE, cases: SMALL_PRACTICE_CASES },
  ];
  const others = PRACTICES - 2;
  const remaining = CASES - LARGEST_PRACTICE_CASES - SMALL_PRACTICE_CASES;
  for (let index = 0; index < others; index += 1) {
    plan.push({ practice: index + 3, cases: Math.floor(remaining / others) + (index < remaining % others ? 1 : 0) });
  }
  let next = 1;
  return plan.map((entry) => {
    const withFirst = { ...entry, firstCase: next, clinicians: Math.max(3, Math.round(entry.cases / 50)) };
    next += entry.cases;
    return withFirst;
  });
}

const FIRST_NAMES = ['Alex', 'Sam', 'Jordan', 'Maya', 'Priya', 'Tom', 'Lena', 'Omar', 'Grace', 'Daniel', 'Aisha', 'Ben', 'Chloe', 'Ravi', 'Elena',
  'Marcus', 'Nina', 'Leo', 'Hannah', 'Kofi', 'Sofia', 'Ethan', 'Yuki', 'Noah', 'Zara', 'Lucas', 'Ines', 'Felix', 'Amara', 'Jonas'];
const PRACTICE_NAMES = ['Harbour Street Relationship Clinic', 'Willow Lane Counselling', 'Northgate Family Therapy', 'Riverside Couples Practice',
  'The Mended Bridge', 'Oak & Ash Therapy Rooms', 'Second Light Counselling', 'Common Ground Therapy'];

/** Note text in SOAP sections, varied by a hash of the session so notes differ in length and wording. */
const NOTE_LINES = {
  subjective: [
    'Both described a calmer week; one evening of questions about the timeline felt less charged than before.',
    'The hurt partner reported intrusive images on two days and said the daily check-ins helped them feel less alone with it.',
    'They argued about phone passwords early in the week and repaired it themselves the next morning.',
    'The partner who broke trust said they noticed the urge to explain rather than listen, and stopped twice.',
  ],
  objective: [
    'Engaged and on time. Good eye contact while the hurt partner spoke; brief tearfulness when discussing the anniversary.',
    'Tense at the start, softening after the first exercise. Turn-taking held without prompting for most of the session.',
    'Quieter than usual. Sat further apart; leaned in when the apology letter was read aloud.',
  ],
  assessment: [
    'Repair is moving: accountability is steadier and questions are being answered without defensiveness.',
    'Setback after a trigger, handled better than last month. Safety is not a concern at present.',
    'Attunement improving; the hurt partner is testing whether openness will hold, which fits this phase.',
  ],
  plan: [
    'Continue the weekly check-in and the transparency log. Next session: the remaining questions about the disclosure.',
    'Introduce the trigger plan as homework for both. Review sleep and work stress next time.',
    'Keep the apology plan on hold until the questions list is finished. Individual check-in with each partner in two weeks.',
  ],
};

async function main() {
  const started = Date.now();
  const secrets = benchSecrets();
  const database = await openBenchDatabase();
  stopOnSignals(database.stop);
  const { Client } = requirePg();
  const client = new Client({ connectionString: database.ownerUrl });
  try {
    await client.connect();
    const existing = await datasetOf(client);
    if (existing?.complete && existing.version === DATASET_VERSION) {
      log(`The benchmark data is already there (made ${existing.completedAt.toISOString()} in ${existing.seconds} s); nothing to do.`);
      return;
    }
    await resetDatabase(client, existing);
    const { migrate } = builtApi('database/database-setup.js');
    await migrate(database.ownerUrl);
    await client.query('CREATE SCHEMA bench');
    await client.query(`CREATE TABLE bench.dataset (version text NOT NULL, anchor timestamptz NOT NULL, completed_at timestamptz, seconds int, counts jsonb)`);
    const [{ anchor }] = (await client.query(`INSERT INTO bench.dataset (version, anchor) VALUES ($1, date_trunc('hour', now())) RETURNING anchor`, [DATASET_VERSION])).rows;
    await generate(client, secrets, anchor);
    const counts = await countRows(client);
    const seconds = Math.round((Date.now() - started) / 1000);
    await client.query(`UPDATE bench.dataset SET completed_at = now(), seconds = $1, counts = $2`, [seconds, JSON.stringify(counts)]);
    for (const [table, expected] of Object.entries(EXPECTED)) {
      if (counts[table] !== expected) fail(`Expected ${expected} ${table}, made ${counts[table]}.`);
    }
    log(`Made the benchmark data in ${seconds} s: ${Object.entries(counts).map(([table, count]) => `${count.toLocaleString('en')} ${table.replaceAll('_', ' ')}`).join(', ')}.`);
  } finally {
    await client.end();
    await database.stop();
  }
}

async function datasetOf(client) {
  const [{ marked, tables }] = (
    await client.query(`SELECT to_regclass('bench.dataset') IS NOT NULL AS marked,
      (SELECT count(*)::int FROM information_schema.tables WHERE table_schema = 'public') AS tables`)
  ).rows;
  if (!marked) return tables === 0 ? null : { foreign: true };
  const [row] = (await client.query('SELECT version, completed_at, seconds FROM bench.dataset')).rows;
  return { version: row?.version, complete: Boolean(row?.completed_at), completedAt: row?.completed_at, seconds: row?.seconds };
}

/** Starts again from an empty schema, but never on a database this generator did not fill. */
async function resetDatabase(client, existing) {
  if (existing?.foreign) {
    fail('BENCH_DATABASE_URL names a database that already holds tables not made by the benchmark. Give it an empty database.');
  }
  if (existing) log(existing.complete ? 'The benchmark data is of an older version: making it again.' : 'An earlier run stopped half-way: making the data again.');
  await client.query('DROP SCHEMA IF EXISTS bench CASCADE');
  await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  await client.query('DROP SCHEMA public CASCADE');
  await client.query('CREATE SCHEMA public');
}

async function generate(client, secrets, anchor) {
  const plan = practicePlan();
  const { hashPassword } = builtApi('common/crypto/passwords.js');
  const { answersFor } = builtApi('database/demo-caseload.js');
  const { EXERCISES } = trustProgram();
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const steps = [
    ['practices and teams', 1],
    ['cases and people', CASES],
    ['timelines, alerts and homework', CASES],
    ['homework sheets', EXPECTED.submissions],
    ['sessions', EXPECTED.sessions_with_signed_notes],
    ['signed notes', EXPECTED.sessions_with_signed_notes],
    ['check-ins', EXPECTED.check_ins],
    ['indexes and statistics', 1],
  ];
  const progress = new Progress(steps);

  // Helpers live in pg_temp: gone with the session, never part of the product's schema.
  await client.query(`SET max_parallel_workers_per_gather = 0`);
  await client.query(`CREATE FUNCTION pg_temp.r(key text) RETURNS float8 LANGUAGE sql IMMUTABLE
    AS $$ SELECT ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0 $$`);
  await client.query(`CREATE TEMP TABLE plan (practice int, first_case int, cases int, clinicians int, owner_email text)`);
  await client.query(`INSERT INTO plan SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[])`, [
    plan.map((entry) => entry.practice),
    plan.map((entry) => entry.firstCase),
    plan.map((entry) => entry.cases),
    plan.map((entry) => entry.clinicians),
    plan.map((entry) => ownerEmail(entry.practice)),
  ]);

  progress.start('practices and teams');
  await client.query(
    `INSERT INTO practices (id, name, time_zone, created_at)
     SELECT ${benchIdSql('practice', 'practice')}, ($1::text[])[1 + practice % cardinality($1::text[])] || ' ' || practice,
            (ARRAY['Europe/London', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'])[1 + practice % 4], $2::timestamptz - interval '3 years'
     FROM plan`,
    [PRACTICE_NAMES, anchor],
  );
  await client.query(
    `INSERT INTO users (id, practice_id, email, name, password_hash, role, created_at)
     SELECT ${benchIdSql('user', "practice || ':' || member")}, ${benchIdSql('practice', 'practice')},
            CASE WHEN member = 0 THEN owner_email
                 WHEN member = clinicians + 1 THEN 'assistant.p' || lpad(practice::text, 2, '0') || '@bench.trustwork.test'
                 ELSE 'clinician' || member || '.p' || lpad(practice::text, 2, '0') || '@bench.trustwork.test' END,
            ($3::text[])[1 + (practice * 7 + member) % cardinality($3::text[])] || ' ' || chr(65 + member % 26) || '.',
            $1, CASE WHEN member = 0 THEN 'owner' WHEN member = clinicians + 1 THEN 'assistant' ELSE 'clinician' END,
            $2::timestamptz - interval '3 years' + member * interval '1 day'
     FROM plan CROSS JOIN LATERAL generate_series(0, clinicians + 1) AS member`,
    [passwordHash, anchor, FIRST_NAMES],
  );
  progress.advance(1);

  progress.start('cases and people');
  // One row per case with everything the later steps derive from: its age, clinician and status.
  await client.query(
    `CREATE TEMP TABLE case_plan AS
     SELECT n, practice, ${benchIdSql('practice', 'practice')} AS practice_id, ${benchIdSql('case', 'n')} AS case_id,
            ${benchIdSql('user', "practice || ':' || (1 + n % clinicians)")} AS clinician_id, age_days,
            $1::timestamptz - age_days * interval '1 day' AS created_at,
            CASE WHEN n = ${YEAR_CASE_NUMBER} THEN 'active'
                 WHEN pg_temp.r('status' || n) < 0.10 THEN 'closed'
                 WHEN pg_temp.r('status' || n) < 0.17 THEN 'paused'
                 WHEN age_days < 120 AND pg_temp.r('status' || n) < 0.30 THEN 'intake'
                 ELSE 'active' END AS status,
            CASE WHEN n = ${YEAR_CASE_NUMBER} OR pg_temp.r('kind' || n) < 0.80 THEN 'couple'
                 ELSE (ARRAY['parent-child', 'siblings', 'friends', 'other'])[1 + (n % 4)] END AS relationship_type
     FROM plan CROSS JOIN LATERAL generate_series(first_case, first_case + cases - 1) AS n
     CROSS JOIN LATERAL (SELECT CASE WHEN n = ${YEAR_CASE_NUMBER} THEN 400 ELSE 75 + floor(pg_temp.r('age' || n) * 650)::int END AS age_days) age`,
    [anchor],
  );
  await client.query(`ALTER TABLE case_plan ADD PRIMARY KEY (n)`);
  await client.query(
    `INSERT INTO cases (id, practice_id, relationship_type, status, phase, presenting_concern, created_by, closed_at, created_at, updated_at)
     SELECT case_id, practice_id, relationship_type, status, least(9, 1 + age_days / 75),
            (ARRAY['Affair disclosed in the spring; both want to stay together.', 'Hidden debts came to light.',
                   'Repeated lying about drinking.', 'Broken promises about contact with an ex.'])[1 + n % 4],
            clinician_id, CASE WHEN status = 'closed' THEN $1::timestamptz - age_days * 0.1 * interval '1 day' END, created_at,
            created_at + pg_temp.r('updated' || n) * age_days * interval '1 day'
     FROM case_plan`,
    [anchor],
  );
  await client.query(`INSERT INTO case_clinicians (case_id, user_id, practice_id) SELECT case_id, clinician_id, practice_id FROM case_plan`);
  await client.query(
    `INSERT INTO participants (id, practice_id, case_id, position, display_name, email, breach_role, created_at)
     SELECT ${benchIdSql('participant', "n || ':' || position")}, practice_id, case_id, position,
            ($1::text[])[1 + (n * 2 + position) % cardinality($1::text[])] || ' ' || chr(65 + (n + position) % 26) || '.',
            CASE WHEN pg_temp.r('email' || n || position) < 0.7 THEN 'person' || n || '.' || position || '@example.test' END,
            CASE WHEN relationship_type <> 'couple' THEN 'not-stated' WHEN position = 1 THEN 'broke-trust' ELSE 'was-hurt' END, created_at
     FROM case_plan CROSS JOIN generate_series(1, 2) AS position`,
    [FIRST_NAMES],
  );
  await client.query(
    `INSERT INTO portal_links (practice_id, case_id, participant_id, token_sha256, created_by, created_at, expires_at, revoked_at)
     SELECT p.practice_id, p.case_id, p.id, sha256(convert_to(${portalTokenSql('p.id::text', '$1::text')}, 'UTF8')), c.clinician_id,
            c.created_at, $2::timestamptz + interval '400 days', CASE WHEN c.status = 'closed' THEN $2::timestamptz - interval '1 day' END
     FROM participants p JOIN case_plan c ON c.case_id = p.case_id`,
    [secrets.portalSecret, anchor],
  );
  progress.advance(CASES);

  progress.start('timelines, alerts and homework');
  await client.query(
    `INSERT INTO case_phase_changes (practice_id, case_id, phase, changed_by, changed_at)
     SELECT practice_id, case_id, phase, clinician_id, created_at + (phase - 1) * interval '75 days'
     FROM case_plan CROSS JOIN LATERAL generate_series(1, least(9, 1 + age_days / 75)) AS phase`,
  );
  await client.query(
    `INSERT INTO case_events (practice_id, case_id, kind, occurred_on, title, created_by, created_at)
     SELECT practice_id, case_id, kind, (created_at + offset_days * interval '1 day')::date, title, clinician_id, created_at
     FROM case_plan CROSS JOIN LATERAL (VALUES
       ('breach', -20 - (n % 200), 'The breach came to light'),
       ('setback', age_days / 3, 'Old messages found; a hard week'),
       ('milestone', (age_days * 2) / 3, 'First full week without checking the phone')) AS event(kind, offset_days, title)`,
  );
  await client.query(
    `INSERT INTO case_alerts (practice_id, case_id, kind, source_key, summary, details, status, raised_at, acknowledged_at, acknowledged_by, note)
     SELECT practice_id, case_id, kind, 'bench-' || kind, summary, '{}'::jsonb, alert_status, $1::timestamptz - interval '3 days',
            CASE WHEN alert_status = 'acknowledged' THEN $1::timestamptz - interval '1 day' END,
            CASE WHEN alert_status = 'acknowledged' THEN clinician_id END,
            CASE WHEN alert_status = 'acknowledged' THEN 'Discussed in session.' END
     FROM case_plan CROSS JOIN LATERAL (VALUES
       ('check-in-gap', 'No check-in for 15 days', CASE WHEN pg_temp.r('gap' || n) < 0.05 THEN 'open' WHEN pg_temp.r('gap' || n) < 0.15 THEN 'acknowledged' END),
       ('rating-drop', 'Trust 2, down from an average of 5.7 (previous 3 check-ins)', CASE WHEN pg_temp.r('drop' || n) < 0.03 THEN 'open' END)) AS alert(kind, summary, alert_status)
     WHERE alert_status IS NOT NULL AND case_plan.status = 'active'`,
    [anchor],
  );
  await client.query(
    `INSERT INTO safety_reports (practice_id, case_id, participant_id, message, urgency, submitted_at, acknowledged_at, acknowledged_by)
     SELECT practice_id, case_id, ${benchIdSql('participant', "n || ':2'")}, 'Things got heated last night and I did not feel safe staying in.',
            'concern', created_at + age_days * 0.5 * interval '1 day', created_at + (age_days * 0.5 + 1) * interval '1 day', clinician_id
     FROM case_plan WHERE pg_temp.r('safety' || n) < 0.02`,
  );

  // Homework: each person's weekly sheet for ten weeks (all answered), a current one to do together,
  // and a single sheet due this week. Exercise text is snapshotted as the API does when assigning.
  const weekly = EXERCISES.filter((exercise) => exercise.audience === 'each');
  const together = EXERCISES.filter((exercise) => exercise.audience === 'together');
  const exerciseRows = [...weekly, ...together].map((exercise, index) => ({
    index,
    kind: exercise.audience,
    ref: `builtin:${exercise.key}`,
    version: exercise.version,
    title: exercise.title,
    instructions: exercise.instructions,
    prompts: JSON.stringify(exercise.prompts),
    answers: JSON.stringify(answersFor(exercise.prompts, 'Noticed the pull to hide a small thing and said it out loud instead.')),
  }));
  await client.query(`CREATE TEMP TABLE exercise_plan (index int, kind text, ref text, version int, title text, instructions text, prompts jsonb, answers jsonb)`);
  await client.query(
    `INSERT INTO exercise_plan SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[])`,
    ['index', 'kind', 'ref', 'version', 'title', 'instructions', 'prompts', 'answers'].map((field) => exerciseRows.map((row) => row[field])),
  );
  await client.query(
    `CREATE TEMP TABLE weekly_plan AS
     SELECT c.*, p.id AS participant_id, p.position, ${benchIdSql('assignment', "c.n || ':weekly:' || p.position")} AS assignment_id,
            (c.created_at + floor(pg_temp.r('weekly' || c.n) * (c.age_days - 70)) * interval '1 day')::date AS starts_on,
            (SELECT e FROM exercise_plan e WHERE e.kind = 'each' ORDER BY e.index OFFSET c.n % $1 LIMIT 1) AS exercise
     FROM case_plan c JOIN participants p ON p.case_id = c.case_id`,
    [weekly.length],
  );
  await client.query(
    `INSERT INTO assignments (id, practice_id, case_id, exercise_ref, exercise_version, exercise_title, exercise_instructions, prompts,
       audience, participant_id, frequency, days_of_week, starts_on, ends_on, status, created_by, created_at)
     SELECT assignment_id, practice_id, case_id, (exercise).ref, (exercise).version, (exercise).title, (exercise).instructions, (exercise).prompts,
            'participant', participant_id, 'weekly', ARRAY[extract(dow FROM starts_on)::smallint], starts_on, starts_on + 63, 'active', clinician_id, starts_on
     FROM weekly_plan`,
  );
  await client.query(
    `INSERT INTO assignments (practice_id, case_id, exercise_ref, exercise_version, exercise_title, exercise_instructions, prompts,
       audience, participant_id, due_on, frequency, days_of_week, starts_on, ends_on, status, created_by, created_at)
     SELECT c.practice_id, c.case_id, e.ref, e.version, e.title, e.instructions, e.prompts, audience, participant_id, due_on, frequency,
            days_of_week, starts_on, ends_on, CASE WHEN c.status = 'active' THEN 'active' ELSE 'paused' END, c.clinician_id, $1::timestamptz - interval '14 days'
     FROM case_plan c
     CROSS JOIN LATERAL (VALUES
       ('together', NULL::uuid, NULL::date, 'weekly', ARRAY[extract(dow FROM $1::timestamptz)::smallint], ($1::timestamptz - interval '14 days')::date,
        ($1::timestamptz + interval '42 days')::date, 'together'),
       ('participant', ${benchIdSql('participant', "c.n || ':1'")}, ($1::timestamptz + interval '3 days')::date, NULL, NULL, NULL, NULL, 'each'))
       AS homework(audience, participant_id, due_on, frequency, days_of_week, starts_on, ends_on, exercise_kind)
     JOIN LATERAL (SELECT * FROM exercise_plan e WHERE e.kind = homework.exercise_kind ORDER BY e.index OFFSET c.n % 3 LIMIT 1) e ON true`,
    [anchor],
  );
  progress.advance(CASES);

  progress.start('homework sheets');
  await client.query(
    `INSERT INTO submissions (practice_id, assignment_id, participant_id, occurrence_on, answers, shared, submitted_at)
     SELECT practice_id, assignment_id, participant_id, starts_on + week * 7, (exercise).answers, pg_temp.r('shared' || n || position || week) < 0.4,
            (starts_on + week * 7) + interval '18 hours' + pg_temp.r('sent' || n || position || week) * interval '5 hours'
     FROM weekly_plan CROSS JOIN generate_series(0, ${SHEETS_PER_PARTICIPANT - 1}) AS week`,
  );
  progress.advance(EXPECTED.submissions);

  progress.start('sessions');
  await client.query(
    `INSERT INTO sessions (id, practice_id, case_id, clinician_id, starts_at, duration_minutes, modality, status, attendee_ids, created_at)
     SELECT ${benchIdSql('session', "n || ':' || k")}, practice_id, case_id, clinician_id, starts_at, 50,
            (ARRAY['in-person', 'video', 'phone'])[1 + (n + k) % 3], 'completed',
            ARRAY[${benchIdSql('participant', "n || ':1'")}, ${benchIdSql('participant', "n || ':2'")}], starts_at - interval '7 days'
     FROM case_plan CROSS JOIN generate_series(0, ${SESSIONS_PER_CASE - 1}) AS k
     CROSS JOIN LATERAL (SELECT date_trunc('day', created_at + (k + 0.5) / ${SESSIONS_PER_CASE} * age_days * interval '1 day')
                                + (9 + (n + k) % 8) * interval '1 hour' AS starts_at) slot`,
  );
  // The next appointment of each open case: the caseload's "next session", the brief's subject.
  await client.query(
    `INSERT INTO sessions (practice_id, case_id, clinician_id, starts_at, duration_minutes, modality, status, attendee_ids)
     SELECT practice_id, case_id, clinician_id, date_trunc('day', $1::timestamptz) + (1 + n % 14) * interval '1 day' + (9 + n % 8) * interval '1 hour',
            50, 'video', 'scheduled', ARRAY[${benchIdSql('participant', "n || ':1'")}, ${benchIdSql('participant', "n || ':2'")}]
     FROM case_plan WHERE status IN ('active', 'intake')`,
    [anchor],
  );
  progress.advance(EXPECTED.sessions_with_signed_notes);

  progress.start('signed notes');
  await insertSignedNotes(client, secrets, (count) => progress.advance(count));

  progress.start('check-ins');
  // In chunks of cases, so the progress bar moves; ratings climb slowly over the months, with noise.
  for (let first = 1; first <= CASES; first += CASE_CHUNK) {
    await client.query(
      `INSERT INTO check_ins (practice_id, case_id, participant_id, trust, safety, heard, closeness, note, submitted_at)
       SELECT c.practice_id, c.case_id, ${benchIdSql('participant', "c.n || ':' || position")}, ${rating(0)}, ${rating(1)}, ${rating(2)}, ${rating(3)},
              CASE WHEN get_byte(hash.noise, 4) < 20 THEN 'A hard day; talked it through in the evening.' END,
              c.created_at + (k + 0.5) / ${CHECK_INS_PER_PARTICIPANT} * c.age_days * interval '1 day' + get_byte(hash.noise, 5) * interval '1 minute'
       FROM case_plan c CROSS JOIN generate_series(1, 2) AS position CROSS JOIN generate_series(0, ${CHECK_INS_PER_PARTICIPANT - 1}) AS k
       CROSS JOIN LATERAL (SELECT decode(md5(c.n || ':' || position || ':' || k), 'hex') AS noise) hash
       CROSS JOIN LATERAL (SELECT 2.5 + 5.0 * k / ${CHECK_INS_PER_PARTICIPANT} - CASE WHEN position = 2 THEN 0.5 ELSE 0 END AS level) trend
       WHERE c.n BETWEEN $1 AND $2`,
      [first, first + CASE_CHUNK - 1],
    );
    progress.advance(Math.min(CASE_CHUNK, CASES - first + 1) * 2 * CHECK_INS_PER_PARTICIPANT);
  }

  progress.start('indexes and statistics');
  await client.query('VACUUM (ANALYZE)');
  progress.advance(1);
  progress.stop();
}

/** A 0-10 rating around the trend, moved by one byte of the row's hash. */
const rating = (byte) => `greatest(0, least(10, round(trend.level + (get_byte(hash.noise, ${byte}) / 255.0 - 0.5) * 4)))::smallint`;

/** Every completed session gets a signed SOAP note, encrypted with the API's own cipher and row binding. */
async function insertSignedNotes(client, secrets, advance) {
  const { NoteCipher, parseNoteKeyring } = builtApi('common/crypto/note-cipher.js');
  const cipher = new NoteCipher(parseNoteKeyring(secrets.notesKey));
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await client.query(
      `SELECT s.id, s.practice_id, s.clinician_id, s.starts_at FROM sessions s
       WHERE s.status = 'completed' AND s.id > $1 ORDER BY s.id LIMIT ${NOTE_BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    const bodies = rows.map((session) => {
      const pick = (lines, salt) => lines[parseInt(session.id.slice(salt, salt + 4), 16) % lines.length];
      const sections = { subjective: pick(NOTE_LINES.subjective, 0), objective: pick(NOTE_LINES.objective, 4), assessment: pick(NOTE_LINES.assessment, 9), plan: pick(NOTE_LINES.plan, 14) };
      return cipher.encrypt(JSON.stringify(sections), `notes:${session.id}:soap`);
    });
    await client.query(
      `INSERT INTO notes (session_id, practice_id, template, body_encrypted, key_id, status, version, author_id, signed_at, signed_by, created_at, updated_at)
       SELECT session_id, practice_id, 'soap', body, $5, 'signed', 1, clinician_id, starts_at + interval '2 hours', clinician_id,
              starts_at + interval '1 hour', starts_at + interval '2 hours'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bytea[], $6::timestamptz[]) AS note(session_id, practice_id, clinician_id, body, starts_at)`,
      [rows.map((row) => row.id), rows.map((row) => row.practice_id), rows.map((row) => row.clinician_id), bodies.map((body) => body.data), cipher.currentKeyId, rows.map((row) => row.starts_at)],
    );
    after = rows[rows.length - 1].id;
    advance(rows.length);
  }
}

async function countRows(client) {
  const { rows } = await client.query(`SELECT
    (SELECT count(*)::int FROM practices) AS practices,
    (SELECT count(*)::int FROM cases) AS cases,
    (SELECT count(*)::int FROM participants) AS participants,
    (SELECT count(*)::int FROM check_ins) AS check_ins,
    (SELECT count(*)::int FROM submissions) AS submissions,
    (SELECT count(*)::int FROM sessions s JOIN notes n ON n.session_id = s.id AND n.status = 'signed') AS sessions_with_signed_notes`);
  return rows[0];
}

/** A bar on a terminal; one line per step in CI logs, where a redrawn bar would be noise. */
class Progress {
  constructor(steps) {
    this.total = steps.reduce((sum, [, rows]) => sum + rows, 0);
    this.bar = process.stdout.isTTY
      ? new cliProgress.SingleBar({ format: '  {bar} {percentage}% | {step} | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
    this.bar?.start(this.total, 0, { step: '' });
  }

  start(step) {
    if (this.bar) this.bar.update({ step });
    else log(`${step}…`);
  }

  advance(rows) {
    this.bar?.increment(rows);
  }

  stop() {
    this.bar?.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
