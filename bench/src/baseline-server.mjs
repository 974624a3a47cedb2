// The raw baseline of `npm run bench`: plain Fastify and a pg pool, no framework on top. Each
// route replays the statements the API was recorded sending for the same request (same SQL,
// same parameters, same transaction and row-level-security setup, the same prepared-statement
// names) and answers with every row they returned, so what is left between the two is the cost
// of the API itself.
import Fastify from 'fastify';
import fs from 'node:fs';
import process from 'node:process';
import { requirePg } from './bench-environment.mjs';

const { Pool } = requirePg();
const plan = JSON.parse(fs.readFileSync(process.env.BENCH_BASELINE_PLAN, 'utf8'), reviveBuffers);
const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_APP_URL, max: Number(process.env.BENCH_POOL_SIZE) });
const app = Fastify({ logger: false });

/** JSON turns a Buffer into { type: 'Buffer', data }; parameters such as a token's hash must go back as bytes. */
function reviveBuffers(_key, value) {
  return value && value.type === 'Buffer' && Array.isArray(value.data) ? Buffer.from(value.data) : value;
}

for (const route of plan.routes) {
  // Values each request brings (its Idempotency-Key, the draft version in If-Match) replace
  // the ones recorded, found by the recorded value itself.
  const fromRequest = new Map(route.requestValues.map(({ header, recorded }) => [recorded, header]));
  app.route({
    method: route.method,
    url: `/raw/${route.name}/:subject`,
    handler: async (request, reply) => {
      // The statements were rewritten for each caller (person, draft, assignment) before the
      // run started; the request names its caller, as the API reads it from the token and path.
      const subject = route.subjects[Number(request.params.subject)];
      if (!subject) return reply.code(404).send({ message: 'unknown subject' });
      const client = await pool.connect();
      try {
        const answers = [];
        for (const [index, statement] of route.statements.entries()) {
          const values = subject[index].map((value) => {
            const header = fromRequest.get(value);
            return header === undefined ? value : request.headers[header];
          });
          const result = await client.query(statement.name ? { name: statement.name, text: statement.text, values } : { text: statement.text, values });
          if (result.rows?.length) answers.push(result.rows);
        }
        return reply.code(route.method === 'POST' ? 201 : 200).send(answers);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  });
}

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    app.close().then(() => pool.end()).finally(() => process.exit(0));
  });
}
