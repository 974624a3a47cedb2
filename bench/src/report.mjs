// The benchmark's table and its targets, kept apart from the runner so the rules read in one place.

const SPEED = 'speed';
const CORRECTNESS = 'correctness';

/** Each target of the benchmark, met or not, with the figure that decides it. */
export function evaluateTargets(rows) {
  const worst = (candidates, figure) => candidates.reduce((found, row) => (found === null || figure(row) > figure(found) ? row : found), null);
  const lowestRatio = worst(rows, (row) => -row.ratio);
  const slowestAt50 = worst(rows.filter((row) => row.connections === 50), (row) => row.trustwork.p95);
  const scale = rows
    .filter((row) => row.name === 'caseload-first')
    .map((large) => {
      const small = rows.find((row) => row.name === 'caseload-small' && row.connections === large.connections);
      return { connections: large.connections, factor: small ? small.trustwork.requestsPerSecond / large.trustwork.requestsPerSecond : Infinity };
    });
  const scaleWorst = scale.reduce((found, entry) => (found === null || entry.factor > found.factor ? entry : found), null);
  const briefs = rows.filter((row) => row.name === 'session-brief');
  const briefWorst = worst(briefs, (row) => row.trustwork.p95);
  const errors = rows.reduce((sum, row) => sum + row.trustwork.errors + row.baseline.errors, 0);
  const lost = rows.reduce((sum, row) => sum + (row.trustwork.lost ?? 0) + (row.baseline.lost ?? 0), 0);
  const acknowledged = rows.reduce((sum, row) => sum + (row.trustwork.acknowledged ?? 0) + (row.baseline.acknowledged ?? 0), 0);
  return [
    {
      kind: SPEED,
      name: 'Every route at least 0.6× the baseline',
      met: lowestRatio === null ? null : lowestRatio.ratio >= 0.6,
      figure: lowestRatio ? `lowest ${lowestRatio.ratio}× (${lowestRatio.route} @${lowestRatio.connections})` : 'no rows',
    },
    {
      kind: SPEED,
      name: 'p95 at most 50 ms at 50 connections',
      met: slowestAt50 === null ? null : slowestAt50.trustwork.p95 <= 50,
      figure: slowestAt50 ? `slowest ${slowestAt50.trustwork.p95} ms (${slowestAt50.route})` : 'no rows',
    },
    {
      kind: SPEED,
      name: '5,000-case caseload at most 1.5× the cost of the 100-case one',
      met: scaleWorst === null || !Number.isFinite(scaleWorst.factor) ? null : scaleWorst.factor <= 1.5,
      figure: scale.map((entry) => `${entry.factor.toFixed(2)}× @${entry.connections}`).join(', ') || 'not measured in this run',
    },
    {
      kind: SPEED,
      name: 'Pre-session brief p95 at most 300 ms',
      met: briefWorst === null ? null : briefWorst.trustwork.p95 <= 300,
      figure: briefs.map((row) => `${row.trustwork.p95} ms @${row.connections}`).join(', ') || 'not measured in this run',
    },
    { kind: CORRECTNESS, name: 'No errors', met: errors === 0, figure: `${errors} errors` },
    {
      kind: CORRECTNESS,
      name: 'No lost check-ins',
      met: acknowledged === 0 ? null : lost === 0,
      figure: acknowledged === 0 ? 'not measured in this run' : `${acknowledged} acknowledged, ${lost} missing`,
    },
  ];
}

export const missedCorrectness = (targets) => targets.some((target) => target.kind === CORRECTNESS && target.met === false);

const cpu = (figures) => (figures.serverCpuMs === null ? 'n/a' : `${figures.serverCpuMs} + ${figures.databaseCpuMs}`);

/** Markdown, so the same text reads in a terminal and in bench/README.md. */
export function formatTable(rows, targets) {
  const header = ['Route', 'Conns', 'Baseline req/s', 'Trustwork req/s', 'Ratio', 'p50 ms', 'p95 ms', 'p99 ms', 'Baseline p95 ms', 'Errors', 'CPU ms/req API + PG (baseline)'];
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
    `${cpu(row.trustwork)} (${cpu(row.baseline)})`,
  ]);
  const table = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const verdict = (met) => (met === null ? 'Not measured' : met ? 'Met' : '**Missed**');
  const verdicts = targets.map((target) => `- ${verdict(target.met)}: ${target.name} (${target.figure})`).join('\n');
  return `${table}\n\np50/p95/p99 are Trustwork's; errors count both sides; CPU is milliseconds per request in the server process and in PostgreSQL.\n\n${verdicts}`;
}
