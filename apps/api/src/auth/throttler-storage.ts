import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * Throttler storage that can give an attempt back: a sign-in reserves its slot before the
 * password is checked (so a burst of guesses is limited exactly) and returns it on success.
 */
export interface ReleasableThrottlerStorage extends ThrottlerStorage {
  release(key: string, throttlerName: string): Promise<void>;
}

// Lowers the count only while it is live and above zero, so a late give-back never goes negative or outlives its window.
const RELEASE_SCRIPT = `
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
if hits > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/** Counts shared by every API instance. */
export class RedisThrottlerStorage extends ThrottlerStorageRedisService implements ReleasableThrottlerStorage {
  async release(key: string, throttlerName: string): Promise<void> {
    // The hit counter as the parent's increment names it.
    await this.redis.call('eval', RELEASE_SCRIPT, 1, `{${key}:${throttlerName}}:hits`);
  }
}

interface Count {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Counts for a single instance, kept exactly as the Redis storage keeps them (a fixed window
 * per key, and a block once the limit is passed), so one instance behaves as several do.
 */
export class MemoryThrottlerStorage implements ReleasableThrottlerStorage, OnApplicationShutdown {
  private readonly counts = new Map<string, Count>();
  private readonly sweep = setInterval(() => this.forgetExpired(Date.now()), SWEEP_INTERVAL_MS).unref();

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const id = `${key}:${throttlerName}`;
    const count = this.counts.get(id) ?? { hits: 0, expiresAt: 0, blockedUntil: 0 };
    if (count.expiresAt <= now) Object.assign(count, { hits: 0, expiresAt: now + ttl });
    count.hits += 1;
    if (count.blockedUntil <= now && count.hits > limit) count.blockedUntil = now + blockDuration;
    this.counts.set(id, count);
    const isBlocked = count.blockedUntil > now;
    return {
      totalHits: count.hits,
      timeToExpire: Math.ceil((count.expiresAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((count.blockedUntil - now) / 1000) : 0,
    };
  }

  async release(key: string, throttlerName: string): Promise<void> {
    const count = this.counts.get(`${key}:${throttlerName}`);
    if (count && count.expiresAt > Date.now() && count.hits > 0) count.hits -= 1;
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }

  private forgetExpired(now: number): void {
    for (const [id, count] of this.counts) {
      if (count.expiresAt <= now && count.blockedUntil <= now) this.counts.delete(id);
    }
  }
}
