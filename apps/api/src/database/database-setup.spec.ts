import { unsupportedServerReason } from './database-setup';

describe('the PostgreSQL versions Trustwork runs on', () => {
  it('accepts 15, 16 and 17 and anything newer', () => {
    expect(unsupportedServerReason(150019, '15.19 (Debian 15.19-0+deb12u1)')).toBeNull();
    expect(unsupportedServerReason(160004, '16.4')).toBeNull();
    expect(unsupportedServerReason(170010, '17.10')).toBeNull();
    expect(unsupportedServerReason(180001, '18.1')).toBeNull();
  });

  it('refuses an older server, naming the version it found and what to do', () => {
    const reason = unsupportedServerReason(140018, '14.18');
    expect(reason).toContain('PostgreSQL 14.18');
    expect(reason).toContain('PostgreSQL 15 or newer');
    expect(reason).toContain('unset DATABASE_URL');
  });
});
