// The benchmark's table and its targets, kept apart from the runner so the rules read in one place.

const SPEED = 'speed';
const CORRECTNESS = 'correctness';

/**
 * PostgreSQL CPU milliseconds per request of the run of 2026-12-03 (results/2026-12-03.json,
 * `trustwork.databaseCpuMs`), when every statement was sent unnamed and planned again: the
 * heavy reads must now cost PostgreSQL at most half of that, at each connection count.
 */
export const DATABASE_CPU_REFERENCE = {
  'caseload-first': { 10: 5.54, 50: 5.32 },
  'progress-year': { 10: 6.8, 50: 6.91 },
  'session-brief': { 10: 8.76, 50: 7.93 },
};
/** A phone on the slow-4G profile, CPU slowed 4×, must show a usable first screen within this. */
const SLOW_PHONE_USABLE_MS = 3000;

const isFastRoute = (name) => name.startsWith('caseload-') || name.startsWith('portal-');

/** Each target of the benchmark, met or not, with the figure that decides it. */
export function evaluateTargets(rows, { slowPhone = null } = {}) {
  const worst = (candidates, figure) => candidates.reduce((found, row) => (found === null || figure(row) > figure(found) ? row : found), null);
  const at10 = rows.filter((row) => row.connections === 10);
  const at50 = rows.filter((row) => row.connections === 50);
  const lowestRatio = worst(at10, (row) => -row.ratio);

  const apiCpu = rows.filter((row) => row.trustwork.serverCpuMs !== null && row.baseline.serverCpuMs > 0);
  const apiCpuFactor = (row) => row.trustwork.serverCpuMs / row.baseline.serverCpuMs;
  const costliest = worst(apiCpu, apiCpuFactor);

  const databaseCpu = rows.filter((row) => DATABASE_CPU_REFERENCE[row.name]?.[row.connections] && row.trustwork.databaseCpuMs !== null);
  const databaseShare = (row) => row.trustwork.databaseCpuMs / DATABASE_CPU_REFERENCE[row.name][row.connections];
  const heaviest = worst(databaseCpu, databaseShare);

  const queued = at50.filter((row) => row.baseline.p95 > 0);
  const p95Factor = (row) => row.trustwork.p95 / row.baseline.p95;
  const mostQueued = worst(queued, p95Factor);

  const fast = at10.filter((row) => isFastRoute(row.name));
  const slowestFast = worst(fast, (row) => row.trustwork.p95);

  const scale = rows
    .filter((row) => row.name === 'caseload-first')
    .flatMap((large) => {
      const small = rows.find((row) => row.name === 'caseload-small' && row.connections === large.connections);
      return small ? [{ connections: large.connections, factor: small.trustwork.requestsPerSecond / large.trustwork.requestsPerSecond }] : [];
    });
  const scaleWorst = scale.reduce((found, entry) => (found === null || entry.factor > found.factor ? entry : found), null);
  const briefs = rows.filter((row) => row.name === 'session-brief');
  const briefWorst = worst(briefs, (row) => row.trustwork.p95);
  const errors = rows.reduce((sum, row) => sum + row.trustwork.errors + row.baseline.errors, 0);
  const writes = rows.filter((row) => row.trustwork.acknowledged !== undefined);
  const lost = writes.reduce((sum, row) => sum + row.trustwork.lost + row.baseline.lost, 0);
  const acknowledged = writes.reduce((sum, row) => sum + row.trustwork.acknowledged + row.baseline.acknowledged, 0);
  const writeRoutes = [...new Set(writes.map((row) => row.name))].join(', ');

  const phone = (figure) => {
    if (!slowPhone) return { met: null, figure: 'not measured in this run' };
    if (slowPhone.error) return { met: null, figure: `not measured: ${slowPhone.error}` };
    return { met: figure(slowPhone) <= SLOW_PHONE_USABLE_MS, figure: `${Math.round(figure(slowPhone))} ms, median` };
  };

  return [
    {
      kind: SPEED,
      name: 'Every route at least 0.84× the baseline at 10 connections',
      met: lowestRatio === null ? null : lowestRatio.ratio >= 0.84,
      figure: lowestRatio ? `lowest ${lowestRatio.ratio}× (${lowestRatio.route})` : 'no rows',
    },
    {
      kind: SPEED,
      name: 'API CPU per request at most 1.5× the baseline server’s, every route and connection count',
      met: costliest === null ? null : apiCpuFactor(costliest) <= 1.5,
      figure: costliest ? `highest ${apiCpuFactor(costliest).toFixed(2)}× (${costliest.route} @${costliest.connections})` : 'no CPU figures',
    },
    {
      kind: SPEED,
      name: 'PostgreSQL CPU per request of caseload, progress and brief at most half that of 2026-12-03',
      met: heaviest === null ? null : databaseShare(heaviest) <= 0.5,
      figure: heaviest
        ? databaseCpu.map((row) => `${row.name} @${row.connections} ${row.trustwork.databaseCpuMs} ms (${databaseShare(row).toFixed(2)}×)`).join(', ')
        : 'not measured in this run',
    },
    {
      kind: SPEED,
      name: 'p95 at 50 connections at most 1.25× the baseline’s',
      met: mostQueued === null ? null : p95Factor(mostQueued) <= 1.25,
      figure: mostQueued ? `highest ${p95Factor(mostQueued).toFixed(2)}× (${mostQueued.route}: ${mostQueued.trustwork.p95} vs ${mostQueued.baseline.p95} ms)` : 'not measured in this run',
    },
    {
      kind: SPEED,
      name: 'Caseload and portal p95 at most 50 ms at 10 connections',
      met: slowestFast === null ? null : slowestFast.trustwork.p95 <= 50,
      figure: slowestFast ? `slowest ${slowestFast.trustwork.p95} ms (${slowestFast.route})` : 'not measured in this run',
    },
    {
      kind: SPEED,
      name: '5,000-case caseload at most 1.5× the cost of the 100-case one',
      met: scaleWorst === null ? null : scaleWorst.factor <= 1.5,
      figure: scale.map((entry) => `${entry.factor.toFixed(2)}× @${entry.connections}`).join(', ') || 'not measured in this run',
    },
    {
      kind: SPEED,
      name: 'Pre-session brief p95 at most 300 ms',
      met: briefWorst === null ? null : briefWorst.trustwork.p95 <= 300,
      figure: briefs.map((row) => `${row.trustwork.p95} ms @${row.connections}`).join(', ') || 'not measured in this run',
    },
    { kind: SPEED, name: 'Portal homework list usable within 3 s on slow 4G, CPU 4×', ...phone((figures) => figures.portal.homeworkUsableMs) },
    { kind: SPEED, name: 'Dashboard sign-in usable within 3 s on the same profile', ...phone((figures) => figures.signIn.formUsableMs) },
    { kind: CORRECTNESS, name: 'No errors', met: errors === 0, figure: `${errors} errors` },
    {
      kind: CORRECTNESS,
      name: 'No lost writes',
      met: acknowledged === 0 ? null : lost === 0,
      figure: acknowledged === 0 ? 'not measured in this run' : `${acknowledged} acknowledged, ${lost} missing (${writeRoutes})`,
    },
  ];
}

export const missedCorrectness = (targets) => targets.some((target) => target.kind === CORRECTNESS && target.met === false);

const orNa = (figure) => figure ?? 'n/a';
const withBaseline = (row, field) => `${orNa(row.trustwork[field])} (${orNa(row.baseline[field])})`;

/** Markdown, so the same text reads in a terminal and in bench/README.md. */
export function formatTable(rows, targets, { slowPhone = null } = {}) {
  const header = [
    'Route',
    'Conns',
    'Baseline req/s',
    'Trustwork req/s',
    'Ratio',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'Baseline p95 ms',
    'Errors',
    'Server CPU ms/req (baseline)',
    'PostgreSQL CPU ms/req (baseline)',
  ];
  const lines = rows.map((row) => [
    row.route,
    row.connections,
    row.baseline.requestsPerSecond,
    row.trustwork.requestsPerSecond,
    `${row.ratio.toFixed(2)}×`,
    row.trustwork.p50,
    row.trustwork.p95,
    row.trustwork.p99,
    row.baseline.p95,
    row.trustwork.errors + row.baseline.errors,
    withBaseline(row, 'serverCpuMs'),
    withBaseline(row, 'databaseCpuMs'),
  ]);
  const table = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const phone =
    slowPhone && !slowPhone.error
      ? `\n\nOn a phone (slow 4G, CPU 4×, cold cache, median of runs): the portal's homework list is usable after ${Math.round(slowPhone.portal.homeworkUsableMs)} ms, the dashboard's sign-in form after ${Math.round(slowPhone.signIn.formUsableMs)} ms.`
      : '';
  const verdict = (met) => (met === null ? 'Not measured' : met ? 'Met' : '**Missed**');
  const verdicts = targets.map((target) => `- ${verdict(target.met)}: ${target.name} (${target.figure})`).join('\n');
  return `${table}\n\np50/p95/p99 are Trustwork's; errors count both sides; CPU is milliseconds per request in the server process (the API, or the baseline's) and in all of PostgreSQL, the baseline's in brackets.${phone}\n\n${verdicts}`;
}
