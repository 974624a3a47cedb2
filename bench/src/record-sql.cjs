// Preloaded (`node --require`) into one API process by `npm run bench`: appends every statement
// the API sends to PostgreSQL, with its parameters and its prepared-statement name if it has one,
// to BENCH_SQL_LOG as JSON lines. The baseline server replays exactly these statements, named
// ones as named ones, so both sides of the comparison run the same SQL prepared the same way.
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const logFile = process.env.BENCH_SQL_LOG;
const requireFromApi = createRequire(path.resolve(__dirname, '../../apps/api/package.json'));
const { Client } = requireFromApi('pg');
const query = Client.prototype.query;

Client.prototype.query = function recordedQuery(config, values, ...rest) {
  const text = typeof config === 'string' ? config : config?.text;
  const parameters = (typeof config === 'object' && config?.values) || (Array.isArray(values) ? values : []);
  const name = typeof config === 'object' && config?.name ? config.name : undefined;
  if (logFile && text) fs.appendFileSync(logFile, `${JSON.stringify({ text, values: parameters, ...(name ? { name } : {}) })}\n`);
  return query.call(this, config, values, ...rest);
};
