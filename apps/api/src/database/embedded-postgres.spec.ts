import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertPostgresUserCanReach, EmbeddedPostgresUnreachable, firstClosedFolder } from './embedded-postgres';

describe('whether the postgres user can reach the embedded database', () => {
  let root: string;
  const me = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  // Owns nothing and shares no group: what a `postgres` user created on first start is.
  const anotherUser = { uid: me.uid + 54321, gid: me.gid + 54321 };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-reach-'));
    fs.chmodSync(root, 0o755);
  });
  afterEach(() => {
    fs.chmodSync(root, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A checkout in a folder only its owner may enter, like root's home in a container. */
  function privateCheckout(mode = 0o700): { home: string; dataDir: string } {
    const home = path.join(root, 'home');
    const dataDir = path.join(home, 'trustwork', '.data', 'pg');
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.chmodSync(home, mode);
    return { home, dataDir };
  }

  it('finds the first folder on the way that another user may not enter', () => {
    const { home, dataDir } = privateCheckout();
    expect(firstClosedFolder(dataDir, anotherUser)).toBe(home);
    expect(firstClosedFolder(dataDir, me)).toBeUndefined();
  });

  it('lets another user through a folder they may enter but not list, or one of their group', () => {
    expect(firstClosedFolder(privateCheckout(0o711).dataDir, anotherUser)).toBeUndefined();
    fs.chmodSync(path.join(root, 'home'), 0o710);
    expect(firstClosedFolder(path.join(root, 'home', 'trustwork'), { uid: anotherUser.uid, gid: me.gid })).toBeUndefined();
    expect(firstClosedFolder(path.join(root, 'home', 'trustwork'), anotherUser)).toBe(path.join(root, 'home'));
  });

  it('follows a symbolic link to where it leads', () => {
    const { home } = privateCheckout();
    const link = path.join(root, 'checkout');
    fs.symlinkSync(path.join(home, 'trustwork'), link);
    expect(firstClosedFolder(path.join(link, '.data'), anotherUser)).toBe(home);
  });

  it('judges a data folder not made yet by the folders that exist', () => {
    expect(firstClosedFolder(path.join(root, 'not', 'made', 'yet'), anotherUser)).toBeUndefined();
  });

  it('stops with one message naming the folder and the three ways out', () => {
    const { home, dataDir } = privateCheckout();
    const check = () => assertPostgresUserCanReach([path.dirname(dataDir)], anotherUser);
    expect(check).toThrow(EmbeddedPostgresUnreachable);
    expect(check).toThrow(`PostgreSQL runs as the "postgres" user, and that user may not enter ${home}.`);
    expect(check).toThrow(/move the checkout to a folder other users may enter/);
    expect(check).toThrow(/run as a normal user instead of root/);
    expect(check).toThrow(/set DATABASE_URL/);
    expect(() => assertPostgresUserCanReach([path.dirname(dataDir)], me)).not.toThrow();
  });

  it('offers to open the closed folder itself, which is the way out when DATA_DIR (not the checkout) is the closed one', () => {
    const { home, dataDir } = privateCheckout();
    expect(() => assertPostgresUserCanReach([path.dirname(dataDir)], anotherUser)).toThrow(`let other users pass through it: chmod o+x ${home}`);
  });
});
