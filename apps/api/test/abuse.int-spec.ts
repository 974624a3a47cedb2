import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import request from 'supertest';
import { ConfigurationError, loadAppConfig } from '../src/config/app-config';
import { openCoupleWithLinks, registerPractice, startTestApp, TEST_PASSWORD, uniqueEmail, type TestApp } from './test-app';

const REDIS_MISSING = 'Redis not available: shared rate-limit test not run';

/** An app listening on a real port, so bursts are truly concurrent and raw sockets can connect. */
async function startListeningApp(environment: Record<string, string>): Promise<TestApp & { url: string }> {
  const started = await startTestApp(environment);
  await started.app.listen(0, '127.0.0.1');
  return { ...started, url: await started.app.getUrl() };
}

function statusesOf(responses: { status: number }[]): { passed: number; limited: number } {
  const limited = responses.filter((response) => response.status === 429).length;
  return { passed: responses.length - limited, limited };
}

/** Set by the global setup when a Redis answers. */
const REDIS_URL = process.env.TEST_REDIS_REACHABLE_URL;
// CI machines run Redis, so there the test runs (and fails without one); elsewhere it reports itself skipped.
const itWithRedis = REDIS_URL || process.env.CI ? it : it.skip;

describe('configuration', () => {
  it('accepts only redis:// and rediss:// URLs, and never echoes them', () => {
    expect(loadAppConfig({ NODE_ENV: 'test', REDIS_URL: 'rediss://:secret@cache.example:6380' }).redis.url).toBe('rediss://:secret@cache.example:6380');
    let thrown: unknown;
    try {
      loadAppConfig({ NODE_ENV: 'test', REDIS_URL: 'http://:hunter2@cache.example' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as ConfigurationError).problems).toEqual(['REDIS_URL must be a redis:// or rediss:// URL']);
  });
});

describe('rate limits in one instance (memory)', () => {
  let api: TestApp & { url: string };
  beforeAll(async () => {
    api = await startListeningApp({ LOGIN_LIMIT_PER_EMAIL: '5', LOGIN_LIMIT_PER_ADDRESS: '1000' });
  });
  afterAll(() => api.close());

  it('lets exactly the limit through when attempts for one e-mail arrive at once', async () => {
    const email = uniqueEmail('burst');
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => request(api.url).post('/api/auth/login').send({ email, password: 'not the password' })),
    );
    expect(statusesOf(burst)).toEqual({ passed: 5, limited: 5 });
    expect(burst.filter((response) => response.status !== 429).every((response) => response.status === 401)).toBe(true);
  });
});

describe('rate limits shared by several instances (Redis)', () => {
  itWithRedis('count logins and portal requests once across two instances', async () => {
    const redisUrl = REDIS_URL;
    if (!redisUrl) throw new Error(REDIS_MISSING);
    const keyPrefix = `trustwork-test:${randomUUID()}:`;
    const environment = {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: keyPrefix,
      LOGIN_LIMIT_PER_EMAIL: '6',
      LOGIN_LIMIT_PER_ADDRESS: '1000',
      PORTAL_LIMIT_PER_LINK: '7',
      PORTAL_LIMIT_PER_ADDRESS: '1000',
    };
    const instances = [await startListeningApp(environment), await startListeningApp(environment)];
    const inspector = new Redis(redisUrl);
    try {
      const [first] = instances;
      const eachInstance = <T>(count: number, send: (url: string) => Promise<T>) =>
        Promise.all(Array.from({ length: count }, (_, index) => send(instances[index % 2].url)));

      // Successes give their attempt back through Redis: more than the limit, then the limit of failures.
      const owner = await registerPractice(first.http);
      for (let visit = 0; visit < 6 + 5; visit++) {
        await request(instances[visit % 2].url).post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
      }
      const logins = await eachInstance(6 + 5, (url) => request(url).post('/api/auth/login').send({ email: owner.email, password: 'not the password' }));
      expect(statusesOf(logins)).toEqual({ passed: 6, limited: 5 });

      const { alex } = await openCoupleWithLinks(first.http, owner, owner.tokens.user.id);
      const reads = await eachInstance(7 + 5, (url) => request(url).get('/api/portal/me').set(alex.auth));
      expect(statusesOf(reads)).toEqual({ passed: 7, limited: 5 });

      // The counts really live in Redis, under this run's prefix only, and never hold a token.
      const keys = await inspector.keys(`${keyPrefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(' ')).not.toContain(alex.token);
      expect(keys.join(' ')).not.toContain(TEST_PASSWORD);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      const keys = await inspector.keys(`${keyPrefix}*`);
      if (keys.length > 0) await inspector.del(...keys);
      inspector.disconnect();
    }
  });
});

describe('request size and speed', () => {
  let api: TestApp & { url: string };
  beforeAll(async () => {
    api = await startListeningApp({ BODY_LIMIT_BYTES: '2048', REQUEST_TIMEOUT_MS: '1000' });
  });
  afterAll(() => api.close());

  it('refuses a body just over the limit with 413 in the usual error shape', async () => {
    const bodyOf = (bytes: number) => {
      const empty = JSON.stringify({ email: 'a@example.test', password: '' });
      return JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(bytes - empty.length) });
    };
    const send = (body: string) => api.http.post('/api/auth/login').set('Content-Type', 'application/json').send(body);
    const over = await send(bodyOf(2049));
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.stringMatching(/too large/i) });
    // At the limit the body is read (and the over-long password refused as usual).
    expect((await send(bodyOf(2048))).status).toBe(400);
  });

  it('closes a connection whose body trickles in slower than the request deadline', async () => {
    const { port } = new URL(api.url);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let received = '';
      let trickle: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{');
        // One byte every 200 ms: never idle, but far too slow to finish in time.
        trickle = setInterval(() => socket.write(' '), 200);
      });
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(trickle);
        resolve(received);
      });
      setTimeout(() => {
        socket.destroy();
        reject(new Error('the server kept the slow connection open for 5 seconds'));
      }, 5000).unref();
    });
    const elapsed = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2500);
  });
});
