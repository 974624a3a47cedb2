import type { AuditChainVerification } from '@trustwork/contracts';
import type { Client } from 'pg';

/**
 * Checking a practice's audit hash chain (migration 1764590000000-audit-chain defines it:
 * each audit row's link holds SHA-256 of the previous link's hash and the row's own content,
 * computed by `audit_event_hash` in PostgreSQL, the same function the trigger writes with).
 */

/** The previous hash of a practice's first row. */
export const GENESIS_HASH = Buffer.alloc(32);

/** Rows read per statement: a practice with a million rows is walked without holding them all. */
export const CHAIN_BATCH_SIZE = 5000;

/** One audit row with its link, and whether the link's hash matches the row's content and the link's previous hash. */
export interface ChainLink {
  id: string;
  occurredAt: Date;
  action: string;
  position: number;
  previousHash: Buffer;
  hash: Buffer;
  hashMatches: boolean;
}

/** Where the chain ended when it was last written: its last position and hash. */
export interface ChainHead {
  position: number;
  hash: Buffer;
}

export type ChainResult = Omit<AuditChainVerification, 'verifiedAt'>;

/**
 * Walks a chain in position order, one row at a time, and stops at the first row that
 * breaks it: altered content (its hash), a removed row (the next row's position and
 * previous hash), rows moved around (both).
 */
export class ChainWalk {
  private checked = 0;
  private expectedPosition = 1;
  private previousHash: Buffer = GENESIS_HASH;
  private broken: ChainLink | null = null;

  /** False once the chain is broken: the caller stops reading. */
  add(link: ChainLink): boolean {
    if (this.broken) return false;
    this.checked += 1;
    if (link.position !== this.expectedPosition || !link.previousHash.equals(this.previousHash) || !link.hashMatches) {
      this.broken = link;
      return false;
    }
    this.expectedPosition += 1;
    this.previousHash = link.hash;
    return true;
  }

  /** The outcome, given the head: a chain that stops short of it lost its newest rows. */
  finish(head: ChainHead): ChainResult {
    const broken = this.broken;
    if (broken) {
      return { intact: false, checkedEvents: this.checked, firstBrokenEvent: { id: broken.id, occurredAt: broken.occurredAt.toISOString(), action: broken.action } };
    }
    const reachedHead = this.expectedPosition - 1 === head.position && this.previousHash.equals(head.hash);
    return { intact: reachedHead, checkedEvents: this.checked, firstBrokenEvent: null };
  }
}

/** Runs one SQL statement and answers its rows: the API's practice transaction, or the CLI's owner connection. */
export type RunQuery = <Row>(sql: string, parameters: unknown[]) => Promise<Row[]>;

interface LinkRow {
  id: string;
  occurred_at: Date;
  action: string;
  chain_position: string;
  previous_hash: Buffer;
  hash: Buffer;
  hash_matches: boolean;
}

/**
 * Verifies one practice's chain up to its head as read at the start, so rows that
 * requests add meanwhile (this verification's own audit row among them) are left for the next.
 * Runs where the practice is set for row-level security.
 */
export async function verifyAuditChain(query: RunQuery, practiceId: string): Promise<ChainResult> {
  // One snapshot: a head and the rows it ends are committed together.
  const [found] = await query<{ last_position: string | null; last_hash: Buffer | null; has_events: boolean }>(
    `SELECT h.last_position, h.last_hash, EXISTS (SELECT 1 FROM audit_chain WHERE practice_id = $1) AS has_events
     FROM (SELECT 1) AS one LEFT JOIN audit_chain_heads h ON h.practice_id = $1`,
    [practiceId],
  );
  const head: ChainHead = found.last_position !== null && found.last_hash ? { position: Number(found.last_position), hash: found.last_hash } : { position: 0, hash: GENESIS_HASH };
  // Rows without a head: the head was removed, so every row is walked and the chain cannot end where it should.
  const lastPosition = found.last_position === null && found.has_events ? Number.MAX_SAFE_INTEGER : head.position;
  const walk = new ChainWalk();
  let after = 0;
  for (;;) {
    const rows = await query<LinkRow>(
      `SELECT a.id, a.occurred_at, a.action, l.chain_position, l.previous_hash, l.hash,
              audit_event_hash(l.previous_hash, l.chain_position, a) = l.hash AS hash_matches
       FROM audit_chain l JOIN audit_events a ON a.id = l.event_id
       WHERE l.practice_id = $1 AND l.chain_position > $2 AND l.chain_position <= $3
       ORDER BY l.chain_position
       LIMIT ${CHAIN_BATCH_SIZE}`,
      [practiceId, after, lastPosition],
    );
    for (const row of rows) {
      const position = Number(row.chain_position);
      const going = walk.add({
        id: row.id,
        occurredAt: row.occurred_at,
        action: row.action,
        position,
        previousHash: row.previous_hash,
        hash: row.hash,
        hashMatches: row.hash_matches,
      });
      if (!going) return walk.finish(head);
      after = position;
    }
    if (rows.length < CHAIN_BATCH_SIZE) return unlinkedEventBreaks(query, practiceId, walk.finish(head));
  }
}

/**
 * A row inserted with the chain's trigger switched off (only a superuser can) has no link, so
 * the walk never meets it. Every committed row has one, written in its own transaction, so
 * the first row without one breaks the chain.
 */
async function unlinkedEventBreaks(query: RunQuery, practiceId: string, walked: ChainResult): Promise<ChainResult> {
  if (!walked.intact) return walked;
  const [unlinked] = await query<{ id: string; occurred_at: Date; action: string }>(
    `SELECT a.id, a.occurred_at, a.action FROM audit_events a
     WHERE a.practice_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_chain l WHERE l.practice_id = $1 AND l.event_id = a.id)
     ORDER BY a.occurred_at, a.id LIMIT 1`,
    [practiceId],
  );
  if (!unlinked) return walked;
  return { intact: false, checkedEvents: walked.checkedEvents, firstBrokenEvent: { id: unlinked.id, occurredAt: unlinked.occurred_at.toISOString(), action: unlinked.action } };
}

/** One practice's line in `npm run audit:verify`. */
export function chainReport(practiceName: string, result: ChainResult): string {
  if (result.intact) return `${practiceName}: intact (${result.checkedEvents} events)`;
  const broken = result.firstBrokenEvent;
  if (broken) return `${practiceName}: BROKEN at event ${broken.id} (${broken.occurredAt}, ${broken.action})`;
  return `${practiceName}: BROKEN: its newest events are missing (the chain stops after ${result.checkedEvents} events)`;
}

/**
 * Every practice's chain, on a connection of the database owner (`npm run audit:verify`, and
 * the API suites' teardown): each practice in a read-only transaction that names it, as the
 * API's requests do, since row-level security may apply to the owner too.
 */
export async function verifyEveryPractice(client: Client): Promise<{ practiceName: string; result: ChainResult }[]> {
  const query: RunQuery = async (sql, parameters) => (await client.query(sql, parameters)).rows;
  const practices = (await client.query<{ id: string; name: string }>('SELECT id, name FROM practices ORDER BY name, id')).rows;
  const verified: { practiceName: string; result: ChainResult }[] = [];
  for (const practice of practices) {
    await client.query('BEGIN READ ONLY');
    try {
      await client.query(`SELECT set_config('app.practice_id', $1, true)`, [practice.id]);
      verified.push({ practiceName: practice.name, result: await verifyAuditChain(query, practice.id) });
    } finally {
      await client.query('ROLLBACK');
    }
  }
  return verified;
}
