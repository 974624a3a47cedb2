// The raw baseline of `npm run bench`: plain Fastify and a pg pool, no framework on top. Each
// route replays the statements the API was recorded sending for the same request (same SQL,
// same parameters, same transaction and row-level-security setup) and answers with every row
// they returned, so what is left between the two is the cost of the API itself.
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
  // Who the request is for is read from its Authorization header, as the API does, and the
  // recorded statements were rewritten for each such person before the run started.
  const bySubject = new Map(route.subjects.map((subject) => [subject.authorization, subject.statements]));
  app.route({
    method: route.method,
    url: `/raw/${route.name}`,
    handler: async (request, reply) => {
      const statements = bySubject.get(request.headers.authorization);
      if (!statements) return reply.code(401).send({ message: 'unknown subject' });
      const idempotencyKey = request.headers['idempotency-key'];
      const client = await pool.connect();
      try {
        const answers = [];
        for (const statement of statements) {
          const values = statement.values.map((value) => (value === route.idempotencyMarker ? idempotencyKey : value));
          const result = await client.query(statement.text, values);
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
