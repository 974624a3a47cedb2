import { createHash } from 'node:crypto';
import { ChainWalk, GENESIS_HASH, chainReport, type ChainLink } from './audit-chain';

/** A well-formed chain of `length` rows, hashed the way the database does (content stood in by the id). */
function chainOf(length: number): ChainLink[] {
  const links: ChainLink[] = [];
  let previousHash = GENESIS_HASH;
  for (let position = 1; position <= length; position += 1) {
    const id = `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`;
    const hash = createHash('sha256').update(previousHash).update(id).digest();
    links.push({ id, occurredAt: new Date(Date.UTC(2026, 2, 1, 9, position)), action: 'case.read', position, previousHash, hash, hashMatches: true });
    previousHash = hash;
  }
  return links;
}

const walked = (links: ChainLink[], head = { position: links.length, hash: links[links.length - 1]?.hash ?? GENESIS_HASH }) => {
  const walk = new ChainWalk();
  for (const link of links) if (!walk.add(link)) break;
  return walk.finish(head);
};

const named = (link: ChainLink) => ({ id: link.id, occurredAt: link.occurredAt.toISOString(), action: link.action });

describe('walking an audit chain', () => {
  it('finds a whole chain intact, and an empty one too', () => {
    expect(walked(chainOf(4))).toEqual({ intact: true, checkedEvents: 4, firstBrokenEvent: null });
    expect(walked([])).toEqual({ intact: true, checkedEvents: 0, firstBrokenEvent: null });
  });

  it('names a row whose content no longer matches its hash, and stops there', () => {
    const links = chainOf(4);
    links[1] = { ...links[1], hashMatches: false };
    expect(walked(links)).toEqual({ intact: false, checkedEvents: 2, firstBrokenEvent: named(links[1]) });
  });

  it('names the row after a removed one', () => {
    const links = chainOf(4);
    expect(walked([links[0], links[2], links[3]], { position: 4, hash: links[3].hash })).toEqual({ intact: false, checkedEvents: 2, firstBrokenEvent: named(links[2]) });
  });

  it('names a row that claims another predecessor, even at the right position', () => {
    const links = chainOf(3);
    links[2] = { ...links[2], previousHash: links[0].hash };
    expect(walked(links).firstBrokenEvent).toEqual(named(links[2]));
  });

  it('names the first of two rows that swapped places', () => {
    const links = chainOf(4);
    expect(walked([links[0], links[2], links[1], links[3]]).firstBrokenEvent).toEqual(named(links[2]));
  });

  it('breaks when a chain ends before its recorded head, with no row to name', () => {
    const links = chainOf(4);
    expect(walked(links.slice(0, 3), { position: 4, hash: links[3].hash })).toEqual({ intact: false, checkedEvents: 3, firstBrokenEvent: null });
  });

  it('does not start from anything but the genesis hash', () => {
    const links = chainOf(2);
    links[0] = { ...links[0], previousHash: Buffer.alloc(32, 1) };
    expect(walked(links).firstBrokenEvent).toEqual(named(links[0]));
  });
});

describe('the line `npm run audit:verify` prints for a practice', () => {
  it('says intact with the count, or where it broke', () => {
    expect(chainReport('Riverside Counselling', { intact: true, checkedEvents: 120, firstBrokenEvent: null })).toBe('Riverside Counselling: intact (120 events)');
    expect(
      chainReport('Riverside Counselling', {
        intact: false,
        checkedEvents: 7,
        firstBrokenEvent: { id: 'a2f0c7de-3c1b-4b8e-9a55-0d2f6c3e9b10', occurredAt: '2026-03-01T09:07:00.000Z', action: 'note.read' },
      }),
    ).toBe('Riverside Counselling: BROKEN at event a2f0c7de-3c1b-4b8e-9a55-0d2f6c3e9b10 (2026-03-01T09:07:00.000Z, note.read)');
    expect(chainReport('Riverside Counselling', { intact: false, checkedEvents: 3, firstBrokenEvent: null })).toBe(
      'Riverside Counselling: BROKEN: its newest events are missing (the chain stops after 3 events)',
    );
  });
});
