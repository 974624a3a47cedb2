import Redis from 'ioredis';

/**
 * The Redis the tests may use: TEST_REDIS_URL (must answer), else the machine's own one if
 * it answers a PING within 500 ms. Null when there is none.
 */
export async function reachableRedis(): Promise<string | null> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch (error) {
    if (process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL does not answer: ${(error as Error).message}`, { cause: error });
    return null;
  } finally {
    client.disconnect();
  }
}
